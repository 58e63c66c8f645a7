/**
 * Group sessions (docs/architecture.md, "Group sessions"): a workshop kit opened on a group's
 * laptop, with the group's answers so far. Kept apart from the assessments — in `localStorage`,
 * keyed by assessment and group — so a facilitator's machine can hold the assessment and a
 * session of it side by side, and no backup, bundle or score ever sees a session. One session is
 * a kit (well under a megabyte) and one group's answers.
 */
import type { AnswerMap } from '$lib/domain/assessment/model';

const PREFIX = 'ncs-group-session/';

export interface StoredGroupSession {
  /** The kit's file text as opened (decrypted), read again with its checks on every visit. */
  kitText: string;
  /** The kit's file name, for messages. */
  file: string;
  answers: AnswerMap;
  startedAt: string;
  updatedAt: string;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The key of one session; ids contain no slash. */
export function sessionKey(assessmentId: string, groupId: string): string {
  return `${assessmentId}/${groupId}`;
}

/** One stored session, or null. */
export function getGroupSession(key: string): StoredGroupSession | null {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredGroupSession>;
    if (typeof value.kitText !== 'string' || typeof value.answers !== 'object' || !value.answers) {
      return null;
    }
    return {
      kitText: value.kitText,
      file: typeof value.file === 'string' ? value.file : '',
      answers: value.answers,
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
      updatedAt: typeof value.updatedAt === 'string' ? value.updatedAt : ''
    };
  } catch {
    return null;
  }
}

/** Stores a session; throws when the browser refuses (storage full or blocked). */
export function putGroupSession(key: string, session: StoredGroupSession): void {
  const store = storage();
  if (!store) throw new Error('This browser keeps no data for this site.');
  store.setItem(PREFIX + key, JSON.stringify(session));
}

/** Removes a session (after its response is saved, or when the group starts again). */
export function removeGroupSession(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/** The keys of every stored session. */
export function listGroupSessions(): string[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const name = store.key(i);
    if (name?.startsWith(PREFIX)) keys.push(name.slice(PREFIX.length));
  }
  return keys.sort();
}
