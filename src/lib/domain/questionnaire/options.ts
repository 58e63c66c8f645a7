import type { BinaryValue, Question, ScaleLevel } from './schema';

export const BINARY_LABELS: Record<BinaryValue, string> = {
  no: 'No',
  partial: 'Partly',
  yes: 'Yes'
};

/** Binary options in keyboard order: digit 1 = no, 2 = partial, 3 = yes. */
const BINARY_ORDER: BinaryValue[] = ['no', 'partial', 'yes'];

export interface QuestionOption {
  key: string;
  value: number | BinaryValue;
  title: string;
  descriptor: string;
}

/**
 * The answer options of a question in the order they are shown and numbered.
 * @example questionOptions(maturityQuestion, scale)[0] // { key: '1', value: 1, title: '1 Start-up', ... }
 */
export function questionOptions(
  question: Question,
  scale: readonly ScaleLevel[]
): QuestionOption[] {
  // A choice question's named options are not levels: ChoiceField and the blank form list them.
  if (question.type === 'choice') return [];
  if (question.type === 'binary') {
    return BINARY_ORDER.map((v) => ({
      key: v,
      value: v,
      title: BINARY_LABELS[v],
      descriptor: question.levels[v]
    }));
  }
  return scale.map((level) => ({
    key: String(level.value),
    value: level.value,
    title: `${level.value} ${level.label}`,
    descriptor: question.levels[String(level.value)] ?? ''
  }));
}
