/**
 * What the result panel of an import shows once the import is written: the sentence that says
 * what it did, and each assessment (or questionnaire) it touched, to open from there. The panel
 * stays until the user dismisses it (docs/file-formats.md, "After an import").
 */
import type { ImportCounts } from '$lib/storage/transfer';

export type ImportLinkOutcome =
  | 'added'
  | 'replaced'
  | 'copied'
  | 'skipped'
  /** Answers written into an existing assessment (answers CSV). */
  | 'updated'
  /** Brought back from a backup, which replaces everything. */
  | 'restored'
  /** A questionnaire version this browser already had. */
  | 'unchanged';

export interface ImportLink {
  kind: 'assessment' | 'questionnaire';
  id: string;
  title: string;
  outcome: ImportLinkOutcome;
}

export interface ImportReport {
  summary: string;
  links: ImportLink[];
}

/** How many links the panel lists; the rest are counted, and the dashboard lists them all. */
export const LINKED = 10;

/**
 * The links of a bundle or CSV import, in the file's order: what was written first, then what
 * was skipped (left as it was here).
 * @example assessmentLinks(counts) // [{ kind: 'assessment', id: 'k1', title: 'Kenya', outcome: 'added' }]
 */
export function assessmentLinks(counts: Pick<ImportCounts, 'assessments'>): ImportLink[] {
  const written = counts.assessments.filter((a) => a.outcome !== 'skipped');
  const skipped = counts.assessments.filter((a) => a.outcome === 'skipped');
  return [...written, ...skipped].map((a) => ({ kind: 'assessment', ...a }));
}

/** The links of a restored backup: every assessment it brought back. */
export function restoredLinks(assessments: readonly { id: string; title: string }[]): ImportLink[] {
  return assessments.map((a) => ({
    kind: 'assessment',
    id: a.id,
    title: a.title,
    outcome: 'restored'
  }));
}

/** The part of the links the panel lists, and how many it leaves to the dashboard. */
export function shownLinks(links: readonly ImportLink[]): { shown: ImportLink[]; more: number } {
  return { shown: links.slice(0, LINKED), more: Math.max(0, links.length - LINKED) };
}
