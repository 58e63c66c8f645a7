import { makeQuestionnaireForExample } from './method-example-data';
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
