/**
 * The appendix of a country report: every question with the answer, evidence and comment
 * recorded for it. It holds the most sensitive text of a report, so it is optional.
 */
import { answerKey, type Answer, type AnswerMap } from '$lib/domain/assessment/model';
import type { Question, Questionnaire } from '$lib/domain/questionnaire/schema';
import { capEffect } from '$lib/domain/scoring/cap';
import type { Block, TableRow } from './document/model';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import { answerText, levelValueText } from './labels';
import { capText } from './next-step';
import { inReport, reportLocale } from './report-locale';

/**
 * The answer as given; a choice answer by its option's label; a capped level followed by what it
 * counts as (rule 11).
 */
function appendixAnswer(
  q: Questionnaire,
  question: Question,
  answer: Answer | undefined,
  answers: AnswerMap
): string {
  if (question.type === 'choice' && answer?.state === 'level') {
    return question.options.find((o) => o.id === answer.option)?.label ?? '—';
  }
  const text = answerText(q, answer);
  if (question.type !== 'maturity' || typeof answer?.level !== 'number') return text;
  const capped = capEffect(q, question, answer.level, answers);
  return capped ? `${text}\n${capText(q, capped)}` : text;
}

/** Every answer of every questionnaire, one table per questionnaire, grouped by section. */
export function appendixBlocks(
  questionnaires: readonly Questionnaire[],
  answers: AnswerMap,
  final: boolean
): Block[] {
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 1,
      text: m.reports_app_title({}, inReport()),
      newPage: true,
      bookmark: true
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: m.reports_app_note({}, inReport())
    }
  ];
  for (const q of questionnaires) {
    let n = 0;
    const rows: TableRow[] = [];
    for (const section of q.sections) {
      rows.push({
        cells: [{ text: section.title, bold: true, shade: true, span: 4 }],
        where: m.reports_where_section_title({ title: q.title }, inReport())
      });
      for (const question of section.questions) {
        n++;
        const answer = answers[answerKey(q.id, question.id)];
        const notes: string[] = [];
        if (!question.scored) notes.push(m.reports_app_context_question({}, inReport()));
        if (answer?.target !== undefined) {
          notes.push(
            m.reports_app_own_target({ target: levelValueText(q, answer.target) }, inReport())
          );
        }
        // Review marks are working notes: a final assessment's report leaves them out.
        if (answer?.flagged && !final) notes.push(m.reports_app_flagged({}, inReport()));
        if (answer?.toConfirm && !final) notes.push(m.reports_app_to_confirm({}, inReport()));
        const comment = [
          answer?.comment?.trim() ?? '',
          answer?.regional?.trim()
            ? m.reports_app_regional({ text: answer.regional.trim() }, inReport())
            : ''
        ]
          .filter(Boolean)
          .join('\n');
        rows.push({
          cells: [
            `${formatNumber(n, reportLocale())}. ${question.text} [${question.id}]`,
            [appendixAnswer(q, question, answer, answers), ...notes].join('\n'),
            answer?.evidence?.trim() || '—',
            comment || '—'
          ],
          where: m.reports_where_answer({ id: question.id, title: q.title }, inReport())
        });
      }
    }
    blocks.push({
      kind: 'table',
      dense: true,
      title: m.reports_title_version({ title: q.title, version: q.version }, inReport()),
      where: m.reports_where_questionnaire({ id: q.id }, inReport()),
      columns: [
        { header: m.reports_col_question({}, inReport()), width: 62 },
        { header: m.reports_col_answer({}, inReport()), width: 30 },
        { header: m.reports_col_evidence({}, inReport()), width: 41 },
        { header: m.reports_col_comment({}, inReport()) }
      ],
      rows
    });
  }
  return blocks;
}
