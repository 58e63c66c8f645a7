import { expect, it } from 'vitest';
import { formatPercent } from './display';
import { capExample, methodExample } from './method-example';
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

// The second example of the method page: a safeguard cap (rule 11) and the core set (rule 12).
it('the cap example on the method page scores as its text says', () => {
  const { input, lifted, core } = capExample();
  const full = scoreAssessment(input).questionnaires[0]!;
  const takedown = full.sections[0]!.questions[0]!;
  // Chosen 4, counted 2 while oversight is 2 (< 3): (2 − 1) / 4 = 0.25
  expect([takedown.capped?.chosen, takedown.level, takedown.score]).toEqual([4, 2, 0.25]);
  // Response (0.25 + 0.25) / 2 = 0.25; research 5 → 1; questionnaire (0.25 + 1) / 2 = 0.625
  expect(formatPercent(full.sections[0]!.score)).toBe('25.0');
  expect(formatPercent(full.score)).toBe('62.5');
  // Oversight 3 meets the condition exactly: takedown counts 4 → 0.75, oversight 0.5,
  // response (0.75 + 0.5) / 2 = 0.625, questionnaire (0.625 + 1) / 2 = 0.8125 → 81.3
  const open = scoreAssessment(lifted).questionnaires[0]!;
  expect([open.sections[0]!.questions[0]!.level, open.sections[0]!.questions[0]!.capped]).toEqual([
    4,
    null
  ]);
  expect(formatPercent(open.score)).toBe('81.3');
  // Core set: research has no core question, so no row; the score is response's 25.0
  const onCore = scoreAssessment(core).questionnaires[0]!;
  expect(onCore.sections.map((s) => s.id)).toEqual(['response']);
  expect(formatPercent(onCore.score)).toBe('25.0');
});
