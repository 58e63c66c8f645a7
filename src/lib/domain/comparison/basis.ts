/**
 * The basis of a comparison (docs/scoring.md, rule 10 with rule 12): when any selected assessment
 * is a core one, every assessment is compared on its core-set figures, which the summaries cache
 * beside the full ones. An assessment whose pinned version of a compared questionnaire has no core
 * set cannot be compared on that basis: it is listed, with the versions, and left out.
 */
import type { CachedQuestionnaire } from '../assessment/summary';
import type { AssessmentScope } from '../questionnaire/core';

export type ComparisonBasis = 'full' | 'core';

/** What the basis needs of one assessment (a subset of `ComparisonItem`). */
export interface BasisItem {
  id: string;
  country: string;
  date: string;
  title: string;
  /** Absent: a record made before scopes existed, so `full`. */
  scope?: AssessmentScope | undefined;
  /** Its own figures: over every question, or over the core set for a core assessment. */
  questionnaires: readonly CachedQuestionnaire[];
  /**
   * A full assessment's figures over the core set: one per pinned questionnaire whose version
   * has one. Absent when none has.
   */
  core?: readonly CachedQuestionnaire[] | undefined;
}

/** An assessment left out of a core-set comparison, with the versions that have no core set. */
export interface NoCoreSet {
  id: string;
  country: string;
  date: string;
  title: string;
  questionnaires: { id: string; version: string }[];
}

/**
 * `core` as soon as one selected assessment is a core one, else `full`.
 * @example comparisonBasis([{ scope: 'full' }, { scope: 'core' }]) // 'core'
 */
export function comparisonBasis(items: readonly { scope?: AssessmentScope | undefined }[]) {
  return items.some((i) => i.scope === 'core') ? 'core' : 'full';
}

/**
 * The items as the comparison sees them on its basis: unchanged on `full`; on `core`, each full
 * assessment's questionnaires replaced by its core figures, and the assessments left out whose
 * pinned version of a questionnaire the comparison would compare has no core set (a questionnaire
 * is compared when every selected assessment has it and, if `requested` is given, it is asked for).
 * @example onBasis([fullKenya, coreGhana]).items[0].questionnaires // Kenya's core figures
 */
export function onBasis<T extends BasisItem>(
  items: readonly T[],
  requested?: readonly string[]
): { basis: ComparisonBasis; items: T[]; noCoreSet: NoCoreSet[] } {
  const basis = comparisonBasis(items);
  if (basis === 'full') return { basis, items: [...items], noCoreSet: [] };

  const present = new Map<string, number>();
  for (const item of items) {
    for (const id of new Set(item.questionnaires.map((q) => q.id))) {
      present.set(id, (present.get(id) ?? 0) + 1);
    }
  }
  const wanted = requested ? new Set(requested) : null;
  const compared = (id: string) =>
    present.get(id) === items.length && (wanted === null || wanted.has(id));

  const kept: T[] = [];
  const noCoreSet: NoCoreSet[] = [];
  for (const item of items) {
    if (item.scope === 'core') {
      kept.push(item);
      continue;
    }
    const core = item.core ?? [];
    const withCore = new Set(core.map((q) => q.id));
    const missing = item.questionnaires.filter((q) => !withCore.has(q.id));
    if (core.length === 0 || missing.some((q) => compared(q.id))) {
      noCoreSet.push({
        id: item.id,
        country: item.country,
        date: item.date,
        title: item.title,
        questionnaires: missing.map((q) => ({ id: q.id, version: q.version }))
      });
    } else {
      kept.push({ ...item, questionnaires: core });
    }
  }
  return { basis, items: kept, noCoreSet };
}
