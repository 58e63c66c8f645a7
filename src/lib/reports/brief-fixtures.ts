/**
 * Test data for the executive brief and the Word files: answers that fill the built-in
 * questionnaires (the tests read them from their YAML), an assessment of all five, an action
 * plan. Used by unit tests only.
 */
import { newAction, type Action } from '$lib/domain/actions/model';
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { makeAssessment } from '$lib/domain/testing/factories';
import { scoreAssessment } from '$lib/domain/scoring/score';
import type { BriefInput } from './brief';

/**
 * Answers to every question (`share` 1) or to the first share of each questionnaire's
 * questions; levels cycle through the scale so there are gaps of every size.
 */
export function answersFor(questionnaires: readonly Questionnaire[], share = 1): AnswerMap {
  const answers: AnswerMap = {};
  for (const q of questionnaires) {
    const questions = q.sections.flatMap((s) => s.questions);
    const take = Math.ceil(questions.length * share);
    questions.slice(0, take).forEach((question, i) => {
      const key = `${q.id}/${question.id}`;
      if (question.type === 'binary') {
        answers[key] = { state: 'level', level: (['no', 'partial', 'yes'] as const)[i % 3]! };
      } else if (question.type === 'maturity') {
        const values = q.scale.map((l) => l.value);
        answers[key] = { state: 'level', level: values[(i * 2 + 1) % values.length]! };
      } else {
        answers[key] = { state: 'unknown' };
      }
    });
  }
  return answers;
}

/** An assessment of all five built-in questionnaires with the given overrides. */
export function fiveQuestionnaireAssessment(
  questionnaires: readonly Questionnaire[],
  overrides: Partial<Assessment> = {}
): Assessment {
  return makeAssessment({
    country: 'FJ',
    title: 'Fiji national self-assessment 2026',
    date: '2026-11-20',
    questionnaires: questionnaires.map((q) => ({ id: q.id, version: q.version })),
    ...overrides,
    narrative: {
      executiveSummary:
        'Fiji has a data protection bill before Parliament and a national CERT in its first year. Cross-border requests still go through diplomatic channels and take months.',
      context: '',
      keyFindings: '',
      decisionsSought:
        'Approve the budget line for the CERT’s second year. Name the lead agency for cross-border requests.',
      nextReviewDate: '2027-11-20',
      ...overrides.narrative
    }
  });
}

/** A brief input over the given questionnaires and answers: no previous, no plan, no groups. */
export function briefInput(
  questionnaires: Questionnaire[],
  answers: AnswerMap,
  assessment: Assessment,
  overrides: Partial<BriefInput> = {}
): BriefInput {
  return {
    assessment,
    questionnaires,
    result: scoreAssessment({ questionnaires, answers, target: assessment.target }),
    previous: null,
    actions: null,
    disagreements: null,
    classification: assessment.classification,
    paper: 'a4',
    madeOn: '2026-12-06',
    ...overrides
  };
}

/** `count` actions of an assessment, with the given title maker; priorities and dates vary. */
export function planOf(
  assessmentId: string,
  count: number,
  title: (i: number) => string
): Action[] {
  return Array.from({ length: count }, (_, i) =>
    newAction(
      {
        id: `act-${i}`,
        assessmentId,
        title: title(i),
        priority: (['low', 'high', 'medium'] as const)[i % 3]!,
        status: i % 7 === 6 ? 'done' : i % 4 === 3 ? 'in-progress' : 'planned',
        ...(i % 7 === 6 ? { doneOn: '2026-10-01' } : {}),
        due: `2027-0${(i % 9) + 1}-15`,
        owner: `Ministry of ICT, unit ${i}`,
        cost: `FJD ${(i + 1) * 10_000}`
      },
      '2026-11-20T10:00:00.000Z'
    )
  );
}
