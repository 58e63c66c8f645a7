/**
 * The charts of one assessment's results, built once for the results screen and the country
 * report: current against target per questionnaire or per section (radar), and the gap to target
 * per section (bars). Plain data from the scoring result; chart.js never sees anything else.
 */
import { shownPercent } from '$lib/domain/scoring/display';
import type { AssessmentResult, Figures, QuestionnaireResult } from '$lib/domain/scoring/types';
import { chartTable } from './table';
import type { ChartData, ChartPlan } from './types';

/** A radar needs three axes; with fewer, its shape means nothing and bars or tables say more. */
export const RADAR_MIN_AXES = 3;

export const CURRENT_LABEL = 'Current';
export const TARGET_LABEL = 'Target';
export const GAP_LABEL = 'Gap to target (points)';

function currentAgainstTarget(
  parts: readonly (Pick<Figures, 'score' | 'targetScore'> & { title: string })[],
  summary: string
): ChartPlan {
  const data: ChartData = {
    labels: parts.map((p) => p.title),
    series: [
      { label: CURRENT_LABEL, values: parts.map((p) => shownPercent(p.score)) },
      { label: TARGET_LABEL, values: parts.map((p) => shownPercent(p.targetScore)) }
    ]
  };
  return { type: 'radar', data, summary, table: chartTable(data) };
}

/**
 * Current and target score (0–100) of every questionnaire of the assessment.
 * @example questionnaireRadar(result).data.series[0] // { label: 'Current', values: [41.3, 62.5, 0] }
 */
export function questionnaireRadar(result: AssessmentResult): ChartPlan {
  return currentAgainstTarget(
    result.questionnaires,
    'current and target score (0–100) per questionnaire'
  );
}

/**
 * Current and target score (0–100) of every section of one questionnaire.
 * @example sectionRadar(privacy).data.labels // ['Legal framework', 'Regulator', …]
 */
export function sectionRadar(questionnaire: QuestionnaireResult): ChartPlan {
  return currentAgainstTarget(
    questionnaire.sections,
    `current and target score (0–100) per section of ${questionnaire.title}`
  );
}

/**
 * The gap to target of every scored section of the assessment, in points, largest first; a
 * section is named with its questionnaire, since two questionnaires may share a section title.
 * Sections without a gap (nothing scored) are left out; equal gaps keep questionnaire order.
 * @example sectionGapBars(result).data.labels[0] // 'Regulator (Privacy and data protection)'
 */
export function sectionGapBars(result: AssessmentResult): ChartPlan {
  const rows = result.questionnaires
    .flatMap((q) => q.sections.map((s) => ({ label: `${s.title} (${q.title})`, gap: s.gap })))
    .filter((r): r is { label: string; gap: number } => r.gap !== null)
    .sort((a, b) => b.gap - a.gap);
  const data: ChartData = {
    labels: rows.map((r) => r.label),
    series: [{ label: GAP_LABEL, values: rows.map((r) => shownPercent(r.gap)) }]
  };
  return {
    type: 'bar',
    horizontal: true,
    axisLabel: 'points',
    data,
    summary: 'gap to target in points per section, largest first',
    table: chartTable(data)
  };
}
