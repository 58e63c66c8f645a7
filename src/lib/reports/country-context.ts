/**
 * The context facts of a questionnaire in the country report: its choice questions with the
 * option recorded. They are shown for context and never scored (docs/scoring.md, rule 1).
 */
import { answerKey, type AnswerMap } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { QuestionnaireResult } from '$lib/domain/scoring/types';
import { m } from '$lib/paraglide/messages.js';
import type { Block, TableRow } from './document/model';
import { answerText } from './labels';
import { inReport } from './report-locale';

/**
 * A heading, a note and a table of the choice questions in the assessment's scope; nothing when
 * there are none.
 * @example contextFactBlocks(extremism, result, answers) // [heading, note, table with "Christchurch Call | Listed supporter"]
 */
export function contextFactBlocks(
  q: Questionnaire,
  result: QuestionnaireResult,
  answers: AnswerMap
): Block[] {
  // The result holds the questions of the assessment's scope only (rule 12).
  const inScope = new Set(result.sections.flatMap((s) => s.questions.map((x) => x.questionId)));
  const rows: TableRow[] = [];
  for (const x of q.sections.flatMap((s) => s.questions)) {
    if (x.type !== 'choice' || !inScope.has(x.id)) continue;
    const answer = answers[answerKey(q.id, x.id)];
    const option =
      answer?.state === 'level' ? x.options.find((o) => o.id === answer.option)?.label : undefined;
    rows.push({
      cells: [x.shortTitle ?? x.text, option ?? answerText(q, answer)],
      where: m.reports_where_answer({ id: x.id, title: q.title }, inReport())
    });
  }
  if (rows.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: m.format_context_facts({}, inReport()) },
    { kind: 'paragraph', tone: 'muted', text: m.format_context_facts_note({}, inReport()) },
    {
      kind: 'table',
      dense: true,
      columns: [
        { header: m.reports_col_question({}, inReport()) },
        { header: m.reports_col_answer({}, inReport()), width: 60 }
      ],
      rows
    }
  ];
}
