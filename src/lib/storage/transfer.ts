/**
 * Moving data in and out of this browser: reading what bundles and backups carry, importing
 * bundles, restoring and clearing everything, and remembering when the last backup was made.
 *
 * Every write is one transaction over every table it touches, so an import or restore applies
 * completely or not at all (see docs/file-formats.md). Files are parsed, validated and hashed, and summaries
 * computed, *before* a transaction opens: awaiting anything but Dexie inside one commits it early
 * (docs/architecture.md, "Storage shape"). Inside, only Dexie calls and synchronous code run.
 */
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import { summarizerFor, type SummaryFigures } from '$lib/domain/assessment/summary';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import {
  canonicalJson,
  type BackupData,
  type BundleItem,
  type ParsedBackup,
  type ParsedBundle
} from '$lib/domain/records';
import {
  database,
  questionnaireKey,
  type AnswersRecord,
  type NcsDatabase,
  type StoredQuestionnaire,
  type SummaryRecord
} from './db';
import { LAST_BACKUP_KEY } from './backup-date';
import { uuid } from './uuid';
import { summaryRecord } from './assessments';

// The backup date lives in a module of its own, light enough for the dashboard's first load.
export { LAST_BACKUP_KEY, lastBackupAt, recordBackup } from './backup-date';

/** Appended to the title of an imported copy kept beside an existing assessment. */
export const IMPORTED_SUFFIX = ' (imported)';

export type ImportDecision = 'skip' | 'replace' | 'keep-both';

function tables(db: NcsDatabase) {
  return [db.assessments, db.answers, db.summaries, db.questionnaires, db.meta];
}

function now(): string {
  return new Date().toISOString();
}

/** The pinned questionnaires of an assessment, in its order (all present: the parsers checked). */
function pinnedOf(
  assessment: Assessment,
  byKey: ReadonlyMap<string, Questionnaire>
): Questionnaire[] {
  return assessment.questionnaires.flatMap((pin) => {
    const q = byKey.get(questionnaireKey(pin.id, pin.version));
    return q ? [q] : [];
  });
}

/**
 * Every record a backup holds, read in one transaction so the copy is consistent (summaries
 * agree with answers) even while another tab writes.
 * @example const envelope = makeBackup(await readEverything(), { appVersion: '0.1.0' });
 */
export async function readEverything(): Promise<BackupData> {
  const db = database();
  return db.transaction('r', tables(db), async () => {
    const [assessments, answers, summaries, questionnaires, meta] = await Promise.all([
      db.assessments.toArray(),
      db.answers.toArray(),
      db.summaries.toArray(),
      db.questionnaires.toArray(),
      db.meta.toArray()
    ]);
    return { assessments, answers, summaries, questionnaires, meta };
  });
}

/**
 * The assessments to put in a bundle (all when `ids` is absent), with their answers and the
 * questionnaire versions they pin, read in one transaction. Ids no longer stored are left out.
 * @example const { items, questionnaires } = await readBundleItems([id]);
 * makeBundle(items, questionnaires, { appVersion: '0.1.0', sanitise: true });
 */
export async function readBundleItems(
  ids?: readonly string[]
): Promise<{ items: BundleItem[]; questionnaires: Questionnaire[] }> {
  const db = database();
  return db.transaction('r', [db.assessments, db.answers, db.questionnaires], async () => {
    const assessments = ids
      ? (await db.assessments.bulkGet([...ids])).filter((a) => a !== undefined)
      : await db.assessments.toArray();
    const records = await db.answers.bulkGet(assessments.map((a) => a.id));
    const keys = [
      ...new Set(
        assessments.flatMap((a) => a.questionnaires.map((p) => questionnaireKey(p.id, p.version)))
      )
    ];
    const stored = await db.questionnaires.bulkGet(keys);
    return {
      items: assessments.map((assessment, i) => ({
        assessment,
        answers: records[i]?.answers ?? {}
      })),
      questionnaires: stored.filter((q) => q !== undefined).map((q) => q.content)
    };
  });
}

export interface QuestionnaireConflict {
  id: string;
  version: string;
  title: string;
  message: string;
}

export interface BundleAssessmentInfo {
  id: string;
  country: string;
  title: string;
  date: string;
  status: Assessment['status'];
  classification: Assessment['classification'];
  /** `id@version` of each questionnaire it pins. */
  questionnaires: string[];
  /** The assessment already stored here under the same id, if any. */
  existing: { title: string; updatedAt: string; status: Assessment['status'] } | null;
}

export interface BundleAnalysis {
  file: string;
  exportedAt: string;
  appVersion: string;
  sanitised: boolean;
  assessments: BundleAssessmentInfo[];
  countries: string[];
  /** Each questionnaire version in the file and whether this browser has it already. */
  questionnaires: {
    id: string;
    version: string;
    title: string;
    status: 'new' | 'stored' | 'conflict';
  }[];
  /** Ids of assessments in the file that already exist here (ask: skip, replace or keep both). */
  existingIds: string[];
  conflicts: QuestionnaireConflict[];
  /** Set when the whole import is refused (a questionnaire conflict); the message names it. */
  refused: string | null;
}

function conflictOf(file: string, q: Questionnaire): QuestionnaireConflict {
  return {
    id: q.id,
    version: q.version,
    title: q.title,
    message:
      `${file}: questionnaire "${q.title}" (${q.id}) version ${q.version} differs from the ` +
      `version ${q.version} stored in this browser. A questionnaire version never changes, or ` +
      `scores made with it would change, so nothing was imported. Ask the sender which ` +
      `questionnaire they used; a changed questionnaire needs a new version number.`
  };
}

/** Questionnaires of the bundle whose id+version is stored here with different content. */
function findConflicts(
  file: string,
  questionnaires: readonly Questionnaire[],
  stored: readonly (StoredQuestionnaire | undefined)[]
): QuestionnaireConflict[] {
  return questionnaires.flatMap((q, i) => {
    const here = stored[i];
    return here && canonicalJson(here.content) !== canonicalJson(q) ? [conflictOf(file, q)] : [];
  });
}

function refusal(conflicts: readonly QuestionnaireConflict[]): string | null {
  return conflicts.length > 0 ? conflicts.map((c) => c.message).join('\n') : null;
}

/**
 * What a parsed bundle holds and how it meets this browser's data: which assessments exist
 * already, which questionnaire versions are new, and any conflict that refuses the import.
 * @example
 * const analysis = await analyseBundle(parsed.bundle);
 * if (analysis.refused) show(analysis.refused); else ask(analysis.existingIds);
 */
export async function analyseBundle(bundle: ParsedBundle): Promise<BundleAnalysis> {
  const db = database();
  const keys = bundle.questionnaires.map((q) => questionnaireKey(q.id, q.version));
  const ids = bundle.items.map((item) => item.assessment.id);
  const [stored, existing] = await db.transaction(
    'r',
    [db.assessments, db.questionnaires],
    async () => Promise.all([db.questionnaires.bulkGet(keys), db.assessments.bulkGet(ids)])
  );
  const conflicts = findConflicts(bundle.file, bundle.questionnaires, stored);
  const conflicting = new Set(conflicts.map((c) => questionnaireKey(c.id, c.version)));
  return {
    file: bundle.file,
    exportedAt: bundle.exportedAt,
    appVersion: bundle.appVersion,
    sanitised: bundle.sanitised,
    assessments: bundle.items.map(({ assessment }, i) => {
      const here = existing[i];
      return {
        id: assessment.id,
        country: assessment.country,
        title: assessment.title,
        date: assessment.date,
        status: assessment.status,
        classification: assessment.classification,
        questionnaires: assessment.questionnaires.map((p) => questionnaireKey(p.id, p.version)),
        existing: here
          ? { title: here.title, updatedAt: here.updatedAt, status: here.status }
          : null
      };
    }),
    countries: [...new Set(bundle.items.map((item) => item.assessment.country))].sort(),
    questionnaires: bundle.questionnaires.map((q, i) => ({
      id: q.id,
      version: q.version,
      title: q.title,
      status: conflicting.has(keys[i]!) ? 'conflict' : stored[i] ? 'stored' : 'new'
    })),
    existingIds: ids.filter((_, i) => existing[i] !== undefined),
    conflicts,
    refused: refusal(conflicts)
  };
}

export interface ImportCounts {
  /** Assessments that did not exist here. */
  added: number;
  /** Existing assessments overwritten by the file's version. */
  replaced: number;
  /** Imported beside an existing one, under a new id and a title ending " (imported)". */
  copied: number;
  skipped: number;
  /** Questionnaire versions this browser did not have, stored with source "bundle". */
  questionnairesAdded: number;
}

export type ImportResult =
  | { ok: true; counts: ImportCounts }
  | { ok: false; message: string; conflicts: QuestionnaireConflict[] };

/** Thrown inside the transaction to roll it back; turned into a result outside. */
class Refused extends Error {
  constructor(readonly conflicts: QuestionnaireConflict[]) {
    super(refusal(conflicts) ?? 'refused');
  }
}

/**
 * Imports a parsed bundle in one transaction over every table: questionnaire versions this
 * browser lacks (source "bundle"), then each assessment with its answers and a freshly computed
 * summary. For an assessment that already exists, `decisions[id]` says what to do; absent means
 * skip, the choice that changes nothing. Replacing a final assessment is allowed: the user chose
 * it. A questionnaire conflict (checked again inside the transaction, as another tab may have
 * stored a version since the analysis) refuses the whole import. Database errors reject and
 * leave every table unchanged.
 * @example
 * const result = await importBundle(parsed.bundle, { [id]: 'keep-both' });
 * if (result.ok) notify(`${result.counts.added} added`);
 */
export async function importBundle(
  bundle: ParsedBundle,
  decisions: Readonly<Record<string, ImportDecision>>
): Promise<ImportResult> {
  const byKey = new Map(bundle.questionnaires.map((q) => [questionnaireKey(q.id, q.version), q]));
  // Scoring is pure but not Dexie: do it before the transaction opens.
  const figures = bundle.items.map(({ assessment, answers }) =>
    summarizerFor(pinnedOf(assessment, byKey))(answers, assessment)
  );
  const keys = bundle.questionnaires.map((q) => questionnaireKey(q.id, q.version));
  const ids = bundle.items.map((item) => item.assessment.id);
  const storedAt = now();

  const db = database();
  try {
    const counts = await db.transaction('rw', tables(db), async () => {
      const [stored, existing, summaries] = await Promise.all([
        db.questionnaires.bulkGet(keys),
        db.assessments.bulkGet(ids),
        db.summaries.bulkGet(ids)
      ]);
      const conflicts = findConflicts(bundle.file, bundle.questionnaires, stored);
      if (conflicts.length > 0) throw new Refused(conflicts);

      const counts: ImportCounts = {
        added: 0,
        replaced: 0,
        copied: 0,
        skipped: 0,
        questionnairesAdded: 0
      };
      const added: { assessment: Assessment; answers: AnswerMap; figures: SummaryFigures }[] = [];
      const replaced: SummaryRecord[] = [];
      const replacedAssessments: Assessment[] = [];
      const replacedAnswers: AnswersRecord[] = [];
      const needed = new Set<string>();

      bundle.items.forEach(({ assessment, answers }, i) => {
        const exists = existing[i] !== undefined;
        // Own keys only: an id such as "constructor" must not find Object's prototype.
        const chosen = Object.prototype.hasOwnProperty.call(decisions, assessment.id)
          ? decisions[assessment.id]
          : undefined;
        const decision = chosen ?? (exists ? 'skip' : 'replace');
        if (decision === 'skip') {
          counts.skipped++;
          return;
        }
        for (const pin of assessment.questionnaires) {
          needed.add(questionnaireKey(pin.id, pin.version));
        }
        if (!exists) {
          counts.added++;
          added.push({ assessment, answers, figures: figures[i]! });
        } else if (decision === 'replace') {
          counts.replaced++;
          replacedAssessments.push(assessment);
          replacedAnswers.push({ assessmentId: assessment.id, answers });
          replaced.push(summaryRecord(assessment, figures[i]!, (summaries[i]?.revision ?? 0) + 1));
        } else {
          counts.copied++;
          const copy: Assessment = {
            ...assessment,
            id: uuid(),
            title: `${assessment.title}${IMPORTED_SUFFIX}`
          };
          added.push({ assessment: copy, answers, figures: figures[i]! });
        }
      });

      const newQuestionnaires: StoredQuestionnaire[] = bundle.questionnaires.flatMap((q, i) =>
        stored[i] || !needed.has(keys[i]!)
          ? []
          : [
              {
                key: keys[i]!,
                id: q.id,
                version: q.version,
                source: 'bundle' as const,
                content: q,
                storedAt
              }
            ]
      );
      counts.questionnairesAdded = newQuestionnaires.length;

      // bulkAdd, not bulkPut, for records that must be new: a clash aborts the whole import.
      await db.questionnaires.bulkAdd(newQuestionnaires);
      await db.assessments.bulkAdd(added.map((a) => a.assessment));
      await db.answers.bulkAdd(
        added.map((a) => ({ assessmentId: a.assessment.id, answers: a.answers }))
      );
      await db.summaries.bulkAdd(added.map((a) => summaryRecord(a.assessment, a.figures, 0)));
      await db.assessments.bulkPut(replacedAssessments);
      await db.answers.bulkPut(replacedAnswers);
      await db.summaries.bulkPut(replaced);
      return counts;
    });
    return { ok: true, counts };
  } catch (error) {
    if (error instanceof Refused) {
      return { ok: false, message: error.message, conflicts: error.conflicts };
    }
    throw error;
  }
}

/**
 * Replaces everything in this browser with the backup, in one transaction: every table is
 * cleared, then every record of the file is added; an assessment whose summary the file lacks
 * gets one computed. If anything fails, the transaction rolls back and the data from before is
 * untouched. Afterwards the
 * last-backup time is the later of the file's own record and the file's export time: the data
 * now stored is exactly what that file holds.
 * @example
 * const parsed = parseBackup(file.name, await file.text());
 * if (parsed.ok && (await confirm(describeBackup(parsed.backup)))) await restoreBackup(parsed.backup);
 */
export async function restoreBackup(backup: ParsedBackup): Promise<void> {
  const byKey = new Map(backup.questionnaires.map((q) => [q.key, q.content]));
  const answersOf = new Map(backup.answers.map((a) => [a.assessmentId, a.answers]));
  const carried = new Set(backup.summaries.map((s) => s.assessmentId));
  // Scoring is pure but not Dexie: do it before the transaction opens.
  const computed = backup.assessments
    .filter((assessment) => !carried.has(assessment.id))
    .map((assessment) =>
      summaryRecord(
        assessment,
        summarizerFor(pinnedOf(assessment, byKey))(answersOf.get(assessment.id) ?? {}, assessment),
        0
      )
    );
  const summaries = [...backup.summaries, ...computed];
  const recorded = backup.meta.find((m) => m.key === LAST_BACKUP_KEY)?.value ?? '';
  const lastBackup = recorded > backup.exportedAt ? recorded : backup.exportedAt;
  const meta = [
    ...backup.meta.filter((m) => m.key !== LAST_BACKUP_KEY),
    ...(lastBackup ? [{ key: LAST_BACKUP_KEY, value: lastBackup }] : [])
  ];

  const db = database();
  await db.transaction('rw', tables(db), async () => {
    await Promise.all(tables(db).map((table) => table.clear()));
    // bulkAdd, not bulkPut: duplicate keys are an error that rolls everything back.
    await db.questionnaires.bulkAdd(backup.questionnaires);
    await db.assessments.bulkAdd(backup.assessments);
    await db.answers.bulkAdd(backup.answers);
    await db.summaries.bulkAdd(summaries);
    await db.meta.bulkAdd(meta);
  });
}

/**
 * Removes every record from this browser (assessments, answers, summaries, questionnaire
 * versions, settings), in one transaction.
 * @example if (await confirmRemoval()) await clearEverything();
 */
export async function clearEverything(): Promise<void> {
  const db = database();
  await db.transaction('rw', tables(db), async () => {
    await Promise.all(tables(db).map((table) => table.clear()));
  });
}
