import type { Questionnaire } from './schema';

/** What the first load knows of a questionnaire: enough for pickers and counts, no texts. */
export interface QuestionnaireIndexEntry {
  id: string;
  version: string;
  title: string;
  theme: string;
  sectionCount: number;
  questionCount: number;
  /** Questions in the core set (rule 12); 0 when the version has none. */
  coreCount: number;
  scale: { value: number; label: string }[];
  defaultTarget: number;
  /** Path of the JSON asset, relative to the app's base. */
  file: string;
  /**
   * SHA-256 of the questionnaire's canonical JSON (domain/known-questionnaires.ts): how the app
   * recognises a file's copy of this built-in version as exactly the shipped one.
   */
  sha256: string;
}

/**
 * @example questionnaireIndexEntry(q, digest) // { id: 'privacy-data-protection', version: '1.0.0', ... }
 */
export function questionnaireIndexEntry(q: Questionnaire, sha256: string): QuestionnaireIndexEntry {
  return {
    id: q.id,
    version: q.version,
    title: q.title,
    theme: q.theme,
    sectionCount: q.sections.length,
    questionCount: q.sections.reduce((n, s) => n + s.questions.length, 0),
    coreCount: q.sections.reduce((n, s) => n + s.questions.filter((x) => x.core).length, 0),
    scale: q.scale.map((l) => ({ value: l.value, label: l.label })),
    defaultTarget: q.defaultTarget,
    file: `questionnaires/${q.id}-${q.version}.json`,
    sha256
  };
}

/**
 * What the first load knows of an earlier edition of a built-in questionnaire: never offered
 * for a new assessment, only resolved for the assessments, bundles and backups that pin it, so
 * no title or counts (docs/file-formats.md, "Editions of the built-in questionnaires").
 */
export type EditionIndexEntry = Pick<QuestionnaireIndexEntry, 'id' | 'version' | 'file' | 'sha256'>;

/**
 * @example editionIndexEntry(q, digest) // { id: 'privacy-data-protection', version: '1.0.0', file, sha256 }
 */
export function editionIndexEntry(q: Questionnaire, sha256: string): EditionIndexEntry {
  const { id, version, file } = questionnaireIndexEntry(q, sha256);
  return { id, version, file, sha256 };
}
