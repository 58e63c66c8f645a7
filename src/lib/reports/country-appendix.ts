/**
 * The appendix of a country report: every question with the answer, evidence and comment
 * recorded for it. It holds the most sensitive text of a report, so it is optional.
 */
import { answerKey, type AnswerMap } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { Block, TableRow } from './document/model';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import { answerText, levelValueText } from './labels';

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
      text: m.reports_app_title(),
      newPage: true,
      bookmark: true
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: m.reports_app_note()
    }
  ];
  for (const q of questionnaires) {
    let n = 0;
    const rows: TableRow[] = [];
    for (const section of q.sections) {
      rows.push({
        cells: [{ text: section.title, bold: true, shade: true, span: 4 }],
        where: m.reports_where_section_title({ title: q.title })
      });
      for (const question of section.questions) {
        n++;
        const answer = answers[answerKey(q.id, question.id)];
        const notes: string[] = [];
        if (!question.scored) notes.push(m.reports_app_context_question());
        if (answer?.target !== undefined) {
          notes.push(m.reports_app_own_target({ target: levelValueText(q, answer.target) }));
        }
        // Review marks are working notes: a final assessment's report leaves them out.
        if (answer?.flagged && !final) notes.push(m.reports_app_flagged());
        if (answer?.toConfirm && !final) notes.push(m.reports_app_to_confirm());
        const comment = [
          answer?.comment?.trim() ?? '',
          answer?.regional?.trim() ? m.reports_app_regional({ text: answer.regional.trim() }) : ''
        ]
          .filter(Boolean)
          .join('\n');
        rows.push({
          cells: [
            `${formatNumber(n)}. ${question.text} [${question.id}]`,
            [answerText(q, answer), ...notes].join('\n'),
            answer?.evidence?.trim() || '—',
            comment || '—'
          ],
          where: m.reports_where_answer({ id: question.id, title: q.title })
        });
      }
    }
    blocks.push({
      kind: 'table',
      dense: true,
      title: m.reports_title_version({ title: q.title, version: q.version }),
      where: m.reports_where_questionnaire({ id: q.id }),
      columns: [
        { header: m.reports_col_question(), width: 62 },
        { header: m.reports_col_answer(), width: 30 },
        { header: m.reports_col_evidence(), width: 41 },
        { header: m.reports_col_comment() }
      ],
      rows
    });
  }
  return blocks;
}
