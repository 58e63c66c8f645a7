/**
 * The spread of the groups' answers to one question and the consensus it suggests (rule 13 in
 * docs/scoring.md). Levels are taken as the groups gave them, never capped. Observer groups are
 * left out of everything here: their answers are recorded, not counted.
 */
import type { Answer } from '../assessment/model';
import { BINARY_VALUES, type BinaryValue, type LevelQuestion } from '../questionnaire/schema';
import type { Group } from './groups';

/** A level as a group gives it: a scale value, or yes / partial / no for a binary question. */
export type Level = number | BinaryValue;

/** Groups that answered with a state other than a level, counted apart. */
export interface OtherStates {
  na: number;
  unknown: number;
  restricted: number;
}

export interface Spread {
  type: 'maturity' | 'binary';
  /** The counted groups' levels in group order (observers and unusable levels left out). */
  levels: { groupId: string; level: Level }[];
  /** n: counted groups whose answer has state level. */
  answered: number;
  lowest: Level | null;
  highest: Level | null;
  /** The lower median, the ⌈n/2⌉-th smallest level; null when no group gave a level. */
  suggested: Level | null;
  /** Maturity: scale steps between lowest and highest. Null for binary or when n = 0. */
  spread: number | null;
  /** Maturity: spread ≥ 2. Binary: both yes and no were given. */
  disagree: boolean;
  /** n even and the two middle levels differ. */
  evenSplit: boolean;
  other: OtherStates;
  /** na + unknown + restricted. */
  otherCount: number;
  /** Some counted groups gave a level and others said N/A. */
  naBesideLevels: boolean;
  /** On the disagreement queue: the groups disagree, or N/A stands beside levels. */
  queued: boolean;
}

/** Maturity spread at or above which groups disagree. */
export const DISAGREE_STEPS = 2;

/**
 * Positions of a question's levels: the scale order for maturity, no < partial < yes for
 * binary. A level that is not on the question's scale has no position (it cannot be placed).
 */
function positionOf(
  type: LevelQuestion['type'],
  scale: readonly { value: number }[],
  level: Answer['level']
): number | null {
  if (type === 'binary') {
    const i = typeof level === 'string' ? BINARY_VALUES.indexOf(level) : -1;
    return i >= 0 ? i : null;
  }
  const i = typeof level === 'number' ? scale.findIndex((l) => l.value === level) : -1;
  return i >= 0 ? i : null;
}

/**
 * Rule 13 for one question: over the non-observer groups whose answer has state level, n, the
 * lowest and highest level, the suggested consensus (the lower median), the spread in scale
 * steps, whether the groups disagree or split evenly, and the other states counted apart.
 * `answers` holds each group's answer keyed by group id (see `answersByGroup`); `scale` is the
 * questionnaire's scale in ascending order.
 * @example spreadOf({ type: 'maturity' }, CMM_SCALE, { a: lvl(1), b: lvl(2), c: lvl(4) }, groups)
 * // { answered: 3, lowest: 1, highest: 4, suggested: 2, spread: 3, disagree: true, evenSplit: false, … }
 */
export function spreadOf(
  question: Pick<LevelQuestion, 'type'>,
  scale: readonly { value: number }[],
  answers: Readonly<Record<string, Answer | undefined>>,
  groups: readonly Pick<Group, 'id' | 'observer'>[]
): Spread {
  const levels: Spread['levels'] = [];
  const placed: { level: Level; position: number }[] = [];
  const other: OtherStates = { na: 0, unknown: 0, restricted: 0 };
  for (const g of groups) {
    if (g.observer) continue;
    const answer = answers[g.id];
    switch (answer?.state) {
      case 'level': {
        const position = positionOf(question.type, scale, answer.level);
        if (position === null || answer.level === undefined) break;
        levels.push({ groupId: g.id, level: answer.level });
        placed.push({ level: answer.level, position });
        break;
      }
      case 'na':
      case 'unknown':
      case 'restricted':
        other[answer.state]++;
        break;
      default:
        break;
    }
  }
  const sorted = [...placed].sort((a, b) => a.position - b.position);
  const n = sorted.length;
  const lowest = sorted[0] ?? null;
  const highest = sorted[n - 1] ?? null;
  const median = n > 0 ? sorted[Math.ceil(n / 2) - 1]! : null;
  const steps = lowest && highest ? highest.position - lowest.position : null;
  const disagree =
    question.type === 'binary'
      ? sorted.some((p) => p.level === 'yes') && sorted.some((p) => p.level === 'no')
      : steps !== null && steps >= DISAGREE_STEPS;
  const evenSplit = n > 0 && n % 2 === 0 && sorted[n / 2 - 1]!.position !== sorted[n / 2]!.position;
  const naBesideLevels = n > 0 && other.na > 0;
  return {
    type: question.type,
    levels,
    answered: n,
    lowest: lowest?.level ?? null,
    highest: highest?.level ?? null,
    suggested: median?.level ?? null,
    spread: question.type === 'maturity' ? steps : null,
    disagree,
    evenSplit,
    other,
    otherCount: other.na + other.unknown + other.restricted,
    naBesideLevels,
    queued: disagree || naBesideLevels
  };
}

/**
 * Whether setting this consensus should take the facilitator to the rationale box: the
 * consensus differs from the suggestion (another level or another state), or it is set where
 * the groups disagree, split evenly, or answered N/A beside levels. With no suggestion (no
 * group gave a level) or no consensus set, nothing is asked.
 * @example needsRationale({ state: 'level', level: 3 }, spreadWithSuggested2) // true
 * @example needsRationale({ state: 'level', level: 2 }, spreadWithSuggested2AndNoDisagreement) // false
 */
export function needsRationale(consensus: Answer | null | undefined, spread: Spread): boolean {
  if (spread.suggested === null || !consensus?.state) return false;
  if (consensus.state !== 'level' || consensus.level !== spread.suggested) return true;
  return spread.disagree || spread.evenSplit || spread.naBesideLevels;
}
