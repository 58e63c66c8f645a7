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
import { assessmentSchema, type AnswerMap, type Assessment } from '../domain/assessment/model';
import type { Questionnaire } from '../domain/questionnaire/schema';
import {
  metaRecordSchema,
  storedQuestionnaireSchema,
  summaryRecordSchema,
  type ActionsEntry,
  type AnswersEntry,
  type BackupData,
  type ParsedBackup
} from '../domain/records';
import type { GroupAnswersRecord } from '../domain/workshop/answers';
import {
  checkAnswers,
  checkShipped,
  parseAnswerMap,
  parseAt,
  problemSink,
  resolvePinned,
  type ParseFileOptions,
  type PinnedLookup
} from './bundle';
import { parseActions } from './action-records';
import { parseConsensusHistory, parseGroupAnswers } from './workshop-records';
import { isRecord, readList, readOwnedList, type OwnedRecord, type Path } from './backup-lists';
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
  const schemaList = <T>(key: string, schema: z.ZodType<T>) => ({
    key,
    parseOne: (raw: unknown, at: Path) => parseAt(schema, raw, at, issue)
  });

  const questionnaires = readList(
    content,
    {
      ...schemaList('questionnaires', storedQuestionnaireSchema),
      unique: { field: 'key', code: 'bundle.questionnaire-twice' }
    },
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

  const assessments = readList(
    content,
    {
      ...schemaList('assessments', assessmentSchema),
      unique: { field: 'id', code: 'bundle.assessment-twice' }
    },
    issue
  );
  const fileIds = new Set(
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

  const answersOf: OwnedRecord<PinnedLookup, AnswersEntry, AnswerMap> = {
    key: 'answers',
    twiceCode: 'backup.answers-twice',
    shapeCode: 'backup.answers-shape',
    orphanCode: 'backup.orphan-answers',
    owner: (id) => pinnedById.get(id),
    fileIds,
    first: (raw, at) => parseAnswerMap(raw['answers'], [...at, 'answers'], issue),
    rest: (_, at, { assessmentId, owner, first: answers }) => {
      checkAnswers(answers, owner, [...at, 'answers'], issue);
      return { assessmentId, answers };
    }
  };
  const answers = readOwnedList(content, answersOf, issue);

  // Optional: a backup without summaries gets them recomputed on restore.
  const summaries = readList(
    content,
    {
      key: 'summaries',
      optional: true,
      parseOne: (raw, at) => {
        const summary = parseAt(summaryRecordSchema, raw, at, issue);
        if (summary && !fileIds.has(summary.assessmentId)) {
          issue([...at, 'assessmentId'], 'backup.orphan-summary', { id: summary.assessmentId });
        }
        return summary;
      },
      unique: { field: 'assessmentId', code: 'backup.summaries-twice' }
    },
    issue
  );

  // Absent in a hand-made file: no plans. Files of format version 2 are upgraded to [].
  const plansOf: OwnedRecord<PinnedLookup, ActionsEntry> = {
    key: 'actions',
    optional: true,
    twiceCode: 'backup.actions-twice',
    shapeCode: 'backup.actions-shape',
    orphanCode: 'backup.orphan-plan',
    owner: (id) => pinnedById.get(id),
    fileIds,
    rest: (raw, at, { assessmentId, owner }) => {
      const list = parseActions(
        raw['actions'],
        assessmentId,
        owner.found,
        [...at, 'actions'],
        issue
      );
      return list === undefined ? undefined : { assessmentId, actions: list };
    }
  };
  const actions = readOwnedList(content, plansOf, issue);

  // Absent in a hand-made file: no workshops. Files of format version 3 are upgraded to [].
  const workshopsOf: OwnedRecord<
    { pinned: PinnedLookup; assessment: Assessment },
    GroupAnswersRecord
  > = {
    key: 'groupAnswers',
    optional: true,
    twiceCode: 'backup.group-answers-twice',
    shapeCode: 'backup.group-answers-shape',
    orphanCode: 'backup.orphan-group-answers',
    owner: (id) => {
      const pinned = pinnedById.get(id);
      const assessment = assessmentById.get(id);
      return pinned && assessment ? { pinned, assessment } : undefined;
    },
    fileIds,
    rest: (raw, at, { assessmentId, owner }) => {
      const answers = parseGroupAnswers(
        raw['answers'],
        owner.assessment,
        owner.pinned,
        [...at, 'answers'],
        issue
      );
      const history = parseConsensusHistory(raw['history'], [...at, 'history'], issue);
      if (!answers || !history) return undefined;
      return { assessmentId, answers, history };
    }
  };
  const groupAnswers = readOwnedList(content, workshopsOf, issue);

  const meta = readList(
    content,
    {
      ...schemaList('meta', metaRecordSchema),
      unique: { field: 'key', code: 'backup.setting-twice' }
    },
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
