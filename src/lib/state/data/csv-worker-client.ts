/**
 * Reads an answers CSV in a module worker (`io/answers-csv.worker.ts`), so a large file never
 * freezes the screen. The worker starts on the file's bytes at once; the questionnaires follow
 * when the page has them; after the check it can score the assessments the file creates while
 * the page shows the preview (docs/performance.md, "CSV import: where the time goes").
 */
import type { SummaryFigures } from '$lib/domain/assessment/summary';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import {
  readAnswersCsv,
  type AnswersCsvResult,
  type ParseAnswersOptions,
  type ReadAnswersOptions,
  type ReadProgress,
  type ScoringFields
} from '$lib/io/answers-csv';
import type { CsvWorkerMessage, CsvWorkerRequest } from '$lib/io/answers-csv.worker';

export type { ReadProgress, ScoringFields };

type CheckOptions = Omit<ReadAnswersOptions, 'onProgress' | 'delimiter' | 'encoding'>;

/** One file being read: `check` once, then `score` or `close`. */
export interface AnswersFileReader {
  /** Checks every row against `questionnaires` (the file is decoded and parsed meanwhile). */
  check(questionnaires: readonly Questionnaire[], options: CheckOptions): Promise<AnswersCsvResult>;
  /**
   * The summary figures of the assessments made of the checked file, computed in the worker,
   * in their order; null when there is no worker (the import then scores them itself). Ends
   * the reader.
   */
  score(assessments: readonly ScoringFields[]): Promise<SummaryFigures[] | null>;
  /** Ends the reader (and its worker); what it was doing is dropped. */
  close(): void;
}

/**
 * Starts reading `file` in the module worker, reporting progress; falls back to the main
 * thread only when the browser cannot start a module worker at all.
 */
export function openAnswersFile(
  file: File,
  options: Omit<ParseAnswersOptions, 'onProgress'>,
  onProgress: (progress: ReadProgress) => void
): AnswersFileReader {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../../io/answers-csv.worker.ts', import.meta.url), {
      type: 'module'
    });
  } catch {
    return onMainThread(file, options, onProgress);
  }
  return new WorkerReader(worker, file, options, onProgress);
}

class WorkerReader implements AnswersFileReader {
  #worker: Worker;
  #started = false;
  #ended = false;
  /** The one request waiting for its answer. */
  #waiting: {
    settle: (message: CsvWorkerMessage | 'no-worker') => void;
    fail: (error: Error) => void;
  } | null = null;
  /** What ended the worker before anyone asked: every later request gets it at once. */
  #broken: 'no-worker' | Error | null = null;
  /** Settles once the bytes are posted (or could not be read). */
  #posted: Promise<void>;

  constructor(
    worker: Worker,
    readonly file: File,
    readonly options: Omit<ParseAnswersOptions, 'onProgress'>,
    readonly onProgress: (progress: ReadProgress) => void
  ) {
    this.#worker = worker;
    worker.addEventListener('message', (event: MessageEvent<CsvWorkerMessage>) => {
      this.#started = true;
      const message = event.data;
      if (message.type === 'progress') this.onProgress(message.progress);
      else if (message.type === 'failed') {
        this.#end(new Error(`The CSV reader failed: ${message.message}`));
      } else this.#take()?.settle(message);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      // An error before the first message means the worker never ran (no module workers).
      this.#end(
        this.#started
          ? new Error(`The CSV reader stopped: ${event.message || 'unknown error'}`)
          : 'no-worker'
      );
    });
    this.#posted = file.arrayBuffer().then((bytes) => {
      const request: CsvWorkerRequest = { type: 'parse', file: file.name, bytes, options };
      worker.postMessage(request, [bytes]);
    });
    // A file that cannot be read is reported by `check`; a reader closed before it asks (the
    // questionnaires failed to load) must not leave the rejection unhandled.
    this.#posted.catch(() => undefined);
  }

  #take() {
    const waiting = this.#waiting;
    this.#waiting = null;
    return waiting;
  }

  /** The worker cannot go on: the waiting request, or the next one, hears why. */
  #end(why: 'no-worker' | Error) {
    this.#broken ??= why;
    const waiting = this.#take();
    if (!waiting) return;
    if (why === 'no-worker') waiting.settle(why);
    else waiting.fail(why);
  }

  #ask(request: CsvWorkerRequest): Promise<CsvWorkerMessage | 'no-worker'> {
    const broken = this.#broken;
    if (broken === 'no-worker') return Promise.resolve(broken);
    if (broken) return Promise.reject(broken);
    return new Promise((settle, fail) => {
      this.#waiting = { settle, fail };
      this.#worker.postMessage(request);
    });
  }

  async check(
    questionnaires: readonly Questionnaire[],
    options: CheckOptions
  ): Promise<AnswersCsvResult> {
    try {
      await this.#posted;
      // Plain copies: the worker receives them by structured clone.
      const answer = await this.#ask({
        type: 'check',
        questionnaires: [...questionnaires],
        options: { ...options }
      });
      if (answer !== 'no-worker' && answer.type === 'result') return answer.result;
      if (answer !== 'no-worker') throw new Error('The CSV reader answered out of turn.');
    } catch (error) {
      this.close();
      throw error;
    }
    // The bytes went to a worker that never ran: read the file again, here.
    this.close();
    return readAnswersCsv(
      this.file.name,
      new Uint8Array(await this.file.arrayBuffer()),
      questionnaires,
      {
        ...this.options,
        ...options,
        onProgress: this.onProgress
      }
    );
  }

  async score(assessments: readonly ScoringFields[]): Promise<SummaryFigures[] | null> {
    if (this.#ended) return null;
    try {
      const answer = await this.#ask({ type: 'score', assessments: [...assessments] });
      return answer !== 'no-worker' && answer.type === 'figures' ? answer.figures : null;
    } catch {
      // The import scores them itself: nothing is lost but the head start.
      return null;
    } finally {
      this.close();
    }
  }

  close(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#worker.terminate();
    this.#end(new Error('The CSV reader was closed.'));
  }
}

/** The same reader on the main thread, for a browser without module workers. */
function onMainThread(
  file: File,
  options: Omit<ParseAnswersOptions, 'onProgress'>,
  onProgress: (progress: ReadProgress) => void
): AnswersFileReader {
  return {
    check: async (questionnaires, checkOptions) =>
      readAnswersCsv(file.name, new Uint8Array(await file.arrayBuffer()), questionnaires, {
        ...options,
        ...checkOptions,
        onProgress
      }),
    score: async () => null,
    close: () => undefined
  };
}
