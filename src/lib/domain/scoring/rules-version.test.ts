import { describe, expect, it } from 'vitest';
import { SCORING_RULES_VERSION, isCurrentRules } from './rules-version';
import { summaryFigures } from '../assessment/summary';
import { scoreAssessment } from './score';

describe('scoring rules version', () => {
  it('is recorded in every summary the scoring module makes', () => {
    const figures = summaryFigures(scoreAssessment({ questionnaires: [], answers: {} }));
    expect(figures.rules).toBe(SCORING_RULES_VERSION);
    expect(isCurrentRules(figures)).toBe(true);
  });

  it('marks summaries of other or unknown rules as stale', () => {
    expect(isCurrentRules({ rules: SCORING_RULES_VERSION + 1 })).toBe(false);
    expect(isCurrentRules({})).toBe(false);
  });
});
