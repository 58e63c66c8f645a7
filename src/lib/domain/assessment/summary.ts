import type { AnswerMap, Assessment } from './model';
import type { Questionnaire } from '../questionnaire/schema';
import { hasCoreSet, scopeOf, type AssessmentScope } from '../questionnaire/core';
import { scoreFigures, type AssessmentFigures } from '../scoring/score';
import type { Figures } from '../scoring/types';
import { SCORING_RULES_VERSION } from '../scoring/rules-version';

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
  /**
   * Rule 10 compares a mix of full and core assessments on the core set: the figures over the
   * core questions, cached beside the assessment's own (which are these for a core assessment).
   * Absent when no pinned questionnaire has a core set.
   */
  core?: CoreFigures;
}

export interface CoreFigures {
  answered: number;
  total: number;
  overall: CachedFigures;
  questionnaires: CachedQuestionnaire[];
}

function cache(f: Figures): CachedFigures {
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
 * Reduces a result (full or figures-only, `scoring/score.ts`) to what is cached beside the
 * assessment.
 * @example summaryFigures(scoreAssessment(input)).answered // 42
 */
export function summaryFigures(
  result: AssessmentFigures,
  core?: AssessmentFigures | null
): SummaryFigures {
  return {
    rules: SCORING_RULES_VERSION,
    ...coreFigures(result),
    ...(core ? { core: coreFigures(core) } : {})
  };
}

function coreFigures(result: AssessmentFigures): CoreFigures {
  return {
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

/** What the summary reads of an assessment besides its answers and questionnaires. */
export type SummaryInput = Pick<Assessment, 'target' | 'scope'>;

/**
 * The summariser the storage layer runs inside its transactions, bound to the questionnaires an
 * assessment pins.
 * @example const summarize = summarizerFor([privacy]); summarize(answers, assessment).answered
 */
export function summarizerFor(
  questionnaires: readonly Questionnaire[]
): (answers: AnswerMap, assessment: SummaryInput) => SummaryFigures {
  const withCore = questionnaires.some(hasCoreSet);
  // The scoring's figures-only mode: the same numbers as the screens', without their detail.
  const figuresOf = (answers: AnswerMap, assessment: SummaryInput, scope: AssessmentScope) =>
    coreFigures(scoreFigures({ questionnaires, answers, target: assessment.target, scope }));
  return (answers, assessment) => {
    const scope = scopeOf(assessment);
    const own = figuresOf(answers, assessment, scope);
    if (!withCore) return { rules: SCORING_RULES_VERSION, ...own };
    const core = scope === 'core' ? own : figuresOf(answers, assessment, 'core');
    return { rules: SCORING_RULES_VERSION, ...own, core };
  };
}
