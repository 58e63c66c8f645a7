import { afterEach, describe, expect, it } from 'vitest';
import {
  checkAnswerRows,
  parseAnswersFile,
  readAnswersCsv,
  scoreRead,
  type AnswersCsvResult,
  type ParsedAnswersFile
} from '$lib/io/answers-csv';
import type { CsvWorkerMessage, CsvWorkerRequest } from '$lib/io/answers-csv.worker';
import { AVAILABLE, file } from '$lib/io/answers-csv/test-fixtures';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { openAnswersFile } from './csv-worker-client';

type Behaviour = 'reads' | 'never-starts' | 'fails';

/**
 * A stand-in for the module worker: answers the three requests with the same functions the
 * real worker runs, or never starts, or fails as a defect would. Messages arrive in later tasks,
 * as a worker's do.
 */
function fakeWorker(behaviour: Behaviour, posted: string[]) {
  return class {
    #listeners = new Map<string, ((event: unknown) => void)[]>();
    #parsed: ParsedAnswersFile | AnswersCsvResult | null = null;
    #read: { result: AnswersCsvResult; questionnaires: Questionnaire[] } | null = null;
    terminated = false;
    constructor() {
      if (behaviour === 'never-starts') {
        setTimeout(() => this.#emit('error', { message: '', preventDefault: () => {} }));
      }
    }
    addEventListener(type: string, listener: (event: unknown) => void) {
      this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
    }
    #emit(type: string, event: unknown) {
      for (const listener of this.#listeners.get(type) ?? []) listener(event);
    }
    #answer(message: CsvWorkerMessage) {
      setTimeout(() => this.#emit('message', { data: message }));
    }
    postMessage(request: CsvWorkerRequest) {
      posted.push(request.type);
      if (behaviour === 'never-starts') return;
      if (behaviour === 'fails') {
        this.#answer({ type: 'failed', message: 'a defect' });
        return;
      }
      if (request.type === 'parse') {
        this.#answer({ type: 'progress', progress: { stage: 'parsing', done: 0, total: 1 } });
        this.#parsed = parseAnswersFile(
          request.file,
          new Uint8Array(request.bytes),
          request.options
        );
      } else if (request.type === 'check') {
        const parsed = this.#parsed!;
        const result =
          'header' in parsed
            ? checkAnswerRows(parsed, request.questionnaires, request.options)
            : parsed;
        this.#read = { result, questionnaires: request.questionnaires };
        this.#answer({ type: 'result', result });
      } else {
        const { result, questionnaires } = this.#read!;
        this.#answer({
          type: 'figures',
          figures: scoreRead(request.assessments, result, questionnaires)
        });
      }
    }
    terminate() {
      this.terminated = true;
    }
  };
}

const csv = file(
  'country,assessment_id,assessment_title,assessment_date,questionnaire_id,question_id,level',
  'KE,ke,Kenya,2026-11-01,alpha,m1,3',
  'KE,ke,Kenya,2026-11-01,alpha,b1,yes'
);
const chosen = () => new File([csv], 'answers.csv', { type: 'text/csv' });
const expected = readAnswersCsv('answers.csv', new TextEncoder().encode(csv), AVAILABLE, {
  createAssessments: true
});

const NativeWorker = (globalThis as { Worker?: unknown }).Worker;
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = NativeWorker;
});

describe('the CSV reader client', () => {
  it('sends the bytes first, checks, then scores what the page made of the file', async () => {
    const posted: string[] = [];
    (globalThis as { Worker?: unknown }).Worker = fakeWorker('reads', posted);
    const progress: string[] = [];
    const reader = openAnswersFile(chosen(), { createAssessments: true }, (p) =>
      progress.push(p.stage)
    );
    const result = await reader.check(AVAILABLE, { createAssessments: true });
    expect(result).toEqual(expected);
    expect(progress).toContain('parsing');
    const pins = [{ id: 'alpha', version: '1.0.0' }];
    const figures = await reader.score([{ id: 'ke', questionnaires: pins, target: 3 }]);
    expect(figures).toEqual(
      scoreRead([{ id: 'ke', questionnaires: pins, target: 3 }], expected, AVAILABLE)
    );
    expect(posted).toEqual(['parse', 'check', 'score']);
    // Ended after scoring: asking again gives nothing, without a worker.
    expect(await reader.score([])).toBeNull();
  });

  it('reads on the page when the worker never starts, and then has no figures to give', async () => {
    const posted: string[] = [];
    (globalThis as { Worker?: unknown }).Worker = fakeWorker('never-starts', posted);
    const reader = openAnswersFile(chosen(), { createAssessments: true }, () => undefined);
    // The questionnaires arrive after the worker has already failed to start.
    await new Promise((r) => setTimeout(r, 10));
    expect(await reader.check(AVAILABLE, { createAssessments: true })).toEqual(expected);
    expect(await reader.score([{ id: 'ke', questionnaires: [], target: 3 }])).toBeNull();
  });

  it('says the reader failed when the worker reports a defect, and stops the worker', async () => {
    const posted: string[] = [];
    const Fake = fakeWorker('fails', posted);
    const made: InstanceType<typeof Fake>[] = [];
    (globalThis as { Worker?: unknown }).Worker = function () {
      const worker = new Fake();
      made.push(worker);
      return worker;
    };
    const reader = openAnswersFile(chosen(), {}, () => undefined);
    await expect(reader.check(AVAILABLE, {})).rejects.toThrow('The CSV reader failed: a defect');
    expect(made.map((w) => w.terminated)).toEqual([true]);
  });

  it('reads on the page when the browser has no module workers at all', async () => {
    (globalThis as { Worker?: unknown }).Worker = undefined;
    const reader = openAnswersFile(chosen(), { createAssessments: true }, () => undefined);
    expect(await reader.check(AVAILABLE, { createAssessments: true })).toEqual(expected);
    expect(await reader.score([])).toBeNull();
  });
});
