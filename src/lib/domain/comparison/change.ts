/**
 * The change from one assessment to another (docs/scoring.md, comparison rules): per shared
 * questionnaire and overall, as an unrounded difference of shares, shown once in points.
 */
import { shownPercent } from '../scoring/display';
import {
  compareAssessments,
  type ComparisonItem,
  type ComparisonRow,
  type RankedScore
} from './compare-assessments';

/**
 * Delta = score − baseline (rule 10), returned as an unrounded difference of shares: 0.05 is
 * 5 percentage points. Show it with `shownPercent` / `formatPoints`, which multiply by 100 and
 * round once — never subtract two rounded figures. Null when either side is null.
 * @example delta(0.625, 0.5) // 0.125, shown as 12.5 points
 */
export function delta(score: number | null, baseline: number | null): number | null {
  return score === null || baseline === null ? null : score - baseline;
}

export interface Change {
  before: number | null;
  after: number | null;
  /** after − before as a share difference (see `delta`). */
  delta: number | null;
  /** `delta` in percentage points, rounded once (rule 5). */
  shownDelta: number | null;
  /** Either side is provisional: show the change as such, never as a firm movement. */
  provisional: boolean;
  /** A version differs between the two sides. */
  seriesBreak: boolean;
}

export interface QuestionnaireChange extends Change {
  questionnaireId: string;
  versionBefore: string;
  versionAfter: string;
}

export interface ChangeBetween {
  questionnaires: QuestionnaireChange[];
  /** Over the questionnaires both share (rule 4). */
  overall: Change;
  /** Questionnaires only one side has: no change can be given. */
  notShared: string[];
}

function change(before: RankedScore, after: RankedScore, seriesBreak: boolean): Change {
  const d = delta(after.score, before.score);
  return {
    before: before.score,
    after: after.score,
    delta: d,
    shownDelta: shownPercent(d),
    provisional: before.provisional || after.provisional,
    seriesBreak
  };
}

/**
 * The change from a baseline `a` to `b` per shared questionnaire and overall: two assessments of
 * one country over time, or a country against another.
 * @example changeBetween(ke2024, ke2026).overall.shownDelta // 13.8 (points)
 */
export function changeBetween(a: ComparisonItem, b: ComparisonItem): ChangeBetween {
  const comparison = compareAssessments([a, b]);
  const [before, after] = comparison.rows as [ComparisonRow, ComparisonRow | undefined];
  // A side left out of a core-set comparison (no core set in its version): no change to give.
  if (!after) {
    const none: RankedScore = { score: null, shown: null, provisional: false, rank: null };
    return {
      questionnaires: [],
      overall: change(none, none, false),
      notShared: [...new Set([...a.questionnaires, ...b.questionnaires].map((q) => q.id))]
    };
  }
  const questionnaires = comparison.questionnaires.map((q, j): QuestionnaireChange => {
    const x = before.cells[j]!;
    const y = after.cells[j]!;
    return {
      questionnaireId: q.id,
      versionBefore: x.version,
      versionAfter: y.version,
      ...change(x, y, x.version !== y.version)
    };
  });
  return {
    questionnaires,
    overall: change(
      before.overall,
      after.overall,
      questionnaires.some((q) => q.seriesBreak)
    ),
    notShared: comparison.notShared.map((n) => n.id)
  };
}
