/**
 * The answering session of one assessment: the answers as the screen shows them, and the queue
 * that writes each change to IndexedDB. Level clicks are written at once; typing is written
 * after a short pause; everything pending is written on `pagehide` and before navigation.
 *
 * Each change is kept as a field-level edit, merged into the stored answer inside the write, so
 * two tabs changing different fields of one question both keep theirs; until it is written it
 * is also kept in `localStorage`, so a closed tab or a failed write loses nothing (see
 * docs/architecture.md, "Two tabs and unsaved changes").
 */
import { getContext, setContext } from 'svelte';
import {
  answerKey,
  type Answer,
  type AnswerMap,
  type Assessment
} from '$lib/domain/assessment/model';
import {
  combineEdits,
  diffAnswer,
  overlay,
  tidyAnswer,
  type AnswerEdit,
  type FieldConflict
} from '$lib/domain/assessment/merge';
import { summarizerFor } from '$lib/domain/assessment/summary';
import type { Question, Questionnaire } from '$lib/domain/questionnaire/schema';
import { NotFoundError, ReadOnlyError, saveAnswerEdits } from '$lib/storage/assessments';
import { beforeDatabaseCloses } from '$lib/storage/db';
import { holdTabLock, keepUnsaved, takeLeftBehind } from '$lib/storage/unsaved';
import { uuid } from '$lib/storage/uuid';
import { m } from '$lib/paraglide/messages.js';

// Other tabs' answers reach an open session through this subscription (see docs/architecture.md).
export { watchAnswers } from '$lib/storage/assessments';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';
type TextField = 'evidence' | 'comment' | 'regional' | 'naReason';

/** A field this tab saved over a value another tab had stored just before. */
export interface SessionConflict extends FieldConflict {
  id: number;
  questionnaireId: string;
  questionId: string;
}

const TYPING_DELAY_MS = 400;

/** The latest session opened in this tab for each assessment, to flush before a read. */
const latest = new Map<string, AnswerSession>();
/** Every write this tab started for each assessment, chained: settles when all have settled. */
const writes = new Map<string, Promise<void>>();

/**
 * Writes what the open answer session of an assessment still holds (typing not yet written
 * included) and waits until every write this tab started for it has finished, stored or failed.
 * A screen that reads the answers, like the results, calls it first, so it never depends on the
 * order in which IndexedDB runs reads and writes (see docs/architecture.md, "The walk of one
 * answer").
 * @example await flushAnswers(assessment.id); const answers = await getAnswers(assessment.id);
 */
export async function flushAnswers(assessmentId: string): Promise<void> {
  await latest.get(assessmentId)?.flush();
  await writes.get(assessmentId);
}

/** A failed save in words the user can act on; never the browser's or the library's message. */
export function saveProblem(error: unknown): string {
  if (error instanceof ReadOnlyError) return m.answering_save_problem_final({ title: error.title });
  if (error instanceof NotFoundError) return m.answering_save_problem_gone();
  const names = [error, (error as { inner?: unknown } | null)?.inner].map(
    (e) => (e as { name?: string } | null)?.name ?? ''
  );
  if (names.includes('QuotaExceededError')) return m.answering_save_problem_full();
  if (names.includes('DatabaseClosedError') || names.includes('InvalidStateError')) {
    return m.answering_save_problem_reloaded();
  }
  return m.answering_save_problem_failed();
}

/** Two answers with the same fields and values (each field holds a string, number or flag). */
function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof Answer)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}

export class AnswerSession {
  readonly assessment: Assessment;
  readonly questionnaires: readonly Questionnaire[];
  /** Names this tab's copy of unsaved edits (storage/unsaved.ts). */
  readonly tabId = uuid();
  #answers = $state.raw<AnswerMap>({});
  #status = $state<SaveStatus>('saved');
  #error = $state<string | null>(null);
  #savedAt = $state<Date | null>(null);
  #conflicts = $state.raw<SessionConflict[]>([]);
  #restored = $state(false);
  #naWaiting = $state.raw<readonly string[]>([]);
  #kept = true;
  /** The answers as last read from or written to the database. */
  #stored: AnswerMap;
  #pending = new Map<string, AnswerEdit>();
  /** Edits being written right now, per answer, oldest first. */
  #inFlight = new Map<string, AnswerEdit[]>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #writing: Promise<void> = Promise.resolve();
  #releaseLock: () => void = () => {};
  #nextConflict = 1;
  #summarize;

  constructor(
    assessment: Assessment,
    questionnaires: readonly Questionnaire[],
    answers: AnswerMap
  ) {
    this.assessment = assessment;
    this.questionnaires = questionnaires;
    this.#stored = answers;
    this.#answers = answers;
    this.#summarize = summarizerFor(questionnaires);
    latest.set(assessment.id, this);
  }

  get answers(): AnswerMap {
    return this.#answers;
  }
  get status(): SaveStatus {
    return this.#status;
  }
  get error(): string | null {
    return this.#error;
  }
  get savedAt(): Date | null {
    return this.#savedAt;
  }
  get readonly(): boolean {
    return this.assessment.status === 'final';
  }
  /** Something typed or picked here is not in the database yet (waiting, writing or failed). */
  get unsaved(): boolean {
    return this.#status !== 'saved';
  }
  /** Every unsaved edit has a copy in localStorage (false when the browser refused one). */
  get keptSafely(): boolean {
    return this.#kept;
  }
  /** Fields this tab saved over another tab's value, to show and offer back. */
  get conflicts(): readonly SessionConflict[] {
    return this.#conflicts;
  }
  /** Edits left unsaved by an earlier visit were taken back into this one. */
  get restored(): boolean {
    return this.#restored;
  }

  /**
   * Holds this tab's lock and writes the edits that closed tabs left unsaved for this
   * assessment. Returns the function that ends the session (after its last write).
   */
  start(): () => void {
    this.#releaseLock = holdTabLock(this.tabId);
    if (!this.readonly) {
      void takeLeftBehind(this.assessment.id, this.tabId).then((edits) => {
        if (edits.length === 0) return;
        for (const edit of edits) this.#queue(edit);
        this.#keep();
        this.#restored = true;
        this.#show();
        void this.flush();
      });
    }
    // Another tab upgrading the database waits for this tab's pending answers to be written.
    const unregister = beforeDatabaseCloses(() => this.flush());
    // A copy still waiting to be made is made at once when the tab goes away.
    const keepNow = () => this.#keepNow();
    if (typeof window !== 'undefined') window.addEventListener('pagehide', keepNow);
    return () => {
      unregister();
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', keepNow);
      this.#keepNow();
      // Released at once: a tab that opens this assessment next may write what is still
      // unsaved here; writing the same values twice changes nothing.
      this.#releaseLock();
      void this.flush();
    };
  }

  /**
   * Marks N/A as chosen on screen but not saved, because its reason is still missing; the save
   * status says so until the reason is typed or another answer is picked.
   */
  waitForNaReason(questionnaireId: string, questionId: string, waiting: boolean): void {
    const key = answerKey(questionnaireId, questionId);
    if (waiting === this.#naWaiting.includes(key)) return;
    this.#naWaiting = waiting
      ? [...this.#naWaiting, key]
      : this.#naWaiting.filter((k) => k !== key);
  }

  /** Questions where N/A waits for its reason: shown as chosen, not saved. */
  get naWaiting(): readonly string[] {
    return this.#naWaiting;
  }

  get(questionnaireId: string, questionId: string): Answer | undefined {
    return this.#answers[answerKey(questionnaireId, questionId)];
  }

  /** Picks a level (maturity value or yes/partial/no). Written at once. */
  setLevel(
    questionnaireId: string,
    question: Question,
    level: number | 'yes' | 'partial' | 'no'
  ): void {
    this.#change(
      questionnaireId,
      question.id,
      (a) => ({ ...a, state: 'level', level, naReason: undefined }),
      true
    );
  }

  /** Don't know, cannot disclose, or N/A with its reason. */
  setState(
    questionnaireId: string,
    questionId: string,
    state: 'na' | 'unknown' | 'restricted',
    naReason?: string
  ): void {
    this.#change(
      questionnaireId,
      questionId,
      (a) => ({ ...a, state, level: undefined, naReason: state === 'na' ? naReason : undefined }),
      true
    );
  }

  setText(questionnaireId: string, questionId: string, field: TextField, value: string): void {
    this.#change(
      questionnaireId,
      questionId,
      (a) => ({ ...a, [field]: value || undefined }),
      false
    );
  }

  setTarget(questionnaireId: string, questionId: string, target: number | undefined): void {
    this.#change(questionnaireId, questionId, (a) => ({ ...a, target }), true);
  }

  setFlag(questionnaireId: string, questionId: string, flagged: boolean): void {
    this.#change(
      questionnaireId,
      questionId,
      (a) => ({ ...a, flagged: flagged || undefined }),
      true
    );
  }

  /** Accepts an answer carried over from an earlier assessment as it is. */
  confirm(questionnaireId: string, questionId: string): void {
    this.#change(questionnaireId, questionId, (a) => a, true);
  }

  /** How many carried-over answers still wait for confirmation. */
  get toConfirm(): number {
    return Object.values(this.#answers).filter((a) => a.toConfirm).length;
  }

  /** Back to unanswered; evidence and comment are kept. */
  clear(questionnaireId: string, questionId: string): void {
    this.#change(
      questionnaireId,
      questionId,
      (a) => ({ ...a, state: undefined, level: undefined, naReason: undefined }),
      true
    );
  }

  /** Puts back what the other tab had stored, replacing this tab's value of those fields. */
  useTheirs(conflict: SessionConflict): void {
    this.dismissConflict(conflict);
    this.#change(
      conflict.questionnaireId,
      conflict.questionId,
      (a) => {
        const next: Record<string, unknown> = { ...a };
        for (const [field, v] of Object.entries(conflict.theirs)) next[field] = v ?? undefined;
        return next as Answer;
      },
      true
    );
  }

  dismissConflict(conflict: SessionConflict): void {
    this.#conflicts = this.#conflicts.filter((c) => c.id !== conflict.id);
  }

  /** Writes everything pending now. Safe to call at any time, e.g. on `pagehide`. */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#pending.size === 0) return this.#writing;
    const edits = [...this.#pending.values()];
    this.#pending.clear();
    for (const e of edits) this.#inFlight.set(e.key, [...(this.#inFlight.get(e.key) ?? []), e]);
    this.#status = 'saving';
    this.#writing = this.#writing.then(async () => {
      try {
        const { answers, conflicts } = await saveAnswerEdits(
          this.assessment.id,
          edits,
          this.#summarize
        );
        this.#landed(edits);
        const stored = { ...this.#stored };
        for (const e of edits) {
          const answer = answers[e.key];
          if (answer) stored[e.key] = answer;
          else delete stored[e.key];
        }
        this.#stored = stored;
        this.#addConflicts(conflicts);
        this.#error = null;
        this.#savedAt = new Date();
        if (this.#pending.size === 0 && this.#inFlight.size === 0) this.#status = 'saved';
        this.#show();
        // What landed leaves the localStorage copy just after the screen says saved: until then
        // the copy holds more than it needs, never less (docs/performance.md).
        this.#keepSoon();
      } catch (error) {
        this.#landed(edits);
        // Back into the queue, under any newer edits of the same answers, so a retry writes them.
        for (const e of edits) {
          const newer = this.#pending.get(e.key);
          this.#pending.set(e.key, newer ? combineEdits(e, newer) : e);
        }
        this.#error = saveProblem(error);
        this.#status = 'error';
        this.#keep();
        this.#show();
      }
    });
    const id = this.assessment.id;
    writes.set(
      id,
      Promise.all([writes.get(id), this.#writing]).then(() => undefined)
    );
    return this.#writing;
  }

  /**
   * Takes answers stored by another tab (or by this one) into the screen, with this tab's
   * unwritten edits put over them field by field.
   */
  applyStored(stored: AnswerMap): void {
    this.#stored = stored;
    this.#show();
  }

  #landed(edits: readonly AnswerEdit[]): void {
    for (const e of edits) {
      const rest = (this.#inFlight.get(e.key) ?? []).filter((x) => x !== e);
      if (rest.length) this.#inFlight.set(e.key, rest);
      else this.#inFlight.delete(e.key);
    }
  }

  #addConflicts(conflicts: readonly FieldConflict[]): void {
    if (conflicts.length === 0) return;
    const kept = this.#conflicts.filter(
      (c) => !conflicts.some((n) => n.key === c.key && n.group === c.group)
    );
    const added = conflicts.map((c) => {
      const [questionnaireId = '', questionId = ''] = c.key.split('/');
      return { ...c, id: this.#nextConflict++, questionnaireId, questionId };
    });
    this.#conflicts = [...kept, ...added];
  }

  /** What the screen shows for one answer: stored, then edits in flight, then pending. */
  #shown(key: string): Answer | undefined {
    let answer: Answer | undefined = this.#stored[key];
    for (const e of this.#inFlight.get(key) ?? []) answer = overlay(answer, e) ?? undefined;
    const pending = this.#pending.get(key);
    if (pending) answer = overlay(answer, pending) ?? undefined;
    return answer;
  }

  #show(): void {
    const next: AnswerMap = {};
    const keys = new Set([
      ...Object.keys(this.#stored),
      ...this.#inFlight.keys(),
      ...this.#pending.keys()
    ]);
    let changed = false;
    for (const key of keys) {
      const value = this.#shown(key);
      if (value) next[key] = value;
      if (!changed && !sameAnswer(value, this.#answers[key])) changed = true;
    }
    if (Object.keys(this.#answers).some((k) => !keys.has(k))) changed = true;
    if (changed) this.#answers = next;
  }

  #keepTimer: ReturnType<typeof setTimeout> | null = null;

  /** Makes the copy now if one is waiting to be made. */
  #keepNow(): void {
    if (!this.#keepTimer) return;
    clearTimeout(this.#keepTimer);
    this.#keepTimer = null;
    this.#keep();
  }

  /** `#keep` after the current task, once however often it is asked for meanwhile. */
  #keepSoon(): void {
    if (this.#keepTimer) return;
    this.#keepTimer = setTimeout(() => {
      this.#keepTimer = null;
      this.#keep();
    }, 0);
  }

  /** Keeps every edit not yet in the database in localStorage, in the order it was made. */
  #keep(): void {
    const edits = [...[...this.#inFlight.values()].flat(), ...this.#pending.values()];
    this.#kept = keepUnsaved(this.assessment.id, this.tabId, edits);
  }

  #queue(edit: AnswerEdit): void {
    const earlier = this.#pending.get(edit.key);
    this.#pending.set(edit.key, earlier ? combineEdits(earlier, edit) : edit);
  }

  #change(
    questionnaireId: string,
    questionId: string,
    edit: (a: Answer) => Answer,
    now: boolean
  ): void {
    if (this.readonly) return;
    const key = answerKey(questionnaireId, questionId);
    const before = this.#answers[key];
    // Any change made by the user also confirms an answer carried over from an earlier assessment.
    // A plain copy: storage must never receive reactive proxies.
    const after = tidyAnswer(
      $state.snapshot({ ...edit(before ?? {}), toConfirm: undefined }) as Answer
    );
    const change = diffAnswer(key, before, after, new Date().toISOString());
    if (!change) return;
    this.#queue(change);
    this.#show();
    this.#status = 'pending';
    if (now) {
      void this.flush();
      // Copied just after the write has gone out, not before: the copy then costs the click
      // nothing, and a tab closed in between writes it on `pagehide` (docs/performance.md).
      this.#keepSoon();
    } else {
      this.#keep();
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.flush(), TYPING_DELAY_MS);
    }
  }
}

const KEY = Symbol('answer-session');

/** The layout owns the session; pages read `current`, which follows the opened assessment. */
export interface AnswerSessionHolder {
  readonly current: AnswerSession;
}

export function setAnswerSessionContext(holder: AnswerSessionHolder): AnswerSessionHolder {
  return setContext(KEY, holder);
}

export function getAnswerSessionContext(): AnswerSessionHolder {
  return getContext<AnswerSessionHolder>(KEY);
}
