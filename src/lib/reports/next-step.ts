/**
 * The next step of a gap-list row, on screen and in the PDF: the question's recommendation at
 * its counted level, led, when a safeguard cap holds the level down, by the conditions that lift
 * it (docs/scoring.md, rule 11).
 */
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { recommendationFor } from '$lib/domain/scoring/explain';
import type { QuestionResult } from '$lib/domain/scoring/types';
import { m } from '$lib/paraglide/messages.js';

/**
 * @example nextStep(extremism, takedownRow) // 'Capped until these reach the level shown: Independent oversight (Established). Base orders on law'
 */
export function nextStep(q: Questionnaire | undefined, row: QuestionResult): string {
  const recommendation = recommendationFor(q, row);
  if (!row.capped || !q) return recommendation ?? '—';
  const questions = new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)));
  const conditions = row.capped.unmet
    .map((c) => {
      const x = questions.get(c.question);
      const title = x ? (x.shortTitle ?? x.text) : c.question;
      const level =
        c.atLeast === 'yes'
          ? m.common_answer_yes()
          : c.atLeast === 'partial'
            ? m.common_answer_partial()
            : (q.scale.find((l) => l.value === c.atLeast)?.label ?? String(c.atLeast));
      return `${title} (${level})`;
    })
    .join(', ');
  const cap = m.format_cap_next_step({ conditions });
  return recommendation ? `${cap}. ${recommendation}` : cap;
}
