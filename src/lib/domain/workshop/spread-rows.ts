/**
 * Rule 13 over a whole assessment: the spread of every question in questionnaire order, the
 * rows of the workshop spread CSV (see docs/file-formats.md) and the disagreement queue. The
 * rows are cells as strings; writing the file (BOM, CRLF, quoting) belongs to the io layer, so
 * the app's export and the command line print the same rows from here.
 */
import { answerKey, type Answer, type AnswerMap } from '../assessment/model';
import type { Question, Questionnaire } from '../questionnaire/schema';
import { answersByGroup, type GroupAnswers } from './answers';
import type { Group } from './groups';
import { spreadOf, type Level, type Spread } from './spread';

/** The header of the workshop spread CSV, exactly. */
export const SPREAD_CSV_HEADER = [
  'assessment_id',
  'questionnaire_id',
  'question_id',
  'groups_answered',
  'groups_other',
  'lowest',
  'highest',
  'suggested',
  'spread',
  'disagree',
  'consensus',
  'rationale'
] as const;

/** One question's spread with where it sits. */
export interface QuestionSpread {
  questionnaireId: string;
  sectionId: string;
  questionId: string;
  spread: Spread;
}

export interface SpreadInput {
  /** The assessment's questionnaires in its order, at their pinned versions. */
  questionnaires: readonly Questionnaire[];
  groups: readonly Pick<Group, 'id' | 'observer'>[];
  groupAnswers: Readonly<GroupAnswers>;
  /** Which questions are in the assessment's scope (a core assessment: core ones). Default: all. */
  inScope?: ((questionnaireId: string, question: Question) => boolean) | undefined;
}

/**
 * Rule 13 for every maturity and binary question in scope, scored or not, in questionnaire,
 * section and question order.
 * @example questionSpreads({ questionnaires: [q], groups, groupAnswers }).map((s) => s.questionId)
 * // ['a', 'b', …]
 */
export function questionSpreads(input: SpreadInput): QuestionSpread[] {
  const out: QuestionSpread[] = [];
  for (const q of input.questionnaires) {
    for (const section of q.sections) {
      for (const question of section.questions) {
        if (question.type !== 'maturity' && question.type !== 'binary') continue;
        if (input.inScope && !input.inScope(q.id, question)) continue;
        const answers = answersByGroup(input.groupAnswers, input.groups, q.id, question.id);
        out.push({
          questionnaireId: q.id,
          sectionId: section.id,
          questionId: question.id,
          spread: spreadOf(question, q.scale, answers, input.groups)
        });
      }
    }
  }
  return out;
}

function cell(level: Level | null): string {
  return level === null ? '' : String(level);
}

/**
 * One row of the workshop spread CSV as cells, in the order of `SPREAD_CSV_HEADER`: `spread`
 * empty for binary or when no group gave a level; `consensus` empty unless the consensus has
 * state level; levels written as the answers CSV writes them (scale value or yes / partial / no).
 * @example spreadCsvRow({ assessmentId: 'x', questionnaireId: 'q', questionId: 'a', spread,
 *   consensus: { state: 'level', level: 2 }, rationale: '' })
 * // ['x', 'q', 'a', '3', '1', '1', '4', '2', '3', 'yes', '2', '']
 */
export function spreadCsvRow(row: {
  assessmentId: string;
  questionnaireId: string;
  questionId: string;
  spread: Spread;
  consensus?: Answer | null | undefined;
  rationale?: string | undefined;
}): string[] {
  const s = row.spread;
  const consensus = row.consensus?.state === 'level' ? (row.consensus.level ?? null) : null;
  return [
    row.assessmentId,
    row.questionnaireId,
    row.questionId,
    String(s.answered),
    String(s.otherCount),
    cell(s.lowest),
    cell(s.highest),
    cell(s.suggested),
    s.type === 'maturity' && s.answered > 0 && s.spread !== null ? String(s.spread) : '',
    s.disagree ? 'yes' : 'no',
    cell(consensus),
    row.rationale ?? ''
  ];
}

/**
 * Every row of the workshop spread CSV for one assessment (without the header).
 * `consensus` is the assessment's own answers; `rationaleOf` gives a consensus answer's rationale.
 * @example spreadCsvRows({ assessmentId: 'x', questionnaires: [q], groups, groupAnswers, consensus: {} })
 * // [['x', 'q', 'a', '3', '0', '1', '4', '2', '3', 'yes', '', ''], …]
 */
export function spreadCsvRows(
  input: SpreadInput & {
    assessmentId: string;
    consensus: Readonly<AnswerMap>;
    rationaleOf?: ((questionnaireId: string, questionId: string) => string) | undefined;
  }
): string[][] {
  return questionSpreads(input).map((s) =>
    spreadCsvRow({
      assessmentId: input.assessmentId,
      questionnaireId: s.questionnaireId,
      questionId: s.questionId,
      spread: s.spread,
      consensus: input.consensus[answerKey(s.questionnaireId, s.questionId)],
      rationale: input.rationaleOf?.(s.questionnaireId, s.questionId) ?? ''
    })
  );
}

/** One section's questions on the disagreement queue. */
export interface QueueSection {
  questionnaireId: string;
  sectionId: string;
  items: QuestionSpread[];
}

/**
 * The disagreement queue, worked section by section: the queued questions (groups disagree, or
 * N/A beside levels) grouped by section, keeping the order of `spreads` (questionnaire order).
 * Sections with nothing queued are left out.
 * @example disagreementQueue(questionSpreads(input)).map((s) => s.sectionId) // ['legal', 'cert']
 */
export function disagreementQueue(spreads: readonly QuestionSpread[]): QueueSection[] {
  const sections: QueueSection[] = [];
  for (const s of spreads) {
    if (!s.spread.queued) continue;
    const last = sections[sections.length - 1];
    if (last?.questionnaireId === s.questionnaireId && last.sectionId === s.sectionId) {
      last.items.push(s);
    } else {
      sections.push({ questionnaireId: s.questionnaireId, sectionId: s.sectionId, items: [s] });
    }
  }
  return sections;
}
