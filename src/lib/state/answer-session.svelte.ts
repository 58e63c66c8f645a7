/**
 * The answering session of one assessment: the answers as the screen shows them, and the queue
 * that writes each change to IndexedDB. Level clicks are written at once; typing is written
 * after a short pause; everything pending is written on `pagehide` and before navigation.
 */
import { getContext, setContext } from 'svelte';
import {
  answerKey,
  type Answer,
  type AnswerMap,
  type Assessment
} from '$lib/domain/assessment/model';
import { summarizerFor } from '$lib/domain/assessment/summary';
import type { Question, Questionnaire } from '$lib/domain/questionnaire/schema';
import { saveAnswers, type AnswerChange } from '$lib/storage/assessments';

// Other tabs' answers reach an open session through this subscription (see docs/architecture.md).
export { watchAnswers } from '$lib/storage/assessments';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';
type TextField = 'evidence' | 'comment' | 'regional' | 'naReason';

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

export class AnswerSession {
  readonly assessment: Assessment;
  readonly questionnaires: readonly Questionnaire[];
  #answers = $state.raw<AnswerMap>({});
  #status = $state<SaveStatus>('saved');
  #error = $state<string | null>(null);
  #savedAt = $state<Date | null>(null);
  #pending = new Map<string, Answer | null>();
  /** Keys being written right now: a stored copy older than the write must not replace them. */
  #inFlight = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #writing: Promise<void> = Promise.resolve();
  #summarize;

  constructor(
    assessment: Assessment,
    questionnaires: readonly Questionnaire[],
    answers: AnswerMap
  ) {
    this.assessment = assessment;
    this.questionnaires = questionnaires;
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

  /** Writes everything pending now. Safe to call at any time, e.g. on `pagehide`. */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#pending.size === 0) return this.#writing;
    const changes: AnswerChange[] = [...this.#pending].map(([key, answer]) => ({ key, answer }));
    this.#pending.clear();
    for (const c of changes) this.#inFlight.add(c.key);
    this.#status = 'saving';
    this.#writing = this.#writing.then(async () => {
      try {
        await saveAnswers(this.assessment.id, changes, this.#summarize);
        this.#error = null;
        this.#savedAt = new Date();
        if (this.#pending.size === 0) this.#status = 'saved';
      } catch (error) {
        // Put the failed changes back unless newer edits replaced them, so a retry writes them.
        for (const c of changes) if (!this.#pending.has(c.key)) this.#pending.set(c.key, c.answer);
        this.#error = error instanceof Error ? error.message : String(error);
        this.#status = 'error';
      } finally {
        for (const c of changes) this.#inFlight.delete(c.key);
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
   * Takes answers stored by another tab (or by this one) into the screen, except those this tab
   * has not finished writing: its own newer edits win until they are stored.
   */
  applyStored(stored: AnswerMap): void {
    const next: AnswerMap = {};
    const keys = new Set([...Object.keys(stored), ...Object.keys(this.#answers)]);
    let changed = false;
    for (const key of keys) {
      const local = this.#pending.has(key) || this.#inFlight.has(key);
      const value = local ? this.#answers[key] : stored[key];
      if (value) next[key] = value;
      if (JSON.stringify(value) !== JSON.stringify(this.#answers[key])) changed = true;
    }
    if (changed) this.#answers = next;
  }

  #change(
    questionnaireId: string,
    questionId: string,
    edit: (a: Answer) => Answer,
    now: boolean
  ): void {
    if (this.readonly) return;
    const key = answerKey(questionnaireId, questionId);
    // Any change made by the user also confirms an answer carried over from an earlier assessment.
    const next = tidy({
      ...edit(this.#answers[key] ?? {}),
      toConfirm: undefined,
      updatedAt: new Date().toISOString()
    });
    const answers = { ...this.#answers };
    if (next) answers[key] = next;
    else delete answers[key];
    this.#answers = answers;
    // A plain copy: storage must never receive reactive proxies.
    this.#pending.set(key, next ? $state.snapshot(next) : null);
    this.#status = 'pending';
    if (now) {
      void this.flush();
    } else {
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.flush(), TYPING_DELAY_MS);
    }
  }
}

/** Drops empty fields; null when nothing is left worth keeping. */
function tidy(answer: Answer): Answer | null {
  const out: Answer = {};
  for (const [k, v] of Object.entries(answer) as [keyof Answer, unknown][]) {
    if (v !== undefined && v !== '' && v !== false) (out as Record<string, unknown>)[k] = v;
  }
  const { updatedAt: _u, ...rest } = out;
  return Object.keys(rest).length === 0 ? null : out;
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
