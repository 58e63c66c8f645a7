/**
 * The version of the scoring rules (docs/scoring.md). Every cached summary records the version
 * it was computed with; a summary of another version is stale and is computed again from the
 * answers before anything shows it. Raise this number whenever a change to `score.ts` (or to
 * the rules it implements) can change a cached figure: a score, target score, stage,
 * completion, coverage or the provisional flag.
 */
export const SCORING_RULES_VERSION = 2;

/**
 * Whether cached figures were computed with the current scoring rules.
 * @example isCurrentRules({ rules: 1 }) // true
 * @example isCurrentRules({}) // false: cached before summaries recorded their rules
 */
export function isCurrentRules(summary: { rules?: number | undefined }): boolean {
  return summary.rules === SCORING_RULES_VERSION;
}
