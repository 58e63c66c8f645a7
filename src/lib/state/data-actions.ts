/**
 * What the Data screen does — and the exchange parts of the assessment screen — as plain
 * functions the components call. Every importer checks the whole file first and writes only
 * when there is no problem, in one transaction of the storage layer (DESIGN §5): CSV files that
 * create assessments become the content of a bundle and go through `importBundle`, so they get
 * the same duplicate decisions and the same single transaction as bundles; CSV answers for one
 * open assessment go through `saveAnswers` in one call.
 */
import {
  CLASSIFICATIONS,
  assessmentSchema,
  newAssessment,
  type AnswerMap,
  type Assessment,
  type Classification
} from '$lib/domain/assessment/model';
import { summarizerFor } from '$lib/domain/assessment/summary';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import { isoDay } from '$lib/format/dates';
import {
  readAnswersCsv,
  writeAnswerTemplate,
  type AnswersCsvAssessment,
  type AnswersCsvResult,
  type ParsedAssessment,
  type ReadAnswersOptions,
  type ReadProgress
} from '$lib/io/answers-csv';
import type { CsvWorkerMessage, CsvWorkerRequest } from '$lib/io/answers-csv.worker';
import {
  backupFile,
  describeBackup,
  parseBackupFile,
  type BackupDescription
} from '$lib/io/backup';
import type { ParsedBackup } from '$lib/io/backup';
import {
  canonicalJson,
  formatImportIssues,
  makeBundle,
  parseBundle,
  versionKey,
  type BundleItem,
  type ParsedBundle
} from '$lib/io/bundle';
import {
  DELIMITERS,
  decodeCsvBytes,
  detectDelimiter,
  formatProblem,
  parseCsv,
  type Delimiter,
  type Problem
} from '$lib/io/csv';
import { envelopeText } from '$lib/io/envelope';
import { builtinIndex, loadAllPinned, loadBuiltin } from '$lib/questionnaires/registry';
import {
  getAnswers,
  getAssessment,
  listAssessments,
  listStoredQuestionnaires,
  listSummaries,
  saveAnswers,
  type AnswerChange
} from '$lib/storage/assessments';
import { storeCustomQuestionnaire } from '$lib/storage/custom-questionnaires';
import { BACKUP_REMINDER_DAYS, backupDue } from '$lib/storage/backup-date';
import {
  analyseBundle,
  clearEverything,
  importBundle,
  readBundleItems,
  readEverything,
  recordBackup,
  restoreBackup,
  type BundleAnalysis,
  type ImportDecision,
  type ImportResult
} from '$lib/storage/transfer';
import { attempt } from './notices.svelte';
import { download, fileSafe } from './download';

export type { Delimiter, Problem, ReadProgress };
export { BACKUP_REMINDER_DAYS, backupDue };

// Operations ------------------------------------------------------------------------------------

let running: string | null = null;

/**
 * Runs one data operation at a time: an import, a restore and "remove everything" must never
 * interleave, even when started from two places on the screen. The components also disable
 * their own buttons while busy; this is the guard behind them.
 * @example await exclusive('Restoring the backup', () => restoreBackup(backup));
 */
export async function exclusive<T>(label: string, action: () => Promise<T>): Promise<T> {
  if (running !== null) {
    throw new Error(`${running} is still in progress: wait for it to finish, then try again.`);
  }
  running = label;
  try {
    return await action();
  } finally {
    running = null;
  }
}

/** Lets the browser paint a status line before synchronous work (parsing a large file) starts. */
export function nextFrame(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}

// File names ------------------------------------------------------------------------------------

/**
 * The most restrictive TLP label of a set (RED > AMBER+STRICT > AMBER > GREEN > CLEAR), or null
 * for an empty set. A file is as sensitive as the most sensitive thing in it.
 * @example highestClassification(['GREEN', 'RED', 'AMBER']) // 'RED'
 */
export function highestClassification(list: readonly Classification[]): Classification | null {
  let best = -1;
  for (const c of list) best = Math.max(best, CLASSIFICATIONS.indexOf(c));
  return best < 0 ? null : (CLASSIFICATIONS[best] ?? null);
}

type Described = Pick<Assessment, 'country' | 'date' | 'classification'>;

/**
 * What a bundle holds, in its name: the country, a date, how many assessments, whether it is
 * the sanitised copy and the highest classification.
 * @example bundleFileName([kenya]) // 'Kenya_2026-11-01_bundle_AMBER.json'
 * @example bundleFileName([kenya, uganda], true, '2026-11-28') // '2-countries_2026-11-28_bundle-sanitised-2-assessments_AMBER.json'
 */
export function bundleFileName(
  assessments: readonly Described[],
  sanitised = false,
  on: string = isoDay()
): string {
  const kind = sanitised ? 'bundle-sanitised' : 'bundle';
  const level = highestClassification(assessments.map((a) => a.classification)) ?? 'CLEAR';
  const only = assessments.length === 1 ? assessments[0] : undefined;
  if (only) return `${fileSafe(countryName(only.country))}_${only.date}_${kind}_${level}.json`;
  const countries = [...new Set(assessments.map((a) => a.country))];
  const who =
    countries.length === 1 ? fileSafe(countryName(countries[0]!)) : `${countries.length}-countries`;
  return `${who}_${on}_${kind}-${assessments.length}-assessments_${level}.json`;
}

/**
 * A full backup's name: the date and, when it holds assessments, their highest classification.
 * @example backupFileName([kenya], '2026-11-28') // 'ncs-backup_2026-11-28_AMBER.json'
 */
export function backupFileName(
  assessments: readonly Described[],
  on: string = isoDay(),
  purpose: 'backup' | 'safety' = 'backup'
): string {
  const level = highestClassification(assessments.map((a) => a.classification));
  const suffix = `${purpose === 'safety' ? '_before-restore' : ''}${level ? `_${level}` : ''}`;
  return `ncs-backup_${on}${suffix}.json`;
}

/**
 * @example templateFileName(null, [privacy]) // 'answer-template_privacy-data-protection_1.0.0.csv'
 * @example templateFileName(kenya, [privacy]) // 'Kenya_2026-11-01_answer-template_AMBER.csv'
 */
export function templateFileName(
  assessment: Described | null,
  questionnaires: readonly { id: string; version: string }[],
  on: string = isoDay()
): string {
  if (assessment) {
    const country = fileSafe(countryName(assessment.country));
    return `${country}_${assessment.date}_answer-template_${assessment.classification}.csv`;
  }
  const only = questionnaires.length === 1 ? questionnaires[0] : undefined;
  return only
    ? `answer-template_${only.id}_${only.version}.csv`
    : `answer-template_${questionnaires.length}-questionnaires_${on}.csv`;
}

// Questionnaires -------------------------------------------------------------------------------

/**
 * Every questionnaire version a CSV may name: the built-in ones at their current version and
 * every version stored in this browser (pinned, from bundles, custom), once each.
 */
export async function allQuestionnaires(): Promise<Questionnaire[]> {
  const [builtins, stored] = await Promise.all([
    Promise.all(builtinIndex.map((entry) => loadBuiltin(entry.id))),
    listStoredQuestionnaires()
  ]);
  const byKey = new Map<string, Questionnaire>();
  for (const q of [...builtins, ...stored.map((s) => s.content)]) {
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

// Answer template ------------------------------------------------------------------------------

/**
 * Downloads the answer template: for an assessment (its pinned questionnaires, its assessment
 * columns filled, so the file goes back into it) or for chosen questionnaires (assessment
 * columns empty: fill them to create assessments, or leave them to import into an open one).
 * Returns the file name.
 */
export async function downloadTemplate(
  choice: { assessmentId: string } | { questionnaires: { id: string; version: string }[] }
): Promise<string> {
  let assessment: Assessment | null = null;
  let pins: { id: string; version: string }[];
  if ('assessmentId' in choice) {
    assessment = (await getAssessment(choice.assessmentId)) ?? null;
    if (!assessment) throw new Error('This assessment is no longer in this browser.');
    pins = assessment.questionnaires;
  } else {
    pins = choice.questionnaires;
  }
  if (pins.length === 0) throw new Error('Choose at least one questionnaire for the template.');
  const questionnaires = await loadAllPinned(pins);
  const columns: AnswersCsvAssessment = assessment ?? {
    id: '',
    country: '',
    title: '',
    date: '',
    respondent: '',
    target: undefined
  };
  const name = templateFileName(assessment, questionnaires);
  download(name, writeAnswerTemplate([{ assessment: columns, questionnaires }]), 'text/csv');
  return name;
}

// Answers CSV: preview --------------------------------------------------------------------------

/** Bytes read for the preview: enough for many rows of any sensible file. */
const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 6;

export interface CsvPreview {
  /** null when the bytes are not UTF-8 or UTF-16 (see `problem`). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | null;
  detected: Delimiter;
  delimiter: Delimiter;
  /** The first rows as cells, header first. */
  rows: string[][];
  /** Why the file cannot be read, with its row and the fix; null when it can. */
  problem: Problem | null;
}

/** The bytes up to the end of the last complete line, so no character or row is cut in two. */
function wholeLines(bytes: Uint8Array, complete: boolean): Uint8Array {
  if (complete) return bytes;
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) {
    // In UTF-8 the bytes 0x0A and 0x0D are only ever line breaks, never part of a character.
    const end = Math.max(bytes.lastIndexOf(0x0a), bytes.lastIndexOf(0x0d));
    return end < 0 ? bytes : bytes.subarray(0, end + 1);
  }
  const isBreak = (unit: number | undefined) => unit === 0x0a || unit === 0x0d;
  for (let i = bytes.length - 2 - (bytes.length % 2); i >= 2; i -= 2) {
    if (le ? isBreak(bytes[i]) && bytes[i + 1] === 0 : bytes[i] === 0 && isBreak(bytes[i + 1])) {
      return bytes.subarray(0, i + 2);
    }
  }
  return bytes.subarray(0, bytes.length - (bytes.length % 2));
}

/**
 * The first rows of a CSV, read as the import will read them, for the preview where the user
 * checks the delimiter. Reads only the start of the file, so it is instant for any size.
 * @example const preview = await previewCsv(file); preview.detected // ';'
 */
export async function previewCsv(file: File, delimiter?: Delimiter): Promise<CsvPreview> {
  const start = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const decoded = decodeCsvBytes(wholeLines(start, file.size <= PREVIEW_BYTES));
  if (!decoded.ok) {
    const problem = { file: file.name, row: decoded.line, column: null, message: decoded.message };
    return { encoding: null, detected: ',', delimiter: ',', rows: [], problem };
  }
  const detected = detectDelimiter(decoded.text);
  const chosen = delimiter ?? detected;
  const rows = parseCsv(decoded.text, chosen)
    .records.slice(0, PREVIEW_ROWS)
    .map((record) => record.cells);
  return { encoding: decoded.encoding, detected, delimiter: chosen, rows, problem: null };
}

export function isDelimiter(value: string): value is Delimiter {
  return (DELIMITERS as readonly string[]).includes(value);
}

// Answers CSV: reading in the worker ------------------------------------------------------------

/**
 * Reads the whole file in the module worker, reporting progress; falls back to the main thread
 * only when the browser cannot start a module worker at all.
 */
export async function readAnswersFile(
  file: File,
  questionnaires: readonly Questionnaire[],
  options: Omit<ReadAnswersOptions, 'onProgress'>,
  onProgress: (progress: ReadProgress) => void
): Promise<AnswersCsvResult> {
  const bytes = await file.arrayBuffer();
  let worker: Worker;
  try {
    worker = new Worker(new URL('../io/answers-csv.worker.ts', import.meta.url), {
      type: 'module'
    });
  } catch {
    return readAnswersCsv(file.name, new Uint8Array(bytes), questionnaires, {
      ...options,
      onProgress
    });
  }
  let started = false;
  const result = new Promise<AnswersCsvResult | 'no-worker'>((settle, fail) => {
    worker.addEventListener('message', (event: MessageEvent<CsvWorkerMessage>) => {
      started = true;
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.progress);
      } else if (message.type === 'result') {
        settle(message.result);
      } else {
        fail(new Error(`The CSV reader failed: ${message.message}`));
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      // An error before the first message means the worker never ran (no module workers).
      if (started) fail(new Error(`The CSV reader stopped: ${event.message || 'unknown error'}`));
      else settle('no-worker');
    });
  });
  const request: CsvWorkerRequest = {
    file: file.name,
    bytes,
    // Plain copies: the worker receives them by structured clone.
    questionnaires: [...questionnaires],
    options: { ...options }
  };
  worker.postMessage(request, [bytes]);
  try {
    const outcome = await result;
    if (outcome !== 'no-worker') return outcome;
  } finally {
    worker.terminate();
  }
  // The bytes went to the worker that never ran: read the file again, here.
  const again = new Uint8Array(await file.arrayBuffer());
  return readAnswersCsv(file.name, again, questionnaires, { ...options, onProgress });
}

// Answers CSV: into an open assessment ----------------------------------------------------------

export interface CsvIntoAssessment {
  kind: 'existing';
  file: string;
  assessment: Assessment;
  changes: AnswerChange[];
  notes: string[];
}

/** Problems found after reading: ids that do not belong where the file is imported. */
type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * The answer changes a parsed file makes to an open assessment. Rows left blank leave the stored
 * answer as it is; an answered row replaces it, keeping only its review flag (which the CSV
 * has no column for). Rows naming another assessment are refused, not silently merged.
 * @example changesForAssessment('a.csv', kenya, parsed, stored, now).value // [{ key, answer }]
 */
export function changesForAssessment(
  file: string,
  assessment: Assessment,
  parsed: readonly ParsedAssessment[],
  stored: AnswerMap,
  now: string
): Checked<AnswerChange[]> {
  const problems: Problem[] = [];
  const merged = new Map<string, { answer: AnswerMap[string]; row: number }>();
  for (const group of parsed) {
    if (group.id !== null && group.id !== assessment.id) {
      problems.push({
        file,
        row: group.firstRow,
        column: 'assessment_id',
        message:
          `these rows are for assessment "${group.id}", not for "${assessment.title}" ` +
          `(${assessment.id}): clear the assessment_id column to import them into this ` +
          `assessment, or import the file on the Data screen as new assessments`
      });
      continue;
    }
    for (const [key, answer] of Object.entries(group.answers)) {
      const earlier = merged.get(key);
      if (earlier) {
        problems.push({
          file,
          row: group.firstRow,
          column: 'question_id',
          message: `"${key}" is answered twice (rows with and without assessment_id, also near row ${earlier.row}): keep one of the rows`
        });
      }
      merged.set(key, { answer, row: group.firstRow });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const changes: AnswerChange[] = [...merged].map(([key, { answer }]) => {
    const flagged = stored[key]?.flagged;
    return {
      key,
      answer: { ...answer, ...(flagged ? { flagged } : {}), updatedAt: now }
    };
  });
  return { ok: true, value: changes };
}

// Answers CSV: as new assessments ---------------------------------------------------------------

export interface CsvAsAssessments {
  kind: 'create';
  file: string;
  bundle: ParsedBundle;
  analysis: BundleAnalysis;
  notes: string[];
}

/** Ids become part of the screen's address: letters, digits and a few safe signs only. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$/;

/**
 * The bundle content a parsed CSV stands for: one assessment per `assessment_id`, with the
 * questionnaire versions its rows name. The file's id becomes the assessment's id, so a file
 * exported from this app and imported again meets its original and the user chooses (skip,
 * replace, keep both). An assessment that exists keeps what the CSV cannot carry
 * (classification, provenance, narrative); a new one is a draft at the default classification.
 * @example csvBundle('a.csv', parsed, catalogue, new Map(), now).value.items.length // 2
 */
export function csvBundle(
  file: string,
  parsed: readonly ParsedAssessment[],
  catalogue: readonly Questionnaire[],
  existing: ReadonlyMap<string, Assessment>,
  now: string
): Checked<ParsedBundle> {
  const problems: Problem[] = [];
  const byKey = new Map(catalogue.map((q) => [versionKey(q.id, q.version), q]));
  const used = new Map<string, Questionnaire>();
  const items: BundleItem[] = [];
  for (const group of parsed) {
    const at = (column: string | null, message: string) =>
      problems.push({ file, row: group.firstRow, column, message });
    if (group.id === null || group.details === null) {
      at('assessment_id', 'the assessment columns are empty: fill them to create an assessment');
      continue;
    }
    if (!SAFE_ID.test(group.id)) {
      at(
        'assessment_id',
        `"${group.id}" cannot be an assessment id: use letters, digits, "-", "_" or "." only, such as ke-2026`
      );
      continue;
    }
    const base = existing.get(group.id);
    const { country, title, date, respondent, target } = group.details;
    const fields = {
      id: group.id,
      country,
      title,
      date,
      respondent,
      questionnaires: group.questionnaires,
      updatedAt: now
    };
    const candidate: Assessment = base ? { ...base, ...fields } : newAssessment(fields, now);
    // A blank target cell keeps the existing assessment's target (or the defaults).
    if (target !== undefined) candidate.target = target;
    // The last guard: whatever reaches the database is a valid Assessment.
    const checked = assessmentSchema.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        at(null, `${issue.path.join('.') || 'assessment'}: ${issue.message}`);
      }
      continue;
    }
    for (const pin of group.questionnaires) {
      const q = byKey.get(versionKey(pin.id, pin.version));
      if (q) used.set(versionKey(pin.id, pin.version), q);
    }
    items.push({ assessment: checked.data, answers: group.answers });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      file,
      appVersion: __APP_VERSION__,
      exportedAt: now,
      sanitised: false,
      items,
      questionnaires: [...used.values()]
    }
  };
}

// Answers CSV: the whole check ------------------------------------------------------------------

export type CsvPlan = CsvIntoAssessment | CsvAsAssessments;

export type CsvCheck =
  { ok: true; plan: CsvPlan; answers: number; rows: number } | { ok: false; problems: Problem[] };

/**
 * Reads and checks an answers CSV completely, writing nothing: into `assessmentId` when given,
 * else as new assessments. Returns every problem, or the plan the user confirms.
 */
export async function checkAnswersCsv(
  file: File,
  delimiter: Delimiter | undefined,
  assessmentId: string | null,
  onProgress: (progress: ReadProgress) => void
): Promise<CsvCheck> {
  const now = new Date().toISOString();
  if (assessmentId !== null) {
    const assessment = await getAssessment(assessmentId);
    if (!assessment) throw new Error('This assessment is no longer in this browser.');
    if (assessment.status === 'final') {
      throw new Error(
        `"${assessment.title}" is final and read-only: reopen it (with a reason) to import answers.`
      );
    }
    const catalogue = await loadAllPinned(assessment.questionnaires);
    const pinned = Object.fromEntries(assessment.questionnaires.map((p) => [p.id, p.version]));
    const read = await readAnswersFile(file, catalogue, { delimiter, pinned }, onProgress);
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
        changes: changes.value,
        notes: read.notes
      },
      answers: changes.value.length,
      rows: rowsOf(read.assessments)
    };
  }
  const catalogue = await allQuestionnaires();
  const read = await readAnswersFile(
    file,
    catalogue,
    { delimiter, createAssessments: true },
    onProgress
  );
  if (!read.ok) return { ok: false, problems: read.problems };
  const existing = new Map((await listAssessments()).map((a) => [a.id, a]));
  const bundle = csvBundle(file.name, read.assessments, catalogue, existing, now);
  if (!bundle.ok) return bundle;
  const analysis = await analyseBundle(bundle.value);
  return {
    ok: true,
    plan: { kind: 'create', file: file.name, bundle: bundle.value, analysis, notes: read.notes },
    answers: read.assessments.reduce((n, a) => n + Object.keys(a.answers).length, 0),
    rows: rowsOf(read.assessments)
  };
}

function rowsOf(parsed: readonly ParsedAssessment[]): number {
  return parsed.reduce((n, a) => n + a.rowCount, 0);
}

/**
 * Writes the answers of a checked file into its assessment, all in one transaction.
 * @returns how many answers were written
 */
export async function applyCsvToAssessment(plan: CsvIntoAssessment): Promise<number> {
  return exclusive('An import', async () => {
    const questionnaires = await loadAllPinned(plan.assessment.questionnaires);
    await saveAnswers(plan.assessment.id, plan.changes, summarizerFor(questionnaires));
    return plan.changes.length;
  });
}

/** Each problem as one line: `answers.csv:14:level: …`, as the command line prints them. */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}

// Bundles ---------------------------------------------------------------------------------------

/**
 * Downloads a bundle of the given assessments (all when `ids` is absent). Returns the file name.
 */
export async function downloadBundle(
  ids: readonly string[] | undefined,
  sanitise: boolean
): Promise<string> {
  const { items, questionnaires } = await readBundleItems(ids);
  if (items.length === 0) throw new Error('There is no assessment to export.');
  const envelope = makeBundle(items, questionnaires, { appVersion: __APP_VERSION__, sanitise });
  const name = bundleFileName(
    items.map((i) => i.assessment),
    sanitise,
    isoDay(new Date(envelope.exportedAt))
  );
  download(name, envelopeText(envelope), 'application/json');
  return name;
}

export interface BundleFileInfo {
  name: string;
  exportedAt: string;
  appVersion: string;
  sanitised: boolean;
  assessments: number;
}

export type BundleFiles =
  | { ok: true; bundle: ParsedBundle; files: BundleFileInfo[]; analysis: BundleAnalysis }
  | { ok: false; lines: string[] };

/**
 * Several checked bundles as one, so dozens of files import in one transaction, all or nothing.
 * Refused when two files hold the same assessment or differ on a questionnaire version.
 * @example mergeBundles([kenya, uganda]).ok // true
 */
export function mergeBundles(
  bundles: readonly ParsedBundle[]
): { ok: true; bundle: ParsedBundle } | { ok: false; lines: string[] } {
  const lines: string[] = [];
  const items = new Map<string, { item: BundleItem; file: string }>();
  const questionnaires = new Map<string, { q: Questionnaire; file: string; json: string }>();
  for (const bundle of bundles) {
    for (const item of bundle.items) {
      const earlier = items.get(item.assessment.id);
      if (earlier) {
        lines.push(
          `${bundle.file}: assessment "${item.assessment.title}" (${item.assessment.id}) is also in ${earlier.file}: import the two files one after the other, or choose one of them`
        );
      } else {
        items.set(item.assessment.id, { item, file: bundle.file });
      }
    }
    for (const q of bundle.questionnaires) {
      const key = versionKey(q.id, q.version);
      const json = canonicalJson(q);
      const earlier = questionnaires.get(key);
      if (!earlier) {
        questionnaires.set(key, { q, file: bundle.file, json });
      } else if (earlier.json !== json) {
        lines.push(
          `${bundle.file}: questionnaire ${key} differs from the version ${q.version} in ${earlier.file}: a questionnaire version never changes; ask the senders which one they used`
        );
      }
    }
  }
  if (lines.length > 0) return { ok: false, lines };
  const first = bundles[0];
  return {
    ok: true,
    bundle: {
      file: bundles.map((b) => b.file).join(', '),
      appVersion: first?.appVersion ?? '',
      exportedAt: first?.exportedAt ?? '',
      sanitised: bundles.some((b) => b.sanitised),
      items: [...items.values()].map((i) => i.item),
      questionnaires: [...questionnaires.values()].map((q) => q.q)
    }
  };
}

/**
 * Reads and checks bundle files completely, writing nothing; every problem of every file is
 * listed, each line naming its file. Then tells what they hold and how it meets the data here.
 */
export async function readBundleFiles(
  files: readonly File[],
  onProgress: (text: string) => void
): Promise<BundleFiles> {
  const parsed: ParsedBundle[] = [];
  const lines: string[] = [];
  for (const [i, file] of files.entries()) {
    onProgress(`Checking ${file.name} (${i + 1} of ${files.length})…`);
    await nextFrame();
    const result = parseBundle(file.name, await file.text());
    if (result.ok) parsed.push(result.bundle);
    else lines.push(...formatImportIssues(result.file, result.issues).split('\n'));
  }
  if (lines.length > 0) return { ok: false, lines };
  const merged = mergeBundles(parsed);
  if (!merged.ok) return merged;
  onProgress('Comparing with the data in this browser…');
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

/** Imports a checked bundle (or a CSV turned into one) with the user's decisions. */
export function importChecked(
  bundle: ParsedBundle,
  decisions: Readonly<Record<string, ImportDecision>>
): Promise<ImportResult> {
  return exclusive('An import', () => importBundle(bundle, decisions));
}

export type ImportOutcome =
  | { kind: 'done'; summary: string }
  /** Refused as a whole (e.g. a questionnaire conflict): nothing was written. */
  | { kind: 'refused'; lines: string[] }
  /** It failed; the failure was reported through the notices. */
  | { kind: 'failed' };

/**
 * Imports a checked bundle (or a CSV turned into one) and says how it went, for the import
 * screens, which differ only in what they show around it.
 */
export async function importForScreen(
  bundle: ParsedBundle,
  decisions: Readonly<Record<string, ImportDecision>>
): Promise<ImportOutcome> {
  const result = await attempt('Could not import', () => importChecked(bundle, decisions));
  if (!result) return { kind: 'failed' };
  if (!result.ok) return { kind: 'refused', lines: result.message.split('\n') };
  return { kind: 'done', summary: importSummary(result) };
}

/**
 * What an import did, in one sentence.
 * @example importSummary({ added: 2, replaced: 0, copied: 1, skipped: 0, questionnairesAdded: 1 })
 * // 'Imported: 2 added, 1 kept beside an existing one; 1 questionnaire version stored.'
 */
export function importSummary(result: Extract<ImportResult, { ok: true }>): string {
  const { added, replaced, copied, skipped, questionnairesAdded } = result.counts;
  const parts = [
    added > 0 ? `${added} added` : '',
    replaced > 0 ? `${replaced} replaced` : '',
    copied > 0 ? `${copied} kept beside an existing one` : '',
    skipped > 0 ? `${skipped} skipped` : ''
  ].filter(Boolean);
  const q =
    questionnairesAdded > 0
      ? `; ${questionnairesAdded} questionnaire version${questionnairesAdded > 1 ? 's' : ''} stored`
      : '';
  return `Imported: ${parts.join(', ') || 'nothing changed'}${q}.`;
}

// Backup and restore ----------------------------------------------------------------------------

/**
 * Downloads a full backup of this browser's data and records when it was made. Returns the file
 * name.
 */
export async function downloadBackup(purpose: 'backup' | 'safety' = 'backup'): Promise<string> {
  const data = await readEverything();
  const file = await backupFile(data, { appVersion: __APP_VERSION__ });
  const name = backupFileName(data.assessments, isoDay(new Date(file.exportedAt)), purpose);
  download(name, file.blob);
  await recordBackup(file.exportedAt);
  return name;
}

export type BackupFile =
  | { ok: true; backup: ParsedBackup; description: BackupDescription }
  | { ok: false; lines: string[] };

/** Reads and checks a backup file completely, writing nothing. */
export async function readBackupFile(file: File): Promise<BackupFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  await nextFrame();
  const result = await parseBackupFile(file.name, bytes);
  if (!result.ok) {
    return { ok: false, lines: formatImportIssues(result.file, result.issues).split('\n') };
  }
  return { ok: true, backup: result.backup, description: describeBackup(result.backup) };
}

/** Replaces everything in this browser with the backup, all or nothing. */
export function restoreChecked(backup: ParsedBackup): Promise<void> {
  return exclusive('A restore', () => restoreBackup(backup));
}

// What is stored --------------------------------------------------------------------------------

export interface StoredData {
  assessments: number;
  countries: string[];
  answered: number;
  /** Questionnaire versions imported by the user or from bundles (built-in ones come back). */
  imported: number;
}

/** What this browser holds, for the confirmation before everything is removed. */
export async function describeStoredData(): Promise<StoredData> {
  const [assessments, summaries, questionnaires] = await Promise.all([
    listAssessments(),
    listSummaries(),
    listStoredQuestionnaires()
  ]);
  return {
    assessments: assessments.length,
    countries: [...new Set(assessments.map((a) => a.country))].sort(),
    answered: summaries.reduce((n, s) => n + s.answered, 0),
    imported: questionnaires.filter((q) => q.source !== 'builtin').length
  };
}

/** Removes every record from this browser, in one transaction. */
export function removeAllData(): Promise<void> {
  return exclusive('Removing all data', () => clearEverything());
}

// Custom questionnaires -------------------------------------------------------------------------

export type QuestionnaireImport =
  | { ok: true; questionnaire: Questionnaire; status: 'added' | 'unchanged' }
  | { ok: false; lines: string[] };

/**
 * Checks a questionnaire file (YAML or JSON) with the same code and messages as
 * `npm run validate`, then stores it as a custom questionnaire. The YAML parser is loaded only
 * here, so it never weighs on the first load.
 */
export async function importQuestionnaireFile(file: File): Promise<QuestionnaireImport> {
  const [{ parseQuestionnaireText, formatQuestionnaireIssues }, text] = await Promise.all([
    import('$lib/io/questionnaire-file'),
    file.text()
  ]);
  const parsed = parseQuestionnaireText(file.name, text);
  if (!parsed.ok) {
    return { ok: false, lines: formatQuestionnaireIssues(file.name, parsed.issues).split('\n') };
  }
  const stored = await exclusive('Storing the questionnaire', () =>
    storeCustomQuestionnaire(file.name, parsed.questionnaire, {
      builtinIds: builtinIndex.map((e) => e.id)
    })
  );
  if (!stored.ok) return { ok: false, lines: [stored.message] };
  return { ok: true, questionnaire: parsed.questionnaire, status: stored.status };
}
