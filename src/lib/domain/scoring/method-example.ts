import { makeCapQuestionnaireForExample, makeQuestionnaireForExample } from './method-example-data';
import type { ScoringInput } from './score';

/**
 * The worked example on the method page, scored by the real scoring code.
 * @example scoreAssessment(methodExample().input).score // 0.4444…
 */
export function methodExample(): { input: ScoringInput } {
  const questionnaire = makeQuestionnaireForExample();
  return {
    input: {
      questionnaires: [questionnaire],
      answers: {
        'example/law-in-force': { state: 'level', level: 3 },
        'example/rights': { state: 'level', level: 4 },
        'example/breach-rules': { state: 'unknown' },
        'example/independence': { state: 'level', level: 2 },
        'example/enforcement': { state: 'level', level: 3 }
      }
    }
  };
}

/**
 * The method page's example of a safeguard cap (rule 11) and the core set (rule 12): takedown is
 * answered 4 but capped at 2 while oversight is 2; `lifted` answers oversight 3, which lifts it.
 * @example scoreAssessment(capExample().input).questionnaires[0].score // 0.625
 */
export function capExample(): { input: ScoringInput; lifted: ScoringInput; core: ScoringInput } {
  const questionnaire = makeCapQuestionnaireForExample();
  const answers = {
    'cap-example/takedown': { state: 'level', level: 4 },
    'cap-example/oversight': { state: 'level', level: 2 },
    'cap-example/funding': { state: 'level', level: 5 }
  } as const;
  const input: ScoringInput = { questionnaires: [questionnaire], answers };
  return {
    input,
    lifted: {
      ...input,
      answers: { ...answers, 'cap-example/oversight': { state: 'level', level: 3 } }
    },
    core: { ...input, scope: 'core' }
  };
}
