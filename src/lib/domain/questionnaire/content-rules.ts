import type { Questionnaire } from './schema';

/**
 * Editorial rules for the built-in questionnaires (issue: content), stricter than the file
 * format: custom questionnaires only need to be valid, ours must also be good enough to put in
 * front of a ministry workshop. Returns readable problems, empty when the file passes.
 * @example contentProblems(q) // ['sections[0].questions[3].levels.2: 41 characters; write at least 60']
 */
export function contentProblems(q: Questionnaire): string[] {
  const problems: string[] = [];
  const expectedLabels = ['Start-up', 'Formative', 'Established', 'Strategic', 'Dynamic'];
  const labels = q.scale.map((l) => l.label);
  if (labels.join('|') !== expectedLabels.join('|') || q.scale.some((l, i) => l.value !== i + 1)) {
    problems.push(`scale: use the five CMM stages 1–5 (${expectedLabels.join(', ')})`);
  }
  if (q.sections.length < 3 || q.sections.length > 6) {
    problems.push(`sections: ${q.sections.length} sections; write 3 to 6`);
  }
  const questions = q.sections.flatMap((s) => s.questions);
  if (questions.length < 24) problems.push(`${questions.length} questions; write at least 24`);

  const seen = new Map<string, string>();
  const remember = (where: string, value: string) => {
    const key = value.trim().toLowerCase();
    const first = seen.get(key);
    if (first) problems.push(`${where}: same text as ${first}`);
    else seen.set(key, where);
  };

  q.sections.forEach((section, si) => {
    section.questions.forEach((question, qi) => {
      const at = `sections[${si}].questions[${qi}] (${question.id})`;
      if (!question.guidance || question.guidance.length < 60) {
        problems.push(`${at}.guidance: say what the question means and who knows the answer`);
      }
      if (question.evidence.length === 0) problems.push(`${at}.evidence: give evidence examples`);
      if (question.references.length === 0) problems.push(`${at}.references: cite at least one`);
      if (question.type === 'choice') return;
      const levels = Object.entries(question.levels);
      for (const [key, descriptor] of levels) {
        if (descriptor.length < 60) {
          problems.push(`${at}.levels.${key}: ${descriptor.length} characters; write at least 60`);
        }
        remember(`${at}.levels.${key}`, descriptor);
      }
      for (let i = 1; i < levels.length; i++) {
        if (levels[i]![1].trim() === levels[i - 1]![1].trim()) {
          problems.push(`${at}.levels.${levels[i]![0]}: same as the level below`);
        }
      }
      for (const [key, rec] of Object.entries(question.recommendations)) {
        if (rec) remember(`${at}.recommendations.${key}`, rec);
      }
    });
  });
  return problems;
}
