/**
 * Words and formats shared by the reports, in the report's language (report-locale.ts). Numbers
 * are formatted as the results screen formats them (ScoreCard.svelte and the section table of
 * the results page): keep them in sync.
 */
import type { Answer, Assessment, Classification } from '$lib/domain/assessment/model';
import type { BinaryValue, Questionnaire } from '$lib/domain/questionnaire/schema';
import {
  basedOn,
  equivalentLevel,
  shownPercent,
  type StageClaim
} from '$lib/domain/scoring/display';
import { stageName } from '$lib/domain/scoring/explain';
import type { Figures, QuestionResult, QuestionStatus, ScaleInfo } from '$lib/domain/scoring/types';
import { PROVISIONAL_BELOW } from '$lib/domain/scoring/score';
import { formatDate } from '$lib/format/dates';
import { formatDecimal, formatNumber, formatPercentage } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import { inReport, reportLocale } from './report-locale';

/** TLP 2.0 label colours (printed on black). */
export const TLP_COLOURS: Record<Classification, string> = {
  CLEAR: '#ffffff',
  GREEN: '#33ff00',
  AMBER: '#ffc000',
  'AMBER+STRICT': '#ffc000',
  RED: '#ff2b2b'
};

/** What a TLP label allows, as the TLP 2.0 text words it. */
export function tlpMeaning(c: Classification): string {
  switch (c) {
    case 'CLEAR':
      return m.reports_tlp_clear({}, inReport());
    case 'GREEN':
      return m.reports_tlp_green({}, inReport());
    case 'AMBER':
      return m.reports_tlp_amber({}, inReport());
    case 'AMBER+STRICT':
      return m.reports_tlp_amber_strict({}, inReport());
    case 'RED':
      return m.reports_tlp_red({}, inReport());
  }
}

export const draftWatermark = (): string => m.reports_watermark_draft({}, inReport());
export const selfAssessmentNote = (): string => m.reports_self_assessment_note({}, inReport());

/** A report's calendar day (YYYY-MM-DD) in words: "December 6, 2026", "6 décembre 2026". */
export const dayText = (day: string): string => formatDate(day, reportLocale());

/** The footer every page of a report about this assessment carries (docs/file-formats.md). */
export function provenanceNote(assessment: Assessment): string {
  const p = assessment.provenance;
  if (p.mode !== 'validated') return selfAssessmentNote();
  const by = p.validatedBy.trim() || m.reports_external_reviewer({}, inReport());
  return p.validatedOn
    ? m.reports_validated_by_on({ by, date: dayText(p.validatedOn) }, inReport())
    : m.reports_validated_by({ by }, inReport());
}

/** A share as a score from 0 to 100 with one decimal, in the language: "72.5", "72,5". */
export function shareText(share: number | null): string {
  return formatDecimal(shownPercent(share), reportLocale());
}

/** "72.5", or "72.5 (prov.)" as the results screen's section table marks a provisional score. */
export function scoreText(figures: Figures): string {
  const shown = shareText(figures.score);
  return figures.provisional && figures.score !== null
    ? m.reports_score_provisional({ score: shown }, inReport())
    : shown;
}

/** "72.5%", "72,5 %". */
export function percentText(share: number | null): string {
  return formatPercentage(shownPercent(share), reportLocale());
}

/** "2.4 of 5", as the score card's "Equivalent to level 2.4 of 5". */
export function levelText(figures: Figures, scale: ScaleInfo | null): string {
  const level = scale ? equivalentLevel(figures.score, scale.min, scale.max) : null;
  return level === null || !scale
    ? '—'
    : m.reports_level_of(
        { level: formatDecimal(level, reportLocale()), max: String(scale.max) },
        inReport()
      );
}

/**
 * The name of a stage in the language: the five stages of the maturity model have their words;
 * any other label a questionnaire gives its levels is data and stays as written.
 * @example stageWord('Established') // 'Établi' in French
 */
export function stageWord(label: string): string {
  switch (label.trim().toLowerCase()) {
    case 'start-up':
      return m.reports_stage_startup({}, inReport());
    case 'formative':
      return m.reports_stage_formative({}, inReport());
    case 'established':
      return m.reports_stage_established({}, inReport());
    case 'strategic':
      return m.reports_stage_strategic({}, inReport());
    case 'dynamic':
      return m.reports_stage_dynamic({}, inReport());
    default:
      return label;
  }
}

/** "Yes", "Partly", "No" in the language. */
export function binaryText(value: BinaryValue): string {
  return { yes: m.reports_binary_yes, partial: m.reports_binary_partial, no: m.reports_binary_no }[
    value
  ]({}, inReport());
}

/** The stage label as on the score card. */
export function stageText(stage: number | null, scale: ScaleInfo | null): string {
  if (stage === null) return '—';
  const label = scale?.levels.find((l) => l.value === stage)?.label;
  return label ? stageWord(label) : String(stage);
}

/** "3 Established", "Partly", "—". */
export function levelValueText(
  q: Questionnaire | undefined,
  value: QuestionResult['level']
): string {
  if (value === null) return '—';
  if (typeof value === 'string') return binaryText(value);
  const name = stageName(q, value);
  return name ? `${value} ${stageWord(name)}` : String(value);
}

export function targetText(q: Questionnaire | undefined, target: QuestionResult['target']): string {
  return levelValueText(q, target);
}

/** Why a question does not count, as the results screen says it. */
export function statusText(status: QuestionStatus): string {
  switch (status) {
    case 'scored':
      return m.reports_status_scored({}, inReport());
    case 'na':
      return m.reports_status_na({}, inReport());
    case 'unknown':
      return m.reports_status_unknown({}, inReport());
    case 'restricted':
      return m.reports_status_restricted({}, inReport());
    case 'unanswered':
      return m.reports_status_unanswered({}, inReport());
    case 'not-scored':
      return m.reports_status_not_scored({}, inReport());
  }
}

/** The recorded answer in words: a level, N/A with its reason, or why there is none. */
export function answerText(q: Questionnaire | undefined, answer: Answer | undefined): string {
  switch (answer?.state) {
    case 'level':
      return levelValueText(q, answer.level ?? null);
    case 'na':
      return answer.naReason?.trim()
        ? m.reports_answer_na_reason({ reason: answer.naReason.trim() }, inReport())
        : m.reports_answer_na({}, inReport());
    case 'unknown':
      return m.reports_answer_unknown({}, inReport());
    case 'restricted':
      return m.reports_answer_restricted({}, inReport());
    default:
      return m.reports_answer_none({}, inReport());
  }
}

/** A Commonwealth region's name in the language; a name it does not know stays as written. */
export function regionText(region: string): string {
  switch (region) {
    case 'Africa':
      return m.reports_region_africa({}, inReport());
    case 'Asia':
      return m.reports_region_asia({}, inReport());
    case 'Caribbean and Americas':
      return m.reports_region_caribbean_americas({}, inReport());
    case 'Europe':
      return m.reports_region_europe({}, inReport());
    case 'Pacific':
      return m.reports_region_pacific({}, inReport());
    default:
      return region;
  }
}

/** A rule's share as a whole percentage: "70%", "70 %" (e.g. the provisional threshold). */
export function wholePercent(share: number): string {
  return new Intl.NumberFormat(reportLocale(), { style: 'percent' }).format(share);
}

/** The coverage below which a score is provisional, as a percentage (docs/scoring.md). */
export const provisionalThreshold = (): string => wholePercent(PROVISIONAL_BELOW);

/**
 * What stands where a stage is printed (rule 6 as amended): the stage, "not enough answers yet
 * (1 of 31)", or "—".
 */
export function stageClaimText(claim: StageClaim, scale: ScaleInfo | null): string {
  switch (claim.kind) {
    case 'stage':
      return stageText(claim.stage, scale);
    case 'provisional': {
      const counts = {
        n: formatNumber(claim.n, reportLocale()),
        m: formatNumber(claim.m, reportLocale())
      };
      return claim.within
        ? m.reports_not_enough_in({ questionnaire: claim.within.title, ...counts }, inReport())
        : m.reports_not_enough(counts, inReport());
    }
    case 'none':
      return '—';
  }
}

/** "Based on 1 of 31 questions." */
export function basedOnText(counts: { scored: number; scorable: number; na: number }): string {
  const { n, m: of } = basedOn(counts);
  return m.reports_based_on({ count: of, n: formatNumber(n, reportLocale()) }, inReport());
}
