/**
 * Where questionnaires come from: the built-in index (carried by the first load), the built-in
 * JSON assets (fetched on demand, precached by the service worker) and the versions stored in
 * the database (pinned by assessments, imported from bundles or by authors).
 */
import { asset } from '$app/paths';
import index, { editions } from 'virtual:questionnaire-index';
import type {
  EditionIndexEntry,
  QuestionnaireIndexEntry
} from '$lib/domain/questionnaire/index-entry';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { compareVersions, versionKey } from '$lib/domain/questionnaire/version';
import { getStoredQuestionnaire, listStoredQuestionnaires } from '$lib/storage/assessments';
import { replaceChangedBuiltinCopy } from '$lib/storage/builtin-copies';
import { shippedDigests } from '$lib/storage/shipped';

/** The built-in questionnaires at their current edition: the ones a new assessment offers. */
export const builtinIndex: readonly QuestionnaireIndexEntry[] = index;

/**
 * Earlier editions the app still ships, so assessments, bundles and backups pinned to them
 * resolve and score as before (docs/file-formats.md, "Editions of the built-in questionnaires").
 */
export const builtinEditions: readonly EditionIndexEntry[] = editions;

const cache = new Map<string, Promise<Questionnaire>>();

export class MissingQuestionnaireError extends Error {}

async function fetchBuiltin(entry: EditionIndexEntry): Promise<Questionnaire> {
  const response = await fetch(asset(`/${entry.file}` as '/'));
  if (!response.ok) {
    throw new MissingQuestionnaireError(
      `Could not load the questionnaire "${entry.id}" version ${entry.version} (${response.status}). Reload the app.`
    );
  }
  // Validated at build time; the asset is ours.
  return (await response.json()) as Questionnaire;
}

function loadEntry(entry: EditionIndexEntry): Promise<Questionnaire> {
  const key = versionKey(entry.id, entry.version);
  let promise = cache.get(key);
  if (!promise) {
    promise = fetchBuiltin(entry);
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return promise;
}

/** A built-in questionnaire at its current version. */
export function loadBuiltin(id: string): Promise<Questionnaire> {
  const entry = builtinIndex.find((e) => e.id === id);
  if (!entry) {
    return Promise.reject(new MissingQuestionnaireError(`No built-in questionnaire "${id}".`));
  }
  return loadEntry(entry);
}

/**
 * The built-in file of one shipped id+version, current or earlier edition; undefined when the
 * app ships no such version.
 * @example await loadShipped('privacy-data-protection', '1.0.0') // the first edition, as shipped
 */
export function loadShipped(id: string, version: string): Promise<Questionnaire> | undefined {
  const entry = [...builtinIndex, ...builtinEditions].find(
    (e) => e.id === id && e.version === version
  );
  return entry ? loadEntry(entry) : undefined;
}

/** Built-in versions whose stored copy was checked (or is being checked) in this session. */
const checkedCopies = new Set<string>();
/** Every check of a stored copy started in this session, settled or not. */
let copyChecks: Promise<void> = Promise.resolve();

/**
 * Compares the stored copy of a shipped version with the shipped file and replaces it when it
 * differs. Hashing a whole questionnaire takes tens of milliseconds, so it runs when the page is
 * idle, never on the way to a screen: the screen uses the shipped file either way.
 */
function checkStoredCopy(key: string, builtin: Questionnaire, shipped: string): void {
  const idle = (): Promise<void> =>
    new Promise((resume) => {
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback(() => resume(), { timeout: 2000 });
      } else setTimeout(resume, 0);
    });
  const check = idle()
    .then(async () => {
      // Loaded here, not with the page: hashing is needed only for this idle check.
      const { pinnedCopy } = await import('$lib/domain/known-questionnaires');
      const stored = await getStoredQuestionnaire(builtin.id, builtin.version);
      if (pinnedCopy(stored, shipped) === 'shipped') await replaceChangedBuiltinCopy(builtin);
    })
    .catch(() => {
      // Tried again the next time the version is resolved.
      checkedCopies.delete(key);
    });
  copyChecks = Promise.all([copyChecks, check]).then(() => undefined);
}

/**
 * Settles when every stored-copy check started so far has finished: exports wait for it, so a
 * backup never carries a changed copy of a built-in version that was already found.
 * @example await builtinCopiesChecked(); const data = await readEverything();
 */
export function builtinCopiesChecked(): Promise<void> {
  return copyChecks;
}

/**
 * The exact version an assessment pins: a version this app ships always comes from the built-in
 * file, so a stored copy that differs can never stand in for a built-in questionnaire (such a
 * copy is replaced by the shipped one, once per session, when the page is idle:
 * docs/file-formats.md); any other
 * version from the database, so old assessments keep their scores after the built-in files
 * change.
 */
export async function loadPinned(id: string, version: string): Promise<Questionnaire> {
  const key = `${id}@${version}`;
  const shipped = shippedDigests.get(key);
  if (shipped !== undefined) {
    const builtin = await (loadShipped(id, version) ??
      Promise.reject(new MissingQuestionnaireError(`No built-in file for ${key}.`)));
    if (!checkedCopies.has(key)) {
      checkedCopies.add(key);
      checkStoredCopy(key, builtin, shipped);
    }
    return builtin;
  }
  const stored = await getStoredQuestionnaire(id, version);
  if (stored) return stored;
  throw new MissingQuestionnaireError(
    `Questionnaire "${id}" version ${version} is not in this browser. Import the bundle that uses it.`
  );
}

export function loadAllPinned(
  pins: readonly { id: string; version: string }[]
): Promise<Questionnaire[]> {
  return Promise.all(pins.map((p) => loadPinned(p.id, p.version)));
}

export interface AvailableQuestionnaire {
  id: string;
  version: string;
  title: string;
  questionCount: number;
  coreCount: number;
  /** The scale's levels (value and label), lowest first as the file gives them. */
  scale: { value: number; label: string }[];
  source: 'builtin' | 'custom' | 'bundle';
}

/** Built-ins at their current version plus custom ones stored here (latest version of each). */
export async function availableQuestionnaires(): Promise<AvailableQuestionnaire[]> {
  const list: AvailableQuestionnaire[] = builtinIndex.map((e) => ({
    id: e.id,
    version: e.version,
    title: e.title,
    questionCount: e.questionCount,
    // Indexes built before the core set existed have no count: no core set.
    coreCount: e.coreCount ?? 0,
    scale: e.scale,
    source: 'builtin'
  }));
  const builtinIds = new Set(builtinIndex.map((e) => e.id));
  const stored = (await listStoredQuestionnaires()).filter(
    (s) => s.source !== 'builtin' && !builtinIds.has(s.id)
  );
  const latest = new Map<string, (typeof stored)[number]>();
  for (const s of stored) {
    const prior = latest.get(s.id);
    if (!prior || compareVersions(s.version, prior.version) > 0) latest.set(s.id, s);
  }
  for (const s of latest.values()) {
    list.push({
      id: s.id,
      version: s.version,
      title: s.content.title,
      questionCount: s.content.sections.reduce((n, sec) => n + sec.questions.length, 0),
      coreCount: s.content.sections.reduce(
        (n, sec) => n + sec.questions.filter((x) => x.core).length,
        0
      ),
      scale: s.content.scale.map((l) => ({ value: l.value, label: l.label })),
      source: s.source
    });
  }
  return list;
}
