/**
 * Item diff of the comparison screen: question by question, what changed between two
 * assessments (usually one country at two dates). Unlike the rest of the comparison it reads
 * answers, so it is run for two assessments at a time, on request.
 */
import { answerKey, type AnswerMap, type AnswerState } from '../assessment/model';
import type { BinaryValue, Question, Questionnaire } from '../questionnaire/schema';

/**
 * - `same`: same state and, for a level, the same level (comments may still differ).
 * - `raised` / `lowered`: a level on both sides, higher / lower after.
 * - `changed-state`: the state differs (unanswered counts as a state), or the two levels cannot be
 *   placed on one scale (the question changed type, or its questionnaire's scale changed).
 * - `added` / `removed`: the question exists only in the after / before questionnaire (a new
 *   version, or a questionnaire only one assessment includes).
 */
export type DiffKind = 'same' | 'raised' | 'lowered' | 'changed-state' | 'added' | 'removed';

/** Binary answers as steps, so that no → yes is a change of 2 and partial → no of −1. */
export const BINARY_STEPS: Readonly<Record<BinaryValue, number>> = { no: 0, partial: 1, yes: 2 };

export interface AnswerSide {
  version: string;
  type: Question['type'];
  /** null = unanswered. */
  state: AnswerState | null;
  level: number | BinaryValue | null;
  /** Maturity: the scale value; binary: `BINARY_STEPS`; null without a usable level. */
  step: number | null;
  /** Trimmed; null when empty. */
  comment: string | null;
}

export interface AnswerDiff {
  questionnaireId: string;
  questionId: string;
  /** The question text of the after side when it has the question, else of the before side. */
  text: string;
  /** null when the question is absent before (`added`). */
  before: AnswerSide | null;
  /** null when the question is absent after (`removed`). */
  after: AnswerSide | null;
  /** after.step − before.step, when both sides have comparable levels. */
  levelChange: number | null;
  commentChanged: boolean;
  kind: DiffKind;
}

interface Located {
  questionnaire: Questionnaire;
  question: Question;
}

function stepOf(question: Question, level: number | BinaryValue | null): number | null {
  if (question.type === 'binary') return typeof level === 'string' ? BINARY_STEPS[level] : null;
  return typeof level === 'number' ? level : null;
}

function sideOf(at: Located | undefined, answers: AnswerMap): AnswerSide | null {
  return at === undefined ? null : answerSideOf(at.questionnaire, at.question, answers);
}

/**
 * One answer as the diff describes it (also a group's answer, in group-diff.ts).
 * @example answerSideOf(privacy, dpa, { 'privacy/dpa': { state: 'level', level: 3 } }).step // 3
 */
export function answerSideOf(
  questionnaire: Questionnaire,
  question: Question,
  answers: AnswerMap
): AnswerSide {
  const answer = answers[answerKey(questionnaire.id, question.id)];
  const level = answer?.state === 'level' ? (answer.level ?? null) : null;
  const comment = answer?.comment?.trim() ?? '';
  return {
    version: questionnaire.version,
    type: question.type,
    state: answer?.state ?? null,
    level,
    step: stepOf(question, level),
    comment: comment === '' ? null : comment
  };
}

function sameScale(a: Questionnaire, b: Questionnaire): boolean {
  return (
    a.scale.length === b.scale.length && a.scale.every((l, i) => l.value === b.scale[i]!.value)
  );
}

function kindOf(before: AnswerSide, after: AnswerSide, comparable: boolean): DiffKind {
  if (before.state !== after.state) return 'changed-state';
  if (before.state !== 'level') return 'same';
  if (!comparable || before.step === null || after.step === null) {
    return comparable && before.level === after.level ? 'same' : 'changed-state';
  }
  return after.step > before.step ? 'raised' : after.step < before.step ? 'lowered' : 'same';
}

/** Every question of a list of questionnaires by `questionnaireId/questionId`, in document order. */
function locate(questionnaires: readonly Questionnaire[]): Map<string, Located> {
  const map = new Map<string, Located>();
  for (const questionnaire of questionnaires) {
    for (const section of questionnaire.sections) {
      for (const question of section.questions) {
        const key = answerKey(questionnaire.id, question.id);
        if (!map.has(key)) map.set(key, { questionnaire, question });
      }
    }
  }
  return map;
}

/**
 * Compares the answers of a before assessment (A) and an after assessment (B), question by
 * question, matched by questionnaire id and question id whatever the versions. Order: B's
 * questionnaires in its order, each with B's questions in document order followed by the
 * questions only A has; then the questionnaires only A has.
 * @example diffAnswers([privacyV1], { 'privacy/law': { state: 'level', level: 2 } },
 *   [privacyV1], { 'privacy/law': { state: 'level', level: 4 } })[0] // kind 'raised', levelChange 2
 */
export function diffAnswers(
  questionnairesA: readonly Questionnaire[],
  answersA: AnswerMap,
  questionnairesB: readonly Questionnaire[],
  answersB: AnswerMap
): AnswerDiff[] {
  const inA = locate(questionnairesA);
  const inB = locate(questionnairesB);
  const keys = [...inB.keys(), ...[...inA.keys()].filter((key) => !inB.has(key))];
  const byQuestionnaire = new Map<string, string[]>();
  for (const key of keys) {
    const id = (inB.get(key) ?? inA.get(key))!.questionnaire.id;
    const group = byQuestionnaire.get(id);
    if (group) group.push(key);
    else byQuestionnaire.set(id, [key]);
  }

  return [...byQuestionnaire.values()].flat().map((key): AnswerDiff => {
    const a = inA.get(key);
    const b = inB.get(key);
    const located = (b ?? a)!;
    const before = sideOf(a, answersA);
    const after = sideOf(b, answersB);
    const comparable =
      a !== undefined &&
      b !== undefined &&
      a.question.type === b.question.type &&
      (a.question.type === 'binary' || sameScale(a.questionnaire, b.questionnaire));
    const kind =
      before === null ? 'added' : after === null ? 'removed' : kindOf(before, after, comparable);
    const levelChange =
      comparable && before?.step != null && after?.step != null ? after.step - before.step : null;
    return {
      questionnaireId: located.questionnaire.id,
      questionId: located.question.id,
      text: located.question.text,
      before,
      after,
      levelChange,
      commentChanged: (before?.comment ?? null) !== (after?.comment ?? null),
      kind
    };
  });
}
