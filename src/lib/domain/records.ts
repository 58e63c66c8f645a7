/**
 * The shapes of the records this app keeps and exchanges: what a bundle carries, what a backup
 * carries, and the stored questionnaire, summary and meta records. Both the file readers
 * (`src/lib/io`) and the database (`src/lib/storage`) use them, so they live here, where neither
 * has to import the other (see docs/architecture.md, "Who may import whom").
 *
 * The record schemas mirror `src/lib/storage/db.ts` (AnswersRecord, SummaryRecord,
 * StoredQuestionnaire, MetaRecord) and `SummaryFigures` in `assessment/summary.ts`; keep them in
 * sync. They are zod schemas because a restore validates every record before anything is written.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { z } from './zod';
import type { Action } from './actions/model';
import type { AnswerMap, Assessment } from './assessment/model';
import {
  OVERLAY_LANGUAGES,
  questionnaireOverlaySchema,
  type QuestionnaireOverlay
} from './questionnaire/overlay-schema';
import { isBlockingOverlayProblem, overlayProblems } from './questionnaire/overlay';
import { questionnaireSchema, type Questionnaire } from './questionnaire/schema';
import { versionKey } from './questionnaire/version';
import type { ConsensusChange, GroupAnswers, GroupAnswersRecord } from './workshop/answers';

// One canonical form for the whole app: see canonical-json.ts.
export { canonicalJson } from './canonical-json';

// Bundles ---------------------------------------------------------------------------------------

export interface BundleItem {
  assessment: Assessment;
  answers: AnswerMap;
  /** The assessment's action plan (format version 3 on; older files are upgraded to none). */
  actions?: Action[];
  /** A workshop's group answers (format version 4 on; older files are upgraded to none). */
  groupAnswers?: GroupAnswers;
  /** Every change of a consensus answer (format version 4 on). */
  consensusHistory?: ConsensusChange[];
}

/** The content of a bundle, version 1. `sanitised` is an optional key the schema adds. */
export interface BundleContent {
  sanitised?: boolean;
  assessments: BundleItem[];
  questionnaires: Questionnaire[];
  /** Translations of the versions in `questionnaires` (optional: files without it import). */
  overlays?: QuestionnaireOverlay[];
}

/** A bundle that passed every check: what `analyseBundle` and `importBundle` take. */
export interface ParsedBundle {
  file: string;
  appVersion: string;
  exportedAt: string;
  upgradedFrom?: number;
  sanitised: boolean;
  items: BundleItem[];
  questionnaires: Questionnaire[];
  /** Translations of those versions, each checked against its base. */
  overlays?: QuestionnaireOverlay[];
}

// Backups ---------------------------------------------------------------------------------------

export const QUESTIONNAIRE_SOURCES = ['builtin', 'custom', 'bundle'] as const;

export const storedQuestionnaireSchema = z
  .object({
    key: z.string(),
    id: z.string(),
    version: z.string(),
    source: z.enum(QUESTIONNAIRE_SOURCES),
    content: questionnaireSchema,
    storedAt: z.string(),
    /** Translations stored with the version (docs/languages.md), checked against `content`. */
    overlays: z.partialRecord(z.enum(OVERLAY_LANGUAGES), questionnaireOverlaySchema).optional()
  })
  .superRefine((record, ctx) => {
    for (const [language, overlay] of Object.entries(record.overlays ?? {})) {
      const wrong = overlayProblems(record.content, overlay, '').filter(isBlockingOverlayProblem);
      for (const p of wrong) {
        ctx.addIssue({
          code: 'custom',
          path: ['overlays', language, ...(p.path ? p.path.split('.') : [])],
          message: `the ${language} translation does not fit this version`,
          params: { code: p.code, ...p.params }
        });
      }
    }
    if (record.id !== record.content.id || record.version !== record.content.version) {
      ctx.addIssue({
        code: 'custom',
        path: ['content'],
        message: `holds ${versionKey(record.content.id, record.content.version)}, not ${versionKey(record.id, record.version)}: the record is damaged`,
        params: {
          code: 'backup.record-holds-other',
          holds: versionKey(record.content.id, record.content.version),
          expected: versionKey(record.id, record.version)
        }
      });
    }
    if (record.key !== versionKey(record.id, record.version)) {
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: `must be "${versionKey(record.id, record.version)}" (id@version)`,
        params: { code: 'backup.record-key', expected: versionKey(record.id, record.version) }
      });
    }
  });
export type StoredQuestionnaireRecord = z.infer<typeof storedQuestionnaireSchema>;

const share = z.number().nullable();

const cachedFiguresShape = {
  score: share,
  targetScore: share,
  stage: z.number().nullable(),
  completion: share,
  coverage: share,
  provisional: z.boolean()
};

export const summaryRecordSchema = z.object({
  assessmentId: z.string(),
  country: z.string(),
  date: z.string(),
  revision: z.number().int().nonnegative(),
  // Absent in backups made before summaries recorded their scoring rules; never trusted anyway.
  rules: z.number().int().optional(),
  updatedAt: z.string(),
  answered: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  overall: z.object(cachedFiguresShape),
  questionnaires: z.array(z.object({ id: z.string(), version: z.string(), ...cachedFiguresShape })),
  // Second edition: the figures over the core set (rule 10); absent in older backups, and
  // recomputed anyway because their rules version is older.
  core: z
    .object({
      answered: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      overall: z.object(cachedFiguresShape),
      questionnaires: z.array(
        z.object({ id: z.string(), version: z.string(), ...cachedFiguresShape })
      )
    })
    .optional()
});
export type SummaryEntry = z.infer<typeof summaryRecordSchema>;

export const metaRecordSchema = z.object({ key: z.string().min(1), value: z.string() });
export type MetaEntry = z.infer<typeof metaRecordSchema>;

export interface AnswersEntry {
  assessmentId: string;
  answers: AnswerMap;
}

/** The action plan of one assessment, as the database and backups keep it. */
export interface ActionsEntry {
  assessmentId: string;
  actions: Action[];
}

/** Everything a backup holds; also what `readEverything` in the storage layer returns. */
export interface BackupData {
  assessments: Assessment[];
  answers: AnswersEntry[];
  summaries: SummaryEntry[];
  questionnaires: StoredQuestionnaireRecord[];
  meta: MetaEntry[];
  /** Action plans (format version 3 on; an older backup is upgraded to none). */
  actions: ActionsEntry[];
  /** Workshops' group answers and consensus histories (format version 4 on). */
  groupAnswers: GroupAnswersRecord[];
}

/** A backup that passed every check: what `restoreBackup` takes. */
export interface ParsedBackup extends BackupData {
  file: string;
  appVersion: string;
  exportedAt: string;
  upgradedFrom?: number;
}
