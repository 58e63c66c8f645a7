/**
 * Moving data in and out of this browser: reading what bundles carry and importing them. The
 * whole-database operations (backup, restore, clear) are in whole-database.ts, re-exported here.
 *
 * Every write is one transaction over every table it touches, so an import or restore applies
 * completely or not at all (see docs/file-formats.md). Files are parsed, validated and hashed, and summaries
 * computed, *before* a transaction opens: awaiting anything but Dexie inside one commits it early
 * (docs/architecture.md, "Storage shape"). Inside, only Dexie calls and synchronous code run.
 */
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import { summarizerFor, type SummaryFigures } from '$lib/domain/assessment/summary';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { type BundleItem, type ParsedBundle } from '$lib/domain/records';
import { refusedVersions, type ShippedDigests } from '$lib/domain/known-questionnaires';
import type { QuestionnaireOverlay } from '$lib/domain/questionnaire/overlay-schema';
import type { FileProblem } from '$lib/domain/problems';
import { shippedDigests } from './shipped';
import type { Action } from '$lib/domain/actions/model';
import {
  database,
  questionnaireKey,
  type ActionsRecord,
  type GroupAnswersRecord,
  type AnswersRecord,
  type StoredQuestionnaire,
  type SummaryRecord
} from './db';
import { uuid } from './uuid';
import { summaryRecord } from './assessments';
import { everyTable, pinnedOf } from './record-tables';

// Reading, replacing and clearing the whole database live in a module of their own.
export { RestoreRefused, clearEverything, readEverything, restoreBackup } from './whole-database';

// The backup date lives in a module of its own, light enough for the dashboard's first load.
export { LAST_BACKUP_KEY, lastBackupAt, recordBackup } from './backup-date';

/** Appended to the title of an imported copy kept beside an existing assessment. */
export const IMPORTED_SUFFIX = ' (imported)';

export type ImportDecision = 'skip' | 'replace' | 'keep-both';

function now(): string {
  return new Date().toISOString();
}

/**
 * The record's overlays with those of `bundle` for the version `key` added (a bundle's
 * translation replaces a stored one of the same language); `{}` when the bundle has none.
 */
function withOverlays(
  bundle: ParsedBundle,
  key: string,
  current: StoredQuestionnaire['overlays']
): Pick<StoredQuestionnaire, 'overlays'> {
  const mine = (bundle.overlays ?? []).filter((o) => questionnaireKey(o.id, o.baseVersion) === key);
  if (mine.length === 0) return {};
  const overlays = { ...current };
  for (const o of mine) overlays[o.language] = o;
  return { overlays };
}

/**
 * The assessments to put in a bundle (all when `ids` is absent), with their answers and the
 * questionnaire versions they pin, read in one transaction. Ids no longer stored are left out.
 * @example const { items, questionnaires } = await readBundleItems([id]);
 * makeBundle(items, questionnaires, { appVersion: '0.1.0', sanitise: true });
 */
export async function readBundleItems(ids?: readonly string[]): Promise<{
  items: BundleItem[];
  questionnaires: Questionnaire[];
  /** The translations stored with those versions (from earlier bundles). */
  overlays: QuestionnaireOverlay[];
}> {
  const db = database();
  return db.transaction(
    'r',
    [db.assessments, db.answers, db.questionnaires, db.actions, db.groupAnswers],
    async () => {
      const assessments = ids
        ? (await db.assessments.bulkGet([...ids])).filter((a) => a !== undefined)
        : await db.assessments.toArray();
      const records = await db.answers.bulkGet(assessments.map((a) => a.id));
      const plans = await db.actions.bulkGet(assessments.map((a) => a.id));
      const workshops = await db.groupAnswers.bulkGet(assessments.map((a) => a.id));
      const keys = [
        ...new Set(
          assessments.flatMap((a) => a.questionnaires.map((p) => questionnaireKey(p.id, p.version)))
        )
      ];
      const stored = await db.questionnaires.bulkGet(keys);
      return {
        items: assessments.map((assessment, i) => ({
          assessment,
          answers: records[i]?.answers ?? {},
          actions: plans[i]?.actions ?? [],
          groupAnswers: workshops[i]?.answers ?? {},
          consensusHistory: workshops[i]?.history ?? []
        })),
        questionnaires: stored.filter((q) => q !== undefined).map((q) => q.content),
        overlays: stored.flatMap((q) => Object.values(q?.overlays ?? {}))
      };
    }
  );
}

export interface QuestionnaireConflict {
  id: string;
  version: string;
  title: string;
  /** Why it is refused, for the renderer (docs/languages.md, "Problems"). */
  problem: FileProblem;
}

export interface BundleAssessmentInfo {
  id: string;
  country: string;
  title: string;
  date: string;
  status: Assessment['status'];
  classification: Assessment['classification'];
  /** How it was carried out and who validated it, as the file states it (nothing proves it). */
  provenance: Pick<Assessment['provenance'], 'mode' | 'validatedBy' | 'validatedOn'>;
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
  /** Set when the whole import is refused (a questionnaire conflict): one problem a conflict. */
  refused: FileProblem[] | null;
}

/**
 * Questionnaires of the bundle that are built in or stored here with different content: the
 * rule every importer shares (domain/known-questionnaires.ts).
 */
function findConflicts(
  file: string,
  questionnaires: readonly Questionnaire[],
  stored: readonly (StoredQuestionnaire | undefined)[],
  shipped: ShippedDigests
): QuestionnaireConflict[] {
  return refusedVersions(
    file,
    questionnaires,
    shipped,
    stored.map((s) => s?.content)
  ).map((problem) => ({
    id: String(problem.params?.['id'] ?? ''),
    version: String(problem.params?.['version'] ?? ''),
    title: String(problem.params?.['title'] ?? ''),
    problem
  }));
}

function refusal(conflicts: readonly QuestionnaireConflict[]): FileProblem[] | null {
  return conflicts.length > 0 ? conflicts.map((c) => c.problem) : null;
}

/**
 * What a parsed bundle holds and how it meets this browser's data: which assessments exist
 * already, which questionnaire versions are new, and any conflict that refuses the import.
 * @example
 * const analysis = await analyseBundle(parsed.bundle);
 * if (analysis.refused) show(analysis.refused); else ask(analysis.existingIds);
 */
export async function analyseBundle(
  bundle: ParsedBundle,
  shipped: ShippedDigests = shippedDigests
): Promise<BundleAnalysis> {
  const db = database();
  const keys = bundle.questionnaires.map((q) => questionnaireKey(q.id, q.version));
  const ids = bundle.items.map((item) => item.assessment.id);
  const [stored, existing] = await db.transaction(
    'r',
    [db.assessments, db.questionnaires],
    async () => Promise.all([db.questionnaires.bulkGet(keys), db.assessments.bulkGet(ids)])
  );
  const conflicts = findConflicts(bundle.file, bundle.questionnaires, stored, shipped);
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
        provenance: {
          mode: assessment.provenance.mode,
          validatedBy: assessment.provenance.validatedBy,
          validatedOn: assessment.provenance.validatedOn
        },
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
  /**
   * Each assessment of the file and what became of it, in the file's order: the id is the one it
   * has here now (a copy's new id; a skipped one's id names the assessment left as it was).
   */
  assessments: ImportedAssessment[];
}

export interface ImportedAssessment {
  id: string;
  title: string;
  outcome: 'added' | 'replaced' | 'copied' | 'skipped';
}

export type ImportResult =
  | { ok: true; counts: ImportCounts }
  | { ok: false; problems: FileProblem[]; conflicts: QuestionnaireConflict[] };

/** Thrown inside the transaction to roll it back; turned into a result outside. */
class Refused extends Error {
  constructor(readonly conflicts: QuestionnaireConflict[]) {
    super('refused: a questionnaire version differs from the known one');
  }
}

/** Assessments scored between two pauses: a slice takes a few tens of milliseconds. */
const SCORING_SLICE = 25;

/**
 * The summary figures of every item, computed in slices with a pause for the page between them:
 * a CSV of 200,000 rows holds over a thousand assessments, and scoring them in one go froze the
 * page for seconds (docs/file-formats.md, "Limits"). Runs before the transaction opens, which
 * must await nothing but Dexie.
 */
async function scoreInSlices(
  items: readonly BundleItem[],
  byKey: ReadonlyMap<string, Questionnaire>,
  onProgress: (progress: { scored: number; total: number }) => void
): Promise<SummaryFigures[]> {
  const figures: SummaryFigures[] = [];
  for (const [i, { assessment, answers }] of items.entries()) {
    if (i > 0 && i % SCORING_SLICE === 0) {
      onProgress({ scored: i, total: items.length });
      await new Promise((resume) => setTimeout(resume, 0));
    }
    figures.push(summarizerFor(pinnedOf(assessment, byKey))(answers, assessment));
  }
  onProgress({ scored: items.length, total: items.length });
  return figures;
}

/**
 * Imports a parsed bundle in one transaction over every table: questionnaire versions this
 * browser lacks (source "bundle"), then each assessment with its answers and a freshly computed
 * summary. For an assessment that already exists, `decisions.get(id)` says what to do; absent means
 * skip, the choice that changes nothing. Replacing a final assessment is allowed: the user chose
 * it. A questionnaire conflict (checked again inside the transaction, as another tab may have
 * stored a version since the analysis) refuses the whole import. Database errors reject and
 * leave every table unchanged. `scored`, when given, holds each item's summary figures, computed
 * beforehand by `summarizerFor` with the item's pinned questionnaires.
 * @example
 * const result = await importBundle(parsed.bundle, new Map([[id, 'keep-both']]));
 * if (result.ok) notify(`${result.counts.added} added`);
 */
export async function importBundle(
  bundle: ParsedBundle,
  decisions: ReadonlyMap<string, ImportDecision>,
  shipped: ShippedDigests = shippedDigests,
  onProgress: (progress: { scored: number; total: number }) => void = () => undefined,
  scored?: readonly SummaryFigures[]
): Promise<ImportResult> {
  const byKey = new Map(bundle.questionnaires.map((q) => [questionnaireKey(q.id, q.version), q]));
  // Scoring is pure but not Dexie: do it before the transaction opens. A CSV's reading worker
  // has usually scored the items already (the same summariser, on the same answers).
  const figures =
    scored?.length === bundle.items.length
      ? scored
      : await scoreInSlices(bundle.items, byKey, onProgress);
  const keys = bundle.questionnaires.map((q) => questionnaireKey(q.id, q.version));
  const ids = bundle.items.map((item) => item.assessment.id);
  const storedAt = now();

  const db = database();
  try {
    const counts = await db.transaction('rw', everyTable(db), async () => {
      const [stored, existing, summaries] = await Promise.all([
        db.questionnaires.bulkGet(keys),
        db.assessments.bulkGet(ids),
        db.summaries.bulkGet(ids)
      ]);
      const conflicts = findConflicts(bundle.file, bundle.questionnaires, stored, shipped);
      if (conflicts.length > 0) throw new Refused(conflicts);

      const counts: ImportCounts = {
        added: 0,
        replaced: 0,
        copied: 0,
        skipped: 0,
        questionnairesAdded: 0,
        assessments: []
      };
      const added: {
        assessment: Assessment;
        answers: AnswerMap;
        actions: Action[];
        figures: SummaryFigures;
      }[] = [];
      const replacedPlans: ActionsRecord[] = [];
      // Every imported assessment's workshop record, replaced whole (none for a desk review).
      const workshops: GroupAnswersRecord[] = [];
      const workshopsGone: string[] = [];
      const replaced: SummaryRecord[] = [];
      const replacedAssessments: Assessment[] = [];
      const replacedAnswers: AnswersRecord[] = [];
      const needed = new Set<string>();

      bundle.items.forEach((item, i) => {
        const { assessment, answers, actions = [] } = item;
        // A new assessment has no workshop record to remove: only a replaced one may.
        const keepWorkshop = (assessmentId: string, replacing = false) => {
          const answers = item.groupAnswers ?? {};
          const history = item.consensusHistory ?? [];
          if (Object.keys(answers).length > 0 || history.length > 0) {
            workshops.push({ assessmentId, answers, history });
          } else if (replacing) {
            workshopsGone.push(assessmentId);
          }
        };
        const exists = existing[i] !== undefined;
        // A Map: an id such as "constructor" must not find Object's prototype.
        const chosen = decisions.get(assessment.id);
        const decision = chosen ?? (exists ? 'skip' : 'replace');
        if (decision === 'skip') {
          counts.skipped++;
          const here = existing[i] ?? assessment;
          counts.assessments.push({ id: here.id, title: here.title, outcome: 'skipped' });
          return;
        }
        for (const pin of assessment.questionnaires) {
          needed.add(questionnaireKey(pin.id, pin.version));
        }
        if (!exists) {
          counts.added++;
          counts.assessments.push({ id: assessment.id, title: assessment.title, outcome: 'added' });
          added.push({ assessment, answers, actions, figures: figures[i]! });
          keepWorkshop(assessment.id);
        } else if (decision === 'replace') {
          counts.replaced++;
          counts.assessments.push({
            id: assessment.id,
            title: assessment.title,
            outcome: 'replaced'
          });
          replacedAssessments.push(assessment);
          replacedAnswers.push({ assessmentId: assessment.id, answers });
          replacedPlans.push({ assessmentId: assessment.id, actions });
          keepWorkshop(assessment.id, true);
          replaced.push(summaryRecord(assessment, figures[i]!, (summaries[i]?.revision ?? 0) + 1));
        } else {
          counts.copied++;
          const copy: Assessment = {
            ...assessment,
            id: uuid(),
            title: `${assessment.title}${IMPORTED_SUFFIX}`
          };
          // The copy's plan is its own: new action ids, not carried anywhere from here.
          const plan = actions.map((a) => ({ ...a, id: uuid(), assessmentId: copy.id }));
          counts.assessments.push({ id: copy.id, title: copy.title, outcome: 'copied' });
          added.push({ assessment: copy, answers, actions: plan, figures: figures[i]! });
          keepWorkshop(copy.id);
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
                storedAt,
                ...withOverlays(bundle, keys[i]!, undefined)
              }
            ]
      );
      // Translations of versions already stored join their record (docs/languages.md).
      const translated = stored.flatMap((record, i) =>
        record && withOverlays(bundle, keys[i]!, record.overlays).overlays
          ? [{ ...record, ...withOverlays(bundle, keys[i]!, record.overlays) }]
          : []
      );
      counts.questionnairesAdded = newQuestionnaires.length;

      // bulkAdd, not bulkPut, for records that must be new: a clash aborts the whole import.
      await db.questionnaires.bulkAdd(newQuestionnaires);
      await db.questionnaires.bulkPut(translated);
      await db.assessments.bulkAdd(added.map((a) => a.assessment));
      await db.answers.bulkAdd(
        added.map((a) => ({ assessmentId: a.assessment.id, answers: a.answers }))
      );
      await db.summaries.bulkAdd(added.map((a) => summaryRecord(a.assessment, a.figures, 0)));
      // An empty plan needs no record, as for an assessment created here.
      await db.actions.bulkPut(
        added.flatMap((a) =>
          a.actions.length > 0 ? [{ assessmentId: a.assessment.id, actions: a.actions }] : []
        )
      );
      await db.actions.bulkPut(replacedPlans);
      await db.groupAnswers.bulkDelete(workshopsGone);
      await db.groupAnswers.bulkPut(workshops);
      await db.assessments.bulkPut(replacedAssessments);
      await db.answers.bulkPut(replacedAnswers);
      await db.summaries.bulkPut(replaced);
      return counts;
    });
    return { ok: true, counts };
  } catch (error) {
    if (error instanceof Refused) {
      return {
        ok: false,
        problems: error.conflicts.map((c) => c.problem),
        conflicts: error.conflicts
      };
    }
    throw error;
  }
}
