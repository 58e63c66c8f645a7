/**
 * Full backups (docs/file-formats.md): every record this browser holds — assessments, their answers
 * records, their cached summaries, the stored questionnaire versions (with where each came from)
 * and the meta records — in the same envelope as bundles.
 *
 * Summaries are written so the file mirrors the database, but a restore never trusts them: a
 * file can state any score, so the restore computes every summary from the answers (see
 * docs/scoring.md, "Cached summaries"). They stay optional and are still checked on the way in.
 *
 * The record shapes live in `domain/records.ts`, shared with the storage layer.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { z } from '../domain/zod';
import type { FileProblem } from '../domain/problems';
import { assessmentSchema, type Assessment } from '../domain/assessment/model';
import type { Questionnaire } from '../domain/questionnaire/schema';
import {
  metaRecordSchema,
  storedQuestionnaireSchema,
  summaryRecordSchema,
  type BackupData,
  type ParsedBackup
} from '../domain/records';
import {
  checkAnswers,
  checkShipped,
  checkUnique,
  parseAnswerMap,
  parseAt,
  problemSink,
  resolvePinned,
  type IssueSink,
  type ParseFileOptions,
  type PinnedLookup
} from './bundle';
import { parseActions } from './action-records';
import { parseConsensusHistory, parseGroupAnswers } from './workshop-records';
import {
  BACKUP_FORMAT,
  envelopeFile,
  readEnvelopeBytes,
  unwrap,
  wrap,
  type Envelope
} from './envelope';

export { BACKUP_FORMAT };
export {
  QUESTIONNAIRE_SOURCES,
  metaRecordSchema,
  storedQuestionnaireSchema,
  summaryRecordSchema
} from '../domain/records';
export type {
  AnswersEntry,
  BackupData,
  MetaEntry,
  ParsedBackup,
  StoredQuestionnaireRecord,
  SummaryEntry
} from '../domain/records';

export interface MakeBackupOptions {
  appVersion: string;
  exportedAt?: string;
}

/**
 * Wraps everything the database holds into a backup envelope.
 * @example envelopeText(makeBackup(await readEverything(), { appVersion: '0.1.0' }))
 */
export function makeBackup(data: BackupData, options: MakeBackupOptions): Envelope<BackupData> {
  return wrap(BACKUP_FORMAT, backupContent(data), options.appVersion, options.exportedAt);
}

function backupContent(data: BackupData): BackupData {
  return {
    assessments: data.assessments,
    answers: data.answers,
    summaries: data.summaries,
    questionnaires: data.questionnaires,
    meta: data.meta,
    actions: data.actions,
    groupAnswers: data.groupAnswers
  };
}

/**
 * The backup file, made with the content stringified and encoded once (what the app downloads;
 * the same text as `envelopeText(makeBackup(…))`).
 * @example const { blob, exportedAt } = await backupFile(await readEverything(), { appVersion });
 */
export function backupFile(
  data: BackupData,
  options: MakeBackupOptions
): Promise<{ blob: Blob; exportedAt: string }> {
  return envelopeFile(BACKUP_FORMAT, backupContent(data), options.appVersion, options.exportedAt);
}

export type BackupResult =
  { ok: true; backup: ParsedBackup } | { ok: false; file: string; problems: FileProblem[] };

const ROOT = ['content'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseList<T>(
  content: Record<string, unknown>,
  key: string,
  parseOne: (raw: unknown, at: readonly PropertyKey[]) => T | undefined,
  issue: IssueSink
): (T | undefined)[] {
  const raw = parseAt(z.array(z.unknown()), content[key], [...ROOT, key], issue) ?? [];
  return raw.map((value, i) => parseOne(value, [...ROOT, key, i]));
}

/**
 * Reads a backup file: envelope, every record, then the references between them (answers
 * belong to an assessment, pinned questionnaire versions are stored, answers fit their
 * questions). All problems are reported at once. Never throws.
 * @example
 * const result = parseBackup('ncs-backup-2026-11-28.json', text);
 * if (result.ok) show(describeBackup(result.backup));
 */
export function parseBackup(
  file: string,
  text: string,
  options: ParseFileOptions = {}
): BackupResult {
  const opened = unwrap(file, text, BACKUP_FORMAT, options);
  if (!opened.ok) return { ok: false, file, problems: [opened.fileProblem] };

  const problems: FileProblem[] = [];
  const issue = problemSink(file, problems);
  const content = opened.content;
  if (!isRecord(content)) {
    issue(ROOT, 'backup.content-shape');
    return { ok: false, file, problems };
  }

  const questionnaires = parseList(
    content,
    'questionnaires',
    (raw, at) => parseAt(storedQuestionnaireSchema, raw, at, issue),
    issue
  );
  checkUnique(
    questionnaires,
    (q) => q.key,
    (i) => [...ROOT, 'questionnaires', i, 'key'],
    'bundle.questionnaire-twice',
    issue
  );
  checkShipped(
    file,
    questionnaires.map((q) => q?.content),
    options.shipped,
    (i) => [...ROOT, 'questionnaires', i, 'content'],
    issue
  );
  const available = new Map<string, Questionnaire>();
  for (const q of questionnaires) if (q) available.set(q.key, q.content);

  const assessments = parseList(
    content,
    'assessments',
    (raw, at) => parseAt(assessmentSchema, raw, at, issue),
    issue
  );
  checkUnique(
    assessments,
    (a) => a.id,
    (i) => [...ROOT, 'assessments', i, 'id'],
    'bundle.assessment-twice',
    issue
  );
  const rawAssessmentIds = new Set(
    (Array.isArray(content['assessments']) ? (content['assessments'] as unknown[]) : []).map(
      (raw) => (isRecord(raw) ? raw['id'] : undefined)
    )
  );
  const pinnedById = new Map<string, PinnedLookup>();
  const assessmentById = new Map<string, Assessment>();
  assessments.forEach((a, i) => {
    if (!a) return;
    assessmentById.set(a.id, a);
    const at = [...ROOT, 'assessments', i];
    pinnedById.set(a.id, resolvePinned(a, available, at, issue, 'backup'));
  });

  const answers = parseList(
    content,
    'answers',
    (raw, at) => {
      if (!isRecord(raw)) {
        issue(at, 'backup.answers-shape');
        return undefined;
      }
      const assessmentId = parseAt(z.string(), raw['assessmentId'], [...at, 'assessmentId'], issue);
      const map = parseAnswerMap(raw['answers'], [...at, 'answers'], issue);
      if (assessmentId === undefined || map === undefined) return undefined;
      if (!pinnedById.has(assessmentId)) {
        // An assessment that failed validation is reported already; only orphans are news.
        if (!rawAssessmentIds.has(assessmentId)) {
          issue([...at, 'assessmentId'], 'backup.orphan-answers', { id: assessmentId });
        }
        return undefined;
      }
      checkAnswers(map, pinnedById.get(assessmentId)!, [...at, 'answers'], issue);
      return { assessmentId, answers: map };
    },
    issue
  );
  checkUnique(
    answers,
    (a) => a.assessmentId,
    (i) => [...ROOT, 'answers', i, 'assessmentId'],
    'backup.answers-twice',
    issue
  );

  // Optional: a backup without summaries gets them recomputed on restore.
  const summaries =
    content['summaries'] === undefined
      ? []
      : parseList(
          content,
          'summaries',
          (raw, at) => {
            const summary = parseAt(summaryRecordSchema, raw, at, issue);
            if (summary && !rawAssessmentIds.has(summary.assessmentId)) {
              issue([...at, 'assessmentId'], 'backup.orphan-summary', { id: summary.assessmentId });
            }
            return summary;
          },
          issue
        );
  checkUnique(
    summaries,
    (s) => s.assessmentId,
    (i) => [...ROOT, 'summaries', i, 'assessmentId'],
    'backup.summaries-twice',
    issue
  );

  // Absent in a hand-made file: no plans. Files of format version 2 are upgraded to [].
  const actions =
    content['actions'] === undefined
      ? []
      : parseList(
          content,
          'actions',
          (raw, at) => {
            if (!isRecord(raw)) {
              issue(at, 'backup.actions-shape');
              return undefined;
            }
            const assessmentId = parseAt(
              z.string(),
              raw['assessmentId'],
              [...at, 'assessmentId'],
              issue
            );
            if (assessmentId === undefined) return undefined;
            const pinned = pinnedById.get(assessmentId);
            if (!pinned) {
              if (!rawAssessmentIds.has(assessmentId)) {
                issue([...at, 'assessmentId'], 'backup.orphan-plan', { id: assessmentId });
              }
              return undefined;
            }
            const list = parseActions(
              raw['actions'],
              assessmentId,
              pinned.found,
              [...at, 'actions'],
              issue
            );
            return list === undefined ? undefined : { assessmentId, actions: list };
          },
          issue
        );
  checkUnique(
    actions,
    (a) => a.assessmentId,
    (i) => [...ROOT, 'actions', i, 'assessmentId'],
    'backup.actions-twice',
    issue
  );

  // Absent in a hand-made file: no workshops. Files of format version 3 are upgraded to [].
  const groupAnswers =
    content['groupAnswers'] === undefined
      ? []
      : parseList(
          content,
          'groupAnswers',
          (raw, at) => {
            if (!isRecord(raw)) {
              issue(at, 'backup.group-answers-shape');
              return undefined;
            }
            const assessmentId = parseAt(
              z.string(),
              raw['assessmentId'],
              [...at, 'assessmentId'],
              issue
            );
            if (assessmentId === undefined) return undefined;
            const pinned = pinnedById.get(assessmentId);
            const assessment = assessmentById.get(assessmentId);
            if (!pinned || !assessment) {
              if (!rawAssessmentIds.has(assessmentId)) {
                issue([...at, 'assessmentId'], 'backup.orphan-group-answers', { id: assessmentId });
              }
              return undefined;
            }
            const answers = parseGroupAnswers(
              raw['answers'],
              assessment,
              pinned,
              [...at, 'answers'],
              issue
            );
            const history = parseConsensusHistory(raw['history'], [...at, 'history'], issue);
            if (!answers || !history) return undefined;
            return { assessmentId, answers, history };
          },
          issue
        );
  checkUnique(
    groupAnswers,
    (a) => a.assessmentId,
    (i) => [...ROOT, 'groupAnswers', i, 'assessmentId'],
    'backup.group-answers-twice',
    issue
  );

  const meta = parseList(
    content,
    'meta',
    (raw, at) => parseAt(metaRecordSchema, raw, at, issue),
    issue
  );
  checkUnique(
    meta,
    (m) => m.key,
    (i) => [...ROOT, 'meta', i, 'key'],
    'backup.setting-twice',
    issue
  );

  if (problems.length > 0) return { ok: false, file, problems };
  const defined = <T>(list: (T | undefined)[]): T[] => list.filter((x) => x !== undefined);
  return {
    ok: true,
    backup: {
      file,
      appVersion: opened.appVersion,
      exportedAt: opened.exportedAt,
      ...(opened.upgradedFrom === undefined ? {} : { upgradedFrom: opened.upgradedFrom }),
      assessments: defined(assessments),
      answers: defined(answers),
      summaries: defined(summaries),
      questionnaires: defined(questionnaires),
      meta: defined(meta),
      actions: defined(actions),
      groupAnswers: defined(groupAnswers)
    }
  };
}

/**
 * `parseBackup` from the file's bytes: the checksum is computed from the bytes as they are
 * (natively where the page allows) instead of from the content stringified and encoded again.
 * The same checks and the same problems as `parseBackup(file, await blob.text())`.
 * @example const result = await parseBackupFile(file.name, new Uint8Array(await file.arrayBuffer()));
 */
export async function parseBackupFile(
  file: string,
  bytes: Uint8Array,
  options: ParseFileOptions = {}
): Promise<BackupResult> {
  const { text, knownHash } = await readEnvelopeBytes(bytes);
  return parseBackup(file, text, knownHash ? { ...options, knownHash } : options);
}

export interface BackupDescription {
  file: string;
  exportedAt: string;
  appVersion: string;
  assessments: number;
  countries: string[];
  /** Answered questions across all assessments (any state). */
  answers: number;
  /** Actions across all plans. */
  actions: number;
  questionnaires: { id: string; version: string; title: string; source: string }[];
}

/**
 * What a backup holds, for the confirmation before a restore replaces everything.
 * @example describeBackup(parsed).assessments // 12
 */
export function describeBackup(backup: ParsedBackup): BackupDescription {
  return {
    file: backup.file,
    exportedAt: backup.exportedAt,
    appVersion: backup.appVersion,
    assessments: backup.assessments.length,
    countries: [...new Set(backup.assessments.map((a) => a.country))].sort(),
    answers: backup.answers.reduce(
      (sum, record) =>
        sum + Object.values(record.answers).filter((a) => a.state !== undefined).length,
      0
    ),
    actions: backup.actions.reduce((sum, plan) => sum + plan.actions.length, 0),
    questionnaires: backup.questionnaires.map((q) => ({
      id: q.id,
      version: q.version,
      title: q.content.title,
      source: q.source
    }))
  };
}
