/**
 * One country's scores over time, per questionnaire and overall (docs/scoring.md, comparison
 * rules): the points a trend chart draws, with series breaks where a questionnaire version
 * changes and provisional points kept out of the line.
 */
import { compareVersions } from '../questionnaire/version';
import { shownPercent } from '../scoring/display';
import { onBasis } from './basis';
import { byId, compareAssessments, counts, type ComparisonItem } from './compare-assessments';
import { chronological } from './order';

export interface TrendPoint {
  assessmentId: string;
  date: string;
  title: string;
  score: number | null;
  shown: number | null;
  provisional: boolean;
  /** The questionnaire version (or, for the overall, any shared one) differs from the previous point's. */
  seriesBreak: boolean;
  /** Drawn in the trend line: a score that is not provisional (rule 7). Other points are still listed. */
  inLine: boolean;
}

export interface QuestionnaireTrendPoint extends TrendPoint {
  version: string;
}

export interface TrendSeries {
  questionnaireId: string;
  versions: string[];
  seriesBreak: boolean;
  /** Oldest first; only assessments that include the questionnaire. */
  points: QuestionnaireTrendPoint[];
}

export interface Trend {
  /** In order of first appearance, oldest assessment first. */
  questionnaires: TrendSeries[];
  /** Overall over the questionnaires every assessment of the trend shares (rule 4). */
  overall: { questionnaireIds: string[]; seriesBreak: boolean; points: TrendPoint[] };
}

/**
 * One country's scores over time, per questionnaire and overall. Points are ordered as in
 * `latestPerCountry` (date, then `updatedAt`, title, id). A point whose version differs from the
 * previous point's marks a series break; provisional and null points are listed with
 * `inLine: false` so a chart leaves them out of the line (rule 7).
 * @example trend([ke2024, ke2026]).questionnaires[0].points.map((p) => p.shown) // [41.3, 55]
 */
export function trend(items: readonly ComparisonItem[]): Trend {
  const ordered = [...items].sort(chronological);
  // Rule 10: beside a core assessment, every line is drawn on the core set, as the overall is.
  const based = onBasis(ordered).items;
  const series = new Map<string, QuestionnaireTrendPoint[]>();
  for (const item of based) {
    for (const q of byId(item).values()) {
      const points = series.get(q.id) ?? [];
      const previous = points[points.length - 1];
      points.push({
        assessmentId: item.id,
        date: item.date,
        title: item.title,
        version: q.version,
        score: q.score,
        shown: shownPercent(q.score),
        provisional: q.provisional,
        seriesBreak: previous !== undefined && previous.version !== q.version,
        inLine: counts(q)
      });
      series.set(q.id, points);
    }
  }

  const comparison = compareAssessments(ordered);
  const overallPoints = comparison.rows.map((row, i): TrendPoint => {
    const previous = comparison.rows[i - 1];
    return {
      assessmentId: row.id,
      date: row.date,
      title: row.title,
      score: row.overall.score,
      shown: row.overall.shown,
      provisional: row.overall.provisional,
      seriesBreak:
        previous !== undefined &&
        row.cells.some((cell, j) => cell.version !== previous.cells[j]!.version),
      inLine: counts(row.overall)
    };
  });

  return {
    questionnaires: [...series].map(([questionnaireId, points]) => {
      const versions = [...new Set(points.map((p) => p.version))].sort(compareVersions);
      return { questionnaireId, versions, seriesBreak: versions.length > 1, points };
    }),
    overall: {
      questionnaireIds: comparison.questionnaires.map((q) => q.id),
      seriesBreak: overallPoints.some((p) => p.seriesBreak),
      points: overallPoints
    }
  };
}
