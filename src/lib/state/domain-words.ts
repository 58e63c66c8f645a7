/**
 * Domain words on screen in the interface language (docs/languages.md, "Glossary"). The scoring
 * module names things in English (a question's status, a binary answer); questionnaires name
 * their stages in their own data. These turn them into messages; a stage name that is not one
 * of the five CMM stages stays as the questionnaire wrote it.
 */
import type { ActionPriority } from '$lib/domain/actions/model';
import type { BinaryValue } from '$lib/domain/questionnaire/schema';
import { basedOn, type StageClaim } from '$lib/domain/scoring/display';
import type { QuestionStatus, ScaleInfo } from '$lib/domain/scoring/types';
import { formatNumber } from '$lib/format/numbers';
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

/**
 * What stands where a stage is shown (rule 6 as amended): the stage's name, "not enough answers
 * yet (1 of 31)", or "—" when there is no stage to claim.
 * @example stageClaimWord({ kind: 'provisional', n: 1, m: 31 }, scale) // 'not enough answers yet (1 of 31)'
 */
export function stageClaimWord(claim: StageClaim, scale: ScaleInfo | null): string {
  switch (claim.kind) {
    case 'stage':
      return figureStageWord(scale, claim.stage) ?? '—';
    case 'provisional': {
      const counts = { n: formatNumber(claim.n), m: formatNumber(claim.m) };
      return claim.within
        ? m.results_not_enough_in({ questionnaire: claim.within.title, ...counts })
        : m.results_not_enough(counts);
    }
    case 'none':
      return '—';
  }
}

/** "based on 1 of 31 questions" (n the scored questions, m those that could count). */
export function basedOnWord(counts: { scored: number; scorable: number; na: number }): string {
  const { n, m: of } = basedOn(counts);
  return m.results_based_on({ count: of, n: formatNumber(n) });
}

/** How much a weight counts, in words: "counts double", "counts 1.5 times", "once". */
export function weightWord(weight: number): string {
  if (weight === 1) return m.results_counts_once();
  if (weight === 2) return m.results_counts_double();
  if (weight === 0.5) return m.results_counts_half();
  return m.results_counts_times({ weight: formatNumber(weight) });
}

const PRIORITIES: Record<ActionPriority, () => string> = {
  high: m.results_priority_high,
  medium: m.results_priority_medium,
  low: m.results_priority_low
};

/** High, Medium or Low. */
export function priorityWord(priority: ActionPriority): string {
  return PRIORITIES[priority]();
}
