/**
 * The charts of one assessment's results, built once for the results screen and the country
 * report: current against target per questionnaire or per section (radar), and the gap to target
 * per section (bars). Plain data from the scoring result; chart.js never sees anything else.
 *
 * Words and numbers are written in `locale`: the results screen passes the interface language;
 * the country report passes its own language (English until its text becomes messages).
 */
import { shownPercent } from '$lib/domain/scoring/display';
import type { AssessmentResult, Figures, QuestionnaireResult } from '$lib/domain/scoring/types';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { chartTable } from './table';
import type { ChartData, ChartPlan } from './types';

/** A radar needs three axes; with fewer, its shape means nothing and bars say more. */
export const RADAR_MIN_AXES = 3;

export interface RadarOptions {
  /** Draw bars even with three axes or more: narrow screens, where a radar's labels are cut. */
  bars?: boolean;
}

function currentAgainstTarget(
  parts: readonly (Pick<Figures, 'score' | 'targetScore'> & { title: string })[],
  summary: string,
  locale: Locale,
  options: RadarOptions
): ChartPlan {
  const data: ChartData = {
    labels: parts.map((p) => p.title),
    series: [
      {
        label: m.results_chart_current({}, { locale }),
        values: parts.map((p) => shownPercent(p.score))
      },
      {
        label: m.results_chart_target({}, { locale }),
        values: parts.map((p) => shownPercent(p.targetScore))
      }
    ]
  };
  const table = chartTable(data, '', locale);
  if (options.bars || parts.length < RADAR_MIN_AXES) {
    return {
      type: 'bar',
      horizontal: true,
      max: 100,
      axisLabel: m.results_chart_axis_score({}, { locale }),
      data,
      summary,
      table
    };
  }
  return { type: 'radar', data, summary, table };
}

/**
 * Current and target score (0–100) of every questionnaire of the assessment: a radar, or
 * horizontal bars with fewer than three questionnaires (or when asked).
 * @example questionnaireRadar(result).data.series[0] // { label: 'Current', values: [41.3, 62.5, 0] }
 */
export function questionnaireRadar(
  result: AssessmentResult,
  locale: Locale = 'en',
  options: RadarOptions = {}
): ChartPlan {
  return currentAgainstTarget(
    result.questionnaires,
    m.results_chart_radar_questionnaires({}, { locale }),
    locale,
    options
  );
}

/**
 * Current and target score (0–100) of every section of one questionnaire, as a radar or bars
 * (see `questionnaireRadar`).
 * @example sectionRadar(privacy).data.labels // ['Legal framework', 'Regulator', …]
 */
export function sectionRadar(
  questionnaire: QuestionnaireResult,
  locale: Locale = 'en',
  options: RadarOptions = {}
): ChartPlan {
  return currentAgainstTarget(
    questionnaire.sections,
    m.results_chart_radar_sections({ questionnaire: questionnaire.title }, { locale }),
    locale,
    options
  );
}

/**
 * The gap to target of every scored section of the assessment, in points, largest first; a
 * section is named with its questionnaire, since two questionnaires may share a section title.
 * Sections without a gap (nothing scored) are left out; equal gaps keep questionnaire order.
 * @example sectionGapBars(result).data.labels[0] // 'Regulator (Privacy and data protection)'
 */
export function sectionGapBars(result: AssessmentResult, locale: Locale = 'en'): ChartPlan {
  const rows = result.questionnaires
    .flatMap((q) =>
      q.sections.map((s) => ({
        label: String(
          m.results_chart_section_of({ section: s.title, questionnaire: q.title }, { locale })
        ),
        gap: s.gap
      }))
    )
    .filter((r): r is { label: string; gap: number } => r.gap !== null)
    .sort((a, b) => b.gap - a.gap);
  const data: ChartData = {
    labels: rows.map((r) => r.label),
    series: [
      {
        label: m.results_chart_gap_series({}, { locale }),
        values: rows.map((r) => shownPercent(r.gap))
      }
    ]
  };
  return {
    type: 'bar',
    horizontal: true,
    axisLabel: m.results_chart_axis_points({}, { locale }),
    data,
    summary: m.results_chart_gap_summary({}, { locale }),
    table: chartTable(data, '', locale)
  };
}
