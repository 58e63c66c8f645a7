/**
 * The order of TLP 2.0 labels, from the least to the most restrictive. A file, report or
 * comparison is as sensitive as the most sensitive assessment in it.
 */
import { CLASSIFICATIONS, type Classification } from './model';

/**
 * Position of a label in the order CLEAR < GREEN < AMBER < AMBER+STRICT < RED.
 * @example classificationRank('AMBER') // 2
 */
export function classificationRank(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c);
}

/**
 * The most restrictive label of a set, or null for an empty set.
 * @example highestClassification(['GREEN', 'RED', 'AMBER']) // 'RED'
 */
export function highestClassification(list: readonly Classification[]): Classification | null {
  let best: Classification | null = null;
  for (const c of list) {
    if (best === null || classificationRank(c) > classificationRank(best)) best = c;
  }
  return best;
}
