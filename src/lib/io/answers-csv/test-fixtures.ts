/**
 * Questionnaires and helpers shared by the answers CSV tests: a small questionnaire with every
 * kind of question, a newer version of it, and one with a scale of negative values and labels.
 */
import type { AnswerMap } from '../../domain/assessment/model';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { makeQuestionnaire } from '../../domain/testing/factories';
import { problemPlace } from '../../domain/problems';
import type { Problem } from '../csv';
import {
  ANSWERS_HEADER,
  readAnswersCsv,
  type AnswersCsvResult,
  type ParsedAssessment,
  type ReadAnswersOptions
} from '.';

const ALPHA_SECTIONS = [
  { id: 's1', questions: [{ id: 'm1' }, { id: 'b1', type: 'binary' as const }] },
  {
    id: 's2',
    weight: 2,
    questions: [
      { id: 'm2', naAllowed: true },
      { id: 'ctx', scored: false },
      { id: 'b2', type: 'binary' as const, naAllowed: true }
    ]
  }
];
export const ALPHA = makeQuestionnaire('alpha', ALPHA_SECTIONS);
/** A newer version with one more question: a row without a version gets this one. */
export const ALPHA_2 = makeQuestionnaire(
  'alpha',
  [{ id: 's0', questions: [{ id: 'm3' }] }, ...ALPHA_SECTIONS],
  { version: '2.0.0' }
);
/** A scale with negative values and other labels: numbers must stay numbers. */
export const BETA = makeQuestionnaire(
  'beta',
  [{ id: 's', questions: [{ id: 'x' }, { id: 'y' }] }],
  {
    scale: [
      { value: -1, label: 'Absent', description: 'Nothing.' },
      { value: 0, label: 'Basic', description: 'Some.' },
      { value: 1, label: 'Good', description: 'Working.' },
      { value: 2, label: 'Best in class', description: 'Leading.' }
    ],
    defaultTarget: 1
  }
);
/** Second edition: a core set (its last section has none), a cap and a choice question. */
export const GAMMA = makeQuestionnaire('omega', [
  {
    id: 'core-part',
    questions: [
      {
        id: 'takedown',
        core: true,
        cap: { atMost: 2, unless: [{ question: 'appeal', atLeast: 'yes' }] }
      },
      { id: 'appeal', type: 'binary', core: true },
      { id: 'treaty', type: 'choice', core: true }
    ]
  },
  { id: 'rest', questions: [{ id: 'forum' }, { id: 'research', type: 'binary' }] }
]);
export const AVAILABLE: Questionnaire[] = [ALPHA, ALPHA_2, BETA, GAMMA];

export const HEADER = ANSWERS_HEADER.join(',');
export const file = (...lines: string[]) => lines.join('\r\n') + '\r\n';
export const read = (input: string | Uint8Array, options?: ReadAnswersOptions) =>
  readAnswersCsv('answers.csv', input, AVAILABLE, options);

export function assessmentsOf(result: AnswersCsvResult): ParsedAssessment[] {
  if (!result.ok) throw new Error(result.problems.map(codeLine).join('\n'));
  return result.assessments;
}

/** A problem as a test failure shows it: where, code and params. */
export function codeLine(p: Problem): string {
  return `${problemPlace(p)}: ${p.code} ${JSON.stringify(p.params ?? {})}`;
}

export function answersOf(result: AnswersCsvResult): AnswerMap {
  return assessmentsOf(result)[0]!.answers;
}

export function problemsOf(result: AnswersCsvResult): Problem[] {
  if (result.ok) throw new Error('expected problems, the file was accepted');
  return result.problems;
}

/** A short file: only the columns an import needs, plus those named. */
export function short(columns: string, ...rows: string[]) {
  return file(`questionnaire_id,question_id,${columns}`, ...rows);
}
