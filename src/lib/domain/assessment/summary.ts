import type { AnswerMap, Assessment } from './model';
import type { Questionnaire } from '../questionnaire/schema';
import type { AssessmentResult, Figures } from '../scoring/types';
import { SCORING_RULES_VERSION } from '../scoring/rules-version';
import { summaryScores, type ScopeFigures } from '../scoring/summary-figures';

/** The figures the dashboard and the comparison read without loading answers (docs/architecture.md, "Storage shape"). */
export interface CachedFigures {
  score: number | null;
  targetScore: number | null;
  stage: number | null;
  completion: number | null;
  coverage: number | null;
  provisional: boolean;
}

export interface CachedQuestionnaire extends CachedFigures {
  id: string;
  version: string;
}

export interface SummaryFigures {
  /** The scoring rules these figures were computed with; other versions are stale. */
  rules: number;
  answered: number;
  total: number;
  overall: CachedFigures;
  questionnaires: CachedQuestionnaire[];
}

function cache(f: Figures | ScopeFigures): CachedFigures {
  return {
    score: f.score,
    targetScore: f.targetScore,
    stage: f.stage,
    completion: f.completion,
    coverage: f.coverage,
    provisional: f.provisional
  };
}

/**
 * Reduces a full result to what is cached beside the assessment.
 * @example summaryFigures(scoreAssessment(input)).answered // 42
 */
export function summaryFigures(result: AssessmentResult): SummaryFigures {
  return {
    rules: SCORING_RULES_VERSION,
    answered: result.counts.answered,
    total: result.counts.total,
    overall: cache(result),
    questionnaires: result.questionnaires.map((q) => ({
      id: q.id,
      version: q.version,
      ...cache(q)
    }))
  };
}

/**
 * The summariser the storage layer runs inside its transactions, bound to the questionnaires an
 * assessment pins.
 * @example const summarize = summarizerFor([privacy]); summarize(answers, assessment).answered
 */
export function summarizerFor(
  questionnaires: readonly Questionnaire[]
): (answers: AnswerMap, assessment: Assessment) => SummaryFigures {
  // The same figures as summaryFigures(scoreAssessment(…)), without the screens' detail
  // (docs/performance.md).
  return (answers, assessment) => {
    const scores = summaryScores(questionnaires, answers, assessment.target);
    return {
      rules: SCORING_RULES_VERSION,
      answered: scores.answered,
      total: scores.total,
      overall: cache(scores.overall),
      questionnaires: scores.questionnaires.map((q) => ({
        id: q.id,
        version: q.version,
        ...cache(q)
      }))
    };
  };
}
