import { expect, it } from 'vitest';
import { formatPercent } from './display';
import { methodExample } from './method-example';
import { scoreAssessment } from './score';

// The method page states these numbers in words; they must stay what the code computes.
it('the worked example on the method page scores as its text says', () => {
  const r = scoreAssessment(methodExample().input);
  const q = r.questionnaires[0]!;
  expect(formatPercent(q.sections[0]!.score)).toBe('58.3'); // (2·0.5 + 0.75) / 3
  expect(q.sections[0]!.provisional).toBe(true); // coverage 2/3
  expect(q.sections[0]!.stage).toBeNull(); // provisional: no stage (rule 6 as amended)
  expect(formatPercent(q.sections[1]!.score)).toBe('37.5'); // (0.25 + 0.5) / 2
  expect(q.sections[1]!.stage).toBe(2);
  expect(formatPercent(q.score)).toBe('44.4'); // (0.5833 + 2·0.375) / 3
  expect(formatPercent(q.coverage)).toBe('80.0');
  expect(q.provisional).toBe(false);
  expect(q.stage).toBe(2); // level ≥ 3 holds 2 of 3
  expect(formatPercent(q.targetScore)).toBe('52.8'); // (0.5833 + 2·0.5) / 3
  expect(formatPercent(q.gap)).toBe('8.3');
});
