/**
 * The appendix of a country report: every question with the answer, evidence and comment
 * recorded for it. It holds the most sensitive text of a report, so it is optional.
 */
import { answerKey, type AnswerMap } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { Block, TableRow } from './document/model';
import { answerText, levelValueText } from './labels';

/** Every answer of every questionnaire, one table per questionnaire, grouped by section. */
export function appendixBlocks(
  questionnaires: readonly Questionnaire[],
  answers: AnswerMap
): Block[] {
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 1,
      text: 'Appendix: every answer',
      newPage: true,
      bookmark: true
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text:
        'Each question with the answer, evidence and comment recorded for it. Leave this appendix ' +
        'out when the report travels beyond the people who may see the answers.'
    }
  ];
  for (const q of questionnaires) {
    let n = 0;
    const rows: TableRow[] = [];
    for (const section of q.sections) {
      rows.push({
        cells: [{ text: section.title, bold: true, shade: true, span: 4 }],
        where: `a section title of ${q.title}`
      });
      for (const question of section.questions) {
        n++;
        const answer = answers[answerKey(q.id, question.id)];
        const notes: string[] = [];
        if (!question.scored) notes.push('Context question, not scored');
        if (answer?.target !== undefined) {
          notes.push(`Own target: ${levelValueText(q, answer.target)}`);
        }
        if (answer?.flagged) notes.push('Flagged for review');
        if (answer?.toConfirm) notes.push('Copied from the previous assessment, to confirm');
        const comment = [
          answer?.comment?.trim() ?? '',
          answer?.regional?.trim() ? `Regional arrangement: ${answer.regional.trim()}` : ''
        ]
          .filter(Boolean)
          .join('\n');
        rows.push({
          cells: [
            `${n}. ${question.text} [${question.id}]`,
            [answerText(q, answer), ...notes].join('\n'),
            answer?.evidence?.trim() || '—',
            comment || '—'
          ],
          where: `the answer, evidence or comment of question ${question.id} (${q.title})`
        });
      }
    }
    blocks.push({
      kind: 'table',
      dense: true,
      title: `${q.title} (version ${q.version})`,
      where: `the title of questionnaire ${q.id}`,
      columns: [
        { header: 'Question', width: 62 },
        { header: 'Answer', width: 30 },
        { header: 'Evidence', width: 41 },
        { header: 'Comment' }
      ],
      rows
    });
  }
  return blocks;
}
