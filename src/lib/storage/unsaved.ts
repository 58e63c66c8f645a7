/**
 * A copy of the answer edits not yet written to IndexedDB, kept in `localStorage`, which writes
 * synchronously: if the tab is closed, crashes or cannot write to IndexedDB, the next visit to the
 * assessment writes them (see docs/architecture.md, "Two tabs and unsaved changes").
 *
 * Each answer screen keeps its own entry, named by the assessment and a random id for the tab,
 * and holds a Web Lock of that name while it lives; another tab takes over only entries whose
 * lock is free, so it never replays the edits of a tab that is still open.
 */
import type { AnswerEdit } from '$lib/domain/assessment/merge';

const PREFIX = 'ncs-unsaved/';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw on access when site data is blocked.
    return null;
  }
}

function entryName(assessmentId: string, tabId: string): string {
  return `${PREFIX}${assessmentId}/${tabId}`;
}

/** Keeps this tab's unsaved edits; false when the browser refused (full or blocked). */
export function keepUnsaved(assessmentId: string, tabId: string, edits: AnswerEdit[]): boolean {
  const store = storage();
  if (!store) return false;
  const name = entryName(assessmentId, tabId);
  try {
    if (edits.length === 0) store.removeItem(name);
    else store.setItem(name, JSON.stringify(edits));
    return true;
  } catch {
    return false;
  }
}

function isEdit(value: unknown): value is AnswerEdit {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.key === 'string' &&
    typeof e.at === 'string' &&
    typeof e.set === 'object' &&
    e.set !== null &&
    typeof e.base === 'object' &&
    e.base !== null
  );
}

const LOCK_PREFIX = 'ncs-answer-tab/';

/** Holds this tab's lock until `release` is called or the tab goes away. */
export function holdTabLock(tabId: string): () => void {
  let release = () => {};
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return release;
  const held = new Promise<void>((resolve) => (release = resolve));
  void locks.request(LOCK_PREFIX + tabId, () => held).catch(() => {});
  return release;
}

async function openTabs(): Promise<Set<string> | null> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks?.query) return null;
  try {
    const state = await locks.query();
    const names = [...(state.held ?? []), ...(state.pending ?? [])].map((l) => l.name ?? '');
    return new Set(
      names.filter((n) => n.startsWith(LOCK_PREFIX)).map((n) => n.slice(LOCK_PREFIX.length))
    );
  } catch {
    return null;
  }
}

/**
 * Takes the unsaved edits that tabs now closed left for this assessment, oldest first, and
 * removes their entries (the caller writes them). Without Web Locks (plain http) every other
 * entry counts as left behind; replaying one of an open tab only repeats its own values.
 */
export async function takeLeftBehind(
  assessmentId: string,
  ownTabId: string
): Promise<AnswerEdit[]> {
  const store = storage();
  if (!store) return [];
  const open = await openTabs();
  const prefix = `${PREFIX}${assessmentId}/`;
  const edits: AnswerEdit[] = [];
  for (let i = store.length - 1; i >= 0; i--) {
    const name = store.key(i);
    if (!name?.startsWith(prefix)) continue;
    const tab = name.slice(prefix.length);
    if (tab === ownTabId || open?.has(tab)) continue;
    try {
      const parsed: unknown = JSON.parse(store.getItem(name) ?? '[]');
      if (Array.isArray(parsed)) edits.push(...parsed.filter(isEdit));
    } catch {
      // A damaged entry cannot be replayed; drop it.
    }
    store.removeItem(name);
  }
  return edits.sort((a, b) => a.at.localeCompare(b.at));
}

/** Forgets every kept copy, e.g. when the user removes all data from this browser. */
export function forgetAllUnsaved(): void {
  const store = storage();
  if (!store) return;
  for (let i = store.length - 1; i >= 0; i--) {
    const name = store.key(i);
    if (name?.startsWith(PREFIX)) store.removeItem(name);
  }
}
