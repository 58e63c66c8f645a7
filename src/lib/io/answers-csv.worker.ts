/**
 * Reads an answers CSV off the main thread (docs/performance.md: a 100,000-row file must not freeze
 * the page). Our own module worker, never papaparse's `worker: true`, which hangs in production
 * builds.
 *
 * Three requests, in this order (docs/performance.md, "CSV import: where the time goes"):
 * - `parse`: the file's bytes, transferred. The worker decodes and parses them at once, while
 *   the page is still loading the questionnaires the rows are checked against.
 * - `check`: the questionnaires. The worker checks every row and answers with one record per
 *   assessment — never one message per row, which would cost more to send than to parse.
 * - `score` (only when the file creates assessments): what scoring reads of each assessment
 *   the page made of them. The worker scores the answers it still holds while the page shows
 *   the preview, so the import has its summaries ready.
 *
 * Progress is posted while it decodes, parses and checks. Relative imports only, no DOM.
 */
import type { SummaryFigures } from '../domain/assessment/summary';
import type { Questionnaire } from '../domain/questionnaire/schema';
import {
  checkAnswerRows,
  parseAnswersFile,
  type AnswersCsvResult,
  type ParseAnswersOptions,
  type ParsedAnswersFile,
  type ReadAnswersOptions,
  type ReadProgress,
  type ScoringFields
} from './answers-csv';
import { scoreRead } from './answers-csv/score';

export type CsvWorkerRequest =
  | {
      type: 'parse';
      /** The file's name, for messages. */
      file: string;
      bytes: ArrayBuffer;
      options: Omit<ParseAnswersOptions, 'onProgress'>;
    }
  | {
      type: 'check';
      questionnaires: Questionnaire[];
      options: Omit<ReadAnswersOptions, 'onProgress' | 'delimiter' | 'encoding'>;
    }
  | { type: 'score'; assessments: ScoringFields[] };

export type CsvWorkerMessage =
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'result'; result: AnswersCsvResult }
  | { type: 'figures'; figures: SummaryFigures[] }
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
const onProgress = (progress: ReadProgress) => scope.postMessage({ type: 'progress', progress });

/** What the worker holds between requests. */
let parsed: ParsedAnswersFile | AnswersCsvResult | null = null;
let read: { result: AnswersCsvResult; questionnaires: Questionnaire[] } | null = null;

function answer(request: CsvWorkerRequest): CsvWorkerMessage | null {
  if (request.type === 'parse') {
    const { file, bytes, options } = request;
    parsed = parseAnswersFile(file, new Uint8Array(bytes), { ...options, onProgress });
    return null;
  }
  if (request.type === 'check') {
    if (parsed === null) throw new Error('asked to check before the file was parsed');
    const result =
      'header' in parsed
        ? checkAnswerRows(parsed, request.questionnaires, { ...request.options, onProgress })
        : parsed;
    parsed = null;
    read = { result, questionnaires: request.questionnaires };
    return { type: 'result', result };
  }
  if (read === null) throw new Error('asked to score before the file was checked');
  return {
    type: 'figures',
    figures: scoreRead(request.assessments, read.result, read.questionnaires)
  };
}

scope.addEventListener('message', (event) => {
  try {
    const message = answer(event.data);
    if (message) scope.postMessage(message);
  } catch (error) {
    // The reader reports problems instead of throwing; this is a defect, said plainly.
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: 'failed', message });
  }
});
