/**
 * Domain words on screen in the interface language (docs/languages.md, "Glossary"). The scoring
 * module names things in English (a question's status, a binary answer); questionnaires name
 * their stages in their own data. These turn them into messages; a stage name that is not one
 * of the five CMM stages stays as the questionnaire wrote it.
 */
import type { BinaryValue } from '$lib/domain/questionnaire/schema';
import type { QuestionStatus, ScaleInfo } from '$lib/domain/scoring/types';
import { m } from '$lib/paraglide/messages.js';

const STAGES: Record<string, () => string> = {
  startup: m.results_stage_startup,
  formative: m.results_stage_formative,
  established: m.results_stage_established,
  strategic: m.results_stage_strategic,
  dynamic: m.results_stage_dynamic
};

/**
 * A stage name in the interface language: "Established" → "Établi" in French.
 * @example stageWord('Start-up') // 'Démarrage' in French
 */
export function stageWord(label: string): string {
  const known = STAGES[label.toLowerCase().replace(/[^a-z]/g, '')];
  return known ? known() : label;
}

/**
 * The name of a stage value on a scale, in the interface language; "" when the scale has none.
 * @example scaleStageWord(privacy.scale, 3) // 'Established'
 */
export function scaleStageWord(
  levels: readonly { value: number; label: string }[] | undefined,
  value: number
): string {
  const label = levels?.find((l) => l.value === value)?.label;
  return label ? stageWord(label) : '';
}

/** The stage a figure reached, as the score card shows it: a name, or the bare value. */
export function figureStageWord(scale: ScaleInfo | null, stage: number | null): string | null {
  if (stage === null) return null;
  return scaleStageWord(scale?.levels, stage) || String(stage);
}

const STATUSES: Record<QuestionStatus, () => string> = {
  scored: m.results_status_scored,
  na: m.results_status_na,
  unknown: m.results_status_unknown,
  restricted: m.results_status_restricted,
  unanswered: m.results_status_unanswered,
  'not-scored': m.results_status_not_scored
};

/** Whether a question counted in a score, and why not ("left out: don't know"). */
export function statusWord(status: QuestionStatus): string {
  return STATUSES[status]();
}

const BINARY: Record<BinaryValue, () => string> = {
  yes: m.common_answer_yes,
  partial: m.common_answer_partial,
  no: m.common_answer_no
};

/** A yes / partly / no answer. */
export function binaryWord(value: BinaryValue): string {
  return BINARY[value]();
}
