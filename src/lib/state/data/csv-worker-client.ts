/**
 * Reads an answers CSV in a module worker (`io/answers-csv.worker.ts`), so a large file never
 * freezes the screen.
 */
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import {
  readAnswersCsv,
  type AnswersCsvResult,
  type ReadAnswersOptions,
  type ReadProgress
} from '$lib/io/answers-csv';
import type { CsvWorkerMessage, CsvWorkerRequest } from '$lib/io/answers-csv.worker';

export type { ReadProgress };

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
    worker = new Worker(new URL('../../io/answers-csv.worker.ts', import.meta.url), {
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
