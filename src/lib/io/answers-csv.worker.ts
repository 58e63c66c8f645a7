/**
 * Reads an answers CSV off the main thread (docs/performance.md: a 100,000-row file must not freeze
 * the page). Our own module worker, never papaparse's `worker: true`, which hangs in production
 * builds.
 *
 * It receives the file's bytes as a transferred ArrayBuffer, posts progress while it decodes,
 * parses, validates and groups, and answers with one record per assessment — never one message
 * per row, which would cost more to send than to parse. Relative imports only, no DOM.
 */
import type { Questionnaire } from '../domain/questionnaire/schema';
import {
  readAnswersCsv,
  type AnswersCsvResult,
  type ReadAnswersOptions,
  type ReadProgress
} from './answers-csv';

export interface CsvWorkerRequest {
  /** The file's name, for messages. */
  file: string;
  bytes: ArrayBuffer;
  questionnaires: Questionnaire[];
  options: Omit<ReadAnswersOptions, 'onProgress'>;
}

export type CsvWorkerMessage =
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'result'; result: AnswersCsvResult }
  | { type: 'failed'; message: string };

/** The part of the worker's global scope used here (the project compiles against the DOM lib). */
interface WorkerScope {
  postMessage(message: CsvWorkerMessage): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<CsvWorkerRequest>) => void
  ): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { file, bytes, questionnaires, options } = event.data;
  try {
    const result = readAnswersCsv(file, new Uint8Array(bytes), questionnaires, {
      ...options,
      onProgress: (progress) => scope.postMessage({ type: 'progress', progress })
    });
    scope.postMessage({ type: 'result', result });
  } catch (error) {
    // readAnswersCsv reports problems instead of throwing; this is a defect, said plainly.
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: 'failed', message });
  }
});
