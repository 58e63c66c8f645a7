/**
 * Kits and group responses arrive from other laptops, by mail and on memory sticks: cut, edited
 * by hand, made by another program. Whatever comes in, the readers answer with problems naming
 * the file — never a throw — and a response they accept fits the assessment it is checked against.
 * Two kinds of broken file: damaged text (the checksum or JSON fails), and content changed at a
 * random place and sealed again with a correct checksum, so the checks behind the envelope run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerSchema } from '../domain/assessment/model';
import { isBlockingOverlayProblem, overlayProblems } from '../domain/questionnaire/overlay';
import { makeOverlay } from '../domain/testing/overlays';
import { FUZZ_RUNS } from '../domain/testing/runs';
import { envelopeText, wrap, type EnvelopeFormat } from './envelope';
import {
  checkResponse,
  GROUP_RESPONSE_FORMAT,
  makeResponse,
  parseResponse
} from './group-response';
import { englishMessage } from './testing/problem-words';
import { makeKit, parseKit, WORKSHOP_KIT_FORMAT } from './workshop-kit';
import { mini, workshop } from './testing/workshop-fixture';

// A French kit carrying a translation, so the broken files also break the overlay.
const kit = makeKit({ ...workshop, language: 'fr' }, 'academia', [mini], {
  appVersion: '0.1.0',
  part: ['mini/law'],
  overlays: [makeOverlay(mini)]
});
const response = makeResponse(
  {
    assessment: workshop,
    group: { id: 'academia', name: 'Universities' },
    answers: {
      'mini/data-law': { state: 'level', level: 3, comment: 'Act of 2019' },
      'mini/breach-notice': { state: 'level', level: 'partial' },
      'mini/dpo': { state: 'na', naReason: 'No such office' }
    }
  },
  { appVersion: '0.1.0' }
);

/** Every path to a value inside `value`. */
function pathsOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  }
  return out;
}

function replaceAt(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, by) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: replaceAt(record[head!], rest, by) };
}

/** Broken files of one format: damaged text, or changed content sealed with a good checksum. */
function broken(format: EnvelopeFormat, content: unknown) {
  const text = envelopeText(wrap(format, content, '0.1.0'));
  const paths = pathsOf(content);
  return fc.oneof(
    fc.nat(text.length).map((n) => text.slice(0, n)),
    fc
      .tuple(fc.nat(text.length - 1), fc.string({ minLength: 1, maxLength: 3 }))
      .map(([i, s]) => text.slice(0, i) + s + text.slice(i + 1)),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc
      .tuple(
        fc.constantFrom(...paths),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.constantFrom(undefined, null, '', '__proto__', -1, 1e308, 'constructor', [], {})
        )
      )
      .map(([path, by]) => envelopeText(wrap(format, replaceAt(content, path, by), '0.1.0')))
  );
}

function expectProblems(problems: readonly { file: string; code: string }[], file: string) {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(englishMessage(p).length).toBeGreaterThan(0);
  }
}

describe('workshop files under broken input', () => {
  it(`the kit reader never throws and every refusal is a problem (${FUZZ_RUNS} files)`, () => {
    fc.assert(
      fc.property(broken(WORKSHOP_KIT_FORMAT, kit.content), (text) => {
        const read = parseKit('broken-kit.json', text);
        if (read.ok) {
          expect(read.kit.questionnaires.map((q) => q.id)).toEqual(
            read.kit.assessment.questionnaires.map((p) => p.id)
          );
          // An overlay it accepts translates one of its versions and fits it.
          for (const o of read.kit.overlays ?? []) {
            const base = read.kit.questionnaires.find(
              (q) => q.id === o.id && q.version === o.baseVersion
            );
            expect(base).toBeDefined();
            expect(overlayProblems(base!, o, '').filter(isBlockingOverlayProblem)).toEqual([]);
          }
        } else expectProblems(read.problems, 'broken-kit.json');
      }),
      { numRuns: FUZZ_RUNS }
    );
  }, 120_000);

  it(`the response reader never throws; what it accepts fits the assessment (${FUZZ_RUNS} files)`, () => {
    fc.assert(
      fc.property(broken(GROUP_RESPONSE_FORMAT, response.content), (text) => {
        const read = parseResponse('broken-response.json', text);
        if (!read.ok) {
          expectProblems(read.problems, 'broken-response.json');
          return;
        }
        const problems = checkResponse(read.response, workshop, [mini]);
        if (problems.length > 0) expectProblems(problems, 'broken-response.json');
        else {
          for (const answer of Object.values(read.response.answers)) {
            expect(answerSchema.safeParse(answer).success).toBe(true);
          }
        }
      }),
      { numRuns: FUZZ_RUNS }
    );
  }, 120_000);
});
