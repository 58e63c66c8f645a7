/**
 * What the import screens call. Every importer checks the whole file first and writes only when
 * there is no problem, in one transaction of the storage layer: CSV files that create
 * assessments become the content of a bundle and go through `importBundle`, so they get the same
 * duplicate decisions and the same single transaction as bundles; CSV answers for one open
 * assessment go through `saveAnswers` in one call. See docs/file-formats.md.
 */
import { fileSizeProblem } from '$lib/io/limits';
import type { AnswersCsvResult, ParsedAssessment } from '$lib/io/answers-csv';
import { summarizerFor, type SummaryFigures } from '$lib/domain/assessment/summary';
import { scopeOf } from '$lib/domain/questionnaire/core';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { forgetQuestionnaireText, titledIn } from '$lib/state/questionnaire-text';
import { versionKey } from '$lib/domain/questionnaire/version';
import type { ParsedBundle } from '$lib/domain/records';
import type { FileProblem } from '$lib/domain/problems';
import { parseBundle } from '$lib/io/bundle';
import type { Delimiter } from '$lib/io/csv';
import {
  builtinEditions,
  builtinIndex,
  loadAllPinned,
  loadBuiltin,
  loadShipped
} from '$lib/state/questionnaires';
import { shippedDigests } from '$lib/storage/shipped';
import {
  getAnswers,
  getAssessment,
  listAssessments,
  listStoredQuestionnaires,
  saveAnswers
} from '$lib/storage/assessments';
import { storeCustomQuestionnaire } from '$lib/storage/custom-questionnaires';
import { saveWorkshopImport } from '$lib/storage/workshop';
import {
  analyseBundle,
  importBundle,
  type BundleAnalysis,
  type ImportDecision,
  type ImportResult
} from '$lib/storage/transfer';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '../language';
import { attempt } from '../notices.svelte';
import { mergeBundles } from './bundle-merge';
import { openAnswersFile, type ReadProgress } from './csv-worker-client';
import { exclusive, nextFrame } from './exclusive';
import { assessmentLinks, type ImportLink } from './import-report';
import {
  changesForAssessment,
  csvBundle,
  type CsvCheck,
  type CsvIntoAssessment
} from './import-planning';

export type { BundleAnalysis, ImportDecision, ImportResult };

// Questionnaires -------------------------------------------------------------------------------

/**
 * Every questionnaire version a CSV may name: the built-in ones at their current version and
 * their earlier editions, and every version stored in this browser (pinned, from bundles,
 * custom), once each; a built-in version always as shipped.
 */
export async function allQuestionnaires(): Promise<Questionnaire[]> {
  const [current, earlier, stored] = await Promise.all([
    Promise.all(builtinIndex.map((entry) => loadBuiltin(entry.id))),
    // A spreadsheet filled in for an assessment on an earlier edition still imports.
    Promise.all(builtinEditions.flatMap((entry) => loadShipped(entry.id, entry.version) ?? [])),
    listStoredQuestionnaires()
  ]);
  const builtins = [...earlier, ...current];
  const byKey = new Map<string, Questionnaire>();
  // Built-in last: a stored copy of a built-in version never stands in for the shipped file.
  for (const q of [...stored.map((s) => s.content), ...builtins]) {
    byKey.set(versionKey(q.id, q.version), q);
  }
  return [...byKey.values()];
}

/** The questionnaire versions of a choice, loaded (stored versions first, else built-in). */
export function loadQuestionnaires(
  pins: readonly { id: string; version: string }[]
): Promise<Questionnaire[]> {
  return loadAllPinned(pins);
}

// Answers CSV -----------------------------------------------------------------------------------

/**
 * Reads and checks an answers CSV completely, writing nothing: into `assessmentId` when given,
 * else as new assessments. Returns every problem, or the plan the user confirms.
 */
export async function checkAnswersCsv(
  file: File,
  delimiter: Delimiter | undefined,
  assessmentId: string | null,
  onProgress: (progress: ReadProgress) => void,
  encoding?: 'windows-1252'
): Promise<CsvCheck> {
  const now = new Date().toISOString();
  const tooLarge = fileSizeProblem(file, 'answers-csv');
  if (tooLarge) {
    return { ok: false, problems: [{ ...tooLarge, row: 1 }] };
  }
  if (assessmentId !== null) {
    const assessment = await getAssessment(assessmentId);
    if (!assessment) throw new Error(m.data_assessment_gone());
    if (assessment.status === 'final') {
      throw new Error(m.data_assessment_final({ title: assessment.title }));
    }
    // The worker decodes and parses while the questionnaires load.
    const reader = openAnswersFile(file, { delimiter, encoding }, onProgress);
    let read: AnswersCsvResult;
    try {
      const catalogue = await loadAllPinned(assessment.questionnaires);
      const pinned = Object.fromEntries(assessment.questionnaires.map((p) => [p.id, p.version]));
      read = await reader.check(
        // Problems name questionnaires by the title the user reads (docs/languages.md).
        await titledIn(catalogue, getLocale()),
        { pinned, scope: scopeOf(assessment), groups: assessment.groups ?? [] }
      );
    } finally {
      reader.close();
    }
    if (!read.ok) return { ok: false, problems: read.problems };
    const changes = changesForAssessment(
      file.name,
      assessment,
      read.assessments,
      await getAnswers(assessment.id),
      now
    );
    if (!changes.ok) return changes;
    return {
      ok: true,
      plan: {
        kind: 'existing',
        file: file.name,
        assessment,
        changes: changes.value.changes,
        groupChanges: changes.value.groupChanges,
        notes: read.notes
      },
      answers: changes.value.changes.length + changes.value.groupChanges.length,
      rows: rowsOf(read.assessments)
    };
  }
  const reader = openAnswersFile(
    file,
    { delimiter, encoding, createAssessments: true },
    onProgress
  );
  let scoring = false;
  try {
    const catalogue = await allQuestionnaires();
    const read = await reader.check(await titledIn(catalogue, getLocale()), {
      createAssessments: true
    });
    if (!read.ok) return { ok: false, problems: read.problems };
    const existing = new Map((await listAssessments()).map((a) => [a.id, a]));
    const bundle = csvBundle(file.name, read.assessments, catalogue, existing, now);
    if (!bundle.ok) return bundle;
    // The worker scores the new assessments while the page compares them with the stored ones
    // and shows the preview; the import then only writes.
    const figures = reader.score(
      bundle.value.items.map(({ assessment: a }) => ({
        id: a.id,
        questionnaires: a.questionnaires,
        target: a.target,
        scope: a.scope
      }))
    );
    scoring = true;
    const analysis = await analyseBundle(bundle.value);
    return {
      ok: true,
      plan: {
        kind: 'create',
        file: file.name,
        bundle: bundle.value,
        analysis,
        notes: read.notes,
        figures
      },
      answers: read.assessments.reduce(
        (n, a) => n + Object.keys(a.answers).length + Object.keys(a.groupAnswers).length,
        0
      ),
      rows: rowsOf(read.assessments)
    };
  } finally {
    if (!scoring) reader.close();
  }
}

function rowsOf(parsed: readonly ParsedAssessment[]): number {
  return parsed.reduce((n, a) => n + a.rowCount, 0);
}

/**
 * Writes the answers of a checked file into its assessment, all in one transaction.
 * @returns how many answers were written
 */
export async function applyCsvToAssessment(plan: CsvIntoAssessment): Promise<number> {
  return exclusive(m.data_busy_import, async () => {
    const questionnaires = await loadAllPinned(plan.assessment.questionnaires);
    const summarize = summarizerFor(questionnaires);
    if (plan.assessment.groups?.length) {
      // A workshop: consensus, its history and the group answers in one transaction.
      await saveWorkshopImport(plan.assessment.id, plan.changes, plan.groupChanges, summarize);
    } else {
      await saveAnswers(plan.assessment.id, plan.changes, summarize);
    }
    return plan.changes.length + plan.groupChanges.length;
  });
}

// Bundles ---------------------------------------------------------------------------------------

export interface BundleFileInfo {
  name: string;
  exportedAt: string;
  appVersion: string;
  sanitised: boolean;
  assessments: number;
}

export type BundleFiles =
  | { ok: true; bundle: ParsedBundle; files: BundleFileInfo[]; analysis: BundleAnalysis }
  | { ok: false; problems: FileProblem[] };

/**
 * Reads and checks bundle files completely, writing nothing; every problem of every file is
 * listed, each naming its file. Then tells what they hold and how it meets the data here.
 */
export async function readBundleFiles(
  files: readonly File[],
  onProgress: (text: string) => void
): Promise<BundleFiles> {
  const parsed: ParsedBundle[] = [];
  const problems: FileProblem[] = [];
  for (const [i, file] of files.entries()) {
    onProgress(
      m.data_import_checking_file({
        file: file.name,
        position: formatNumber(i + 1),
        total: formatNumber(files.length)
      })
    );
    const tooLarge = fileSizeProblem(file, 'bundle');
    if (tooLarge) {
      problems.push(tooLarge);
      continue;
    }
    await nextFrame();
    const result = parseBundle(file.name, await file.text(), { shipped: shippedDigests });
    if (result.ok) parsed.push(result.bundle);
    else problems.push(...result.problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  const merged = mergeBundles(parsed);
  if (!merged.ok) return merged;
  onProgress(m.data_import_comparing());
  const analysis = await analyseBundle(merged.bundle);
  const infos: BundleFileInfo[] = parsed.map((b) => ({
    name: b.file,
    exportedAt: b.exportedAt,
    appVersion: b.appVersion,
    sanitised: b.sanitised,
    assessments: b.items.length
  }));
  return { ok: true, bundle: merged.bundle, files: infos, analysis };
}

/** Imports a checked bundle (or a CSV turned into one) with the user's decisions; `onProgress`
 * hears how far scoring the imported assessments has come. */
export function importChecked(
  bundle: ParsedBundle,
  decisions: ReadonlyMap<string, ImportDecision>,
  onProgress: (text: string) => void = () => undefined,
  figures?: Promise<SummaryFigures[] | null>
): Promise<ImportResult> {
  return exclusive(m.data_busy_import, async () => {
    const scored = (await figures) ?? undefined;
    const result = await importBundle(
      bundle,
      decisions,
      undefined,
      ({ scored, total }) =>
        onProgress(
          m.data_import_scoring({
            scored: formatNumber(scored),
            total: formatNumber(total),
            count: total
          })
        ),
      scored
    );
    // The bundle's translations are now stored: look them up afresh.
    if (bundle.overlays?.length) forgetQuestionnaireText();
    return result;
  });
}

export type ImportOutcome =
  /** Written: `summary` and `links` go to the result panel, which stays until dismissed. */
  | { kind: 'done'; summary: string; links?: ImportLink[] }
  /** Refused as a whole (e.g. a questionnaire conflict): nothing was written. */
  | { kind: 'refused'; problems: FileProblem[] }
  /** It failed; the failure was reported through the notices. */
  | { kind: 'failed' };

/**
 * Imports a checked bundle (or a CSV turned into one) and says how it went, for the import
 * screens, which differ only in what they show around it.
 */
export async function importForScreen(
  bundle: ParsedBundle,
  decisions: ReadonlyMap<string, ImportDecision>,
  onProgress?: (text: string) => void,
  figures?: Promise<SummaryFigures[] | null>
): Promise<ImportOutcome> {
  const result = await attempt(m.problems_could_not_import(), () =>
    importChecked(bundle, decisions, onProgress, figures)
  );
  if (!result) return { kind: 'failed' };
  if (!result.ok) return { kind: 'refused', problems: result.problems };
  return { kind: 'done', summary: importSummary(result), links: assessmentLinks(result.counts) };
}

/**
 * What an import did, in one sentence in the interface language.
 * @example importSummary({ added: 2, replaced: 0, copied: 1, skipped: 0, questionnairesAdded: 1 })
 * // 'Imported: 2 added, 1 kept beside an existing one; 1 questionnaire version stored.'
 */
export function importSummary(result: Extract<ImportResult, { ok: true }>): string {
  const { added, replaced, copied, skipped, questionnairesAdded } = result.counts;
  const parts = [
    added > 0 ? m.data_import_added({ count: added }) : '',
    replaced > 0 ? m.data_import_replaced({ count: replaced }) : '',
    copied > 0 ? m.data_import_copied({ count: copied }) : '',
    skipped > 0 ? m.data_import_skipped({ count: skipped }) : ''
  ].filter(Boolean);
  // A list of counts, each a whole phrase in the interface language (docs/languages.md, plurals).
  const changes = parts.join(', ') || m.data_import_nothing_changed();
  return questionnairesAdded > 0
    ? m.data_import_summary_questionnaires({ changes, count: questionnairesAdded })
    : m.data_import_summary({ changes });
}

// Custom questionnaires -------------------------------------------------------------------------

export type QuestionnaireImport =
  | { ok: true; questionnaire: Questionnaire; status: 'added' | 'unchanged' }
  | { ok: false; problems: FileProblem[] };

/**
 * Checks a questionnaire file (YAML or JSON) with the same code and messages as
 * `npm run validate`, then stores it as a custom questionnaire. The YAML parser is loaded only
 * here, so it never weighs on the first load.
 */
export async function importQuestionnaireFile(file: File): Promise<QuestionnaireImport> {
  const tooLarge = fileSizeProblem(file, 'questionnaire');
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const [{ parseQuestionnaireText }, text] = await Promise.all([
    import('$lib/io/questionnaire-file'),
    file.text()
  ]);
  const parsed = parseQuestionnaireText(file.name, text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const stored = await exclusive(m.data_busy_questionnaire, () =>
    storeCustomQuestionnaire(file.name, parsed.questionnaire, {
      builtinIds: builtinIndex.map((e) => e.id)
    })
  );
  if (!stored.ok) return { ok: false, problems: [stored.problem] };
  return { ok: true, questionnaire: parsed.questionnaire, status: stored.status };
}
