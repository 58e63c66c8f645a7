/**
 * Display rounding (docs/scoring.md, rule 5). Every figure is computed unrounded and rounded once,
 * here, for the screen, the CSV and the PDF alike.
 */

/**
 * Rounds half away from zero to one decimal; the 1e-9 absorbs binary noise such as
 * 0.1375 * 100 = 13.750000000000002 or 13.749999999999998. Never returns -0.
 * @example roundOneDecimal(13.75) // 13.8
 * @example roundOneDecimal(-0.25) // -0.3
 */
export function roundOneDecimal(value: number): number {
  const rounded = (Math.sign(value) * Math.floor(Math.abs(value) * 10 + 0.5 + 1e-9)) / 10;
  return rounded === 0 ? 0 : rounded;
}

/**
 * A share (0–1) as a percentage with one decimal, `null` stays `null`.
 * @example shownPercent(0.725) // 72.5
 */
export function shownPercent(share: number | null): number | null {
  return share === null ? null : roundOneDecimal(100 * share);
}

/**
 * A share as text: "72.5", "0.0", or "" for null (CSV cells) / a caller-chosen placeholder.
 * @example formatPercent(0.1375) // "13.8"
 */
export function formatPercent(share: number | null, empty = ''): string {
  const shown = shownPercent(share);
  return shown === null ? empty : shown.toFixed(1);
}

/**
 * The equivalent level on the scale, one decimal ("2.4" of 5).
 * @example equivalentLevel(0.35, 1, 5) // 2.4
 */
export function equivalentLevel(share: number | null, min: number, max: number): number | null {
  return share === null ? null : roundOneDecimal(min + share * (max - min));
}

/**
 * A difference of two shares in percentage points, computed unrounded and rounded once.
 * @example formatPoints(0.5 - 0.3625) // "13.8"
 */
export function formatPoints(delta: number | null, empty = ''): string {
  return formatPercent(delta, empty);
}

/** The counts behind "based on n of m questions" (rule 6 as amended, rule 7's coverage). */
export interface BasedOn {
  /** Scored questions. */
  n: number;
  /** Questions that can be scored, less the N/A ones. */
  m: number;
}

/**
 * What a score rests on: n scored questions of the m that could count.
 * @example basedOn({ scored: 1, scorable: 32, na: 1 }) // { n: 1, m: 31 }
 */
export function basedOn(counts: { scored: number; scorable: number; na: number }): BasedOn {
  return { n: counts.scored, m: Math.max(0, counts.scorable - counts.na) };
}

/**
 * What stands where a stage is shown (rule 6 as amended): the stage reached; "not enough
 * answers yet (n of m)" when the scope is provisional — for an overall that is not provisional
 * itself but counts a provisional questionnaire, that questionnaire (`within`) and its counts;
 * or no stage at all (nothing scored at maturity level, or scales that differ).
 */
export type StageClaim =
  | { kind: 'stage'; stage: number }
  | ({ kind: 'provisional'; within?: { id: string; title: string } } & BasedOn)
  | { kind: 'none' };

type ClaimFigures = {
  stage: number | null;
  score: number | null;
  provisional: boolean;
  counts: { scored: number; scorable: number; na: number };
};

/**
 * The stage claim of one scope. `parts` are the questionnaires counted in an overall.
 * @example stageClaim(privacyResult) // { kind: 'provisional', n: 1, m: 31 }
 */
export function stageClaim(
  figures: ClaimFigures,
  parts: readonly (ClaimFigures & { id: string; title: string })[] = []
): StageClaim {
  if (figures.stage !== null) return { kind: 'stage', stage: figures.stage };
  if (figures.provisional) return { kind: 'provisional', ...basedOn(figures.counts) };
  const part = parts.find((p) => p.score !== null && p.provisional);
  if (part) {
    return {
      kind: 'provisional',
      within: { id: part.id, title: part.title },
      ...basedOn(part.counts)
    };
  }
  return { kind: 'none' };
}
