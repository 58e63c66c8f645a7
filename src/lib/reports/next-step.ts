/**
 * What reports say about a safeguard cap (docs/scoring.md, rule 11), on screen and in the PDF:
 * the gap-list row's next step — the question's recommendation at its counted level, led by the
 * conditions that lift the cap — and "counted as …: capped until …" beside a capped level.
 */
import type { CapEffect } from '$lib/domain/scoring/cap';
import type { CapCondition, Questionnaire } from '$lib/domain/questionnaire/schema';
import { recommendationFor } from '$lib/domain/scoring/explain';
import type { QuestionResult } from '$lib/domain/scoring/types';
import { m } from '$lib/paraglide/messages.js';
import { inReport } from './report-locale';

function conditionParts(q: Questionnaire, unmet: readonly CapCondition[]) {
  const questions = new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)));
  return unmet.map((c) => {
    const x = questions.get(c.question);
    const title = x ? (x.shortTitle ?? x.text) : c.question;
    const level =
      c.atLeast === 'yes'
        ? m.common_answer_yes({}, inReport())
        : c.atLeast === 'partial'
          ? m.common_answer_partial({}, inReport())
          : (q.scale.find((l) => l.value === c.atLeast)?.label ?? String(c.atLeast));
    return { title, level };
  });
}

/**
 * @example nextStep(extremism, takedownRow) // 'Capped until these reach the level shown: Independent oversight (Established). Base orders on law'
 */
export function nextStep(q: Questionnaire | undefined, row: QuestionResult): string {
  const recommendation = recommendationFor(q, row);
  if (!row.capped || !q) return recommendation ?? '—';
  const conditions = conditionParts(q, row.capped.unmet)
    .map((c) => `${c.title} (${c.level})`)
    .join(', ');
  const cap = m.format_cap_next_step({ conditions }, inReport());
  return recommendation ? `${cap}. ${recommendation}` : cap;
}

/**
 * The cap in one sentence, as the answer screen words it (without its links).
 * @example capText(extremism, effect) // 'Counted as Formative: capped until Independent oversight reaches Established'
 */
export function capText(q: Questionnaire, capped: CapEffect): string {
  const label = q.scale.find((l) => l.value === capped.counted)?.label ?? String(capped.counted);
  const conditions = conditionParts(q, capped.unmet)
    .map((c) => `${c.title} ${m.format_cap_reaches({ level: c.level }, inReport())}`)
    .join(` ${m.format_cap_and({}, inReport())} `);
  return `${m.format_cap_counted_as({ label }, inReport())} ${m.format_cap_until({}, inReport())} ${conditions}`;
}
