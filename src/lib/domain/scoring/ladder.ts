/**
 * The stage ladder (docs/scoring.md, "6. Stage"): a questionnaire's scale as rungs, with where
 * the scope stands ("we are here", only when it has a stage) and where it aims ("we aim here").
 * Plain data shared by the results screen, the country report and the executive brief, which
 * each draw it their own way.
 */
import { gatedStage } from './score';
import { stageClaim, type StageClaim } from './display';
import type { AssessmentResult, QuestionnaireResult, ScaleInfo, SectionResult } from './types';

export interface LadderRung {
  value: number;
  /** The scale's label as the questionnaire writes it (screens translate the five CMM names). */
  label: string;
  here: boolean;
  aim: boolean;
}

export interface StageLadder {
  /** The questionnaire's id, or null for the overall ladder. */
  id: string | null;
  title: string;
  /** Lowest first, in scale order. */
  rungs: LadderRung[];
  /** The stage reached; null when there is none (see `claim` for why). */
  here: number | null;
  /** The stage the targets reach; null when no maturity question can be scored. */
  aim: number | null;
  /** The stage, "not enough answers yet (n of m)", or nothing. */
  claim: StageClaim;
}

/** Target stage weights of one section: every scorable, non-N/A maturity question, W·wᵢ/Σw. */
function aimEntries(section: SectionResult): { level: number; weight: number }[] {
  const counted = section.questions.filter(
    (q) =>
      q.type === 'maturity' &&
      q.status !== 'not-scored' &&
      q.status !== 'na' &&
      typeof q.target === 'number'
  );
  const sumW = counted.reduce((n, q) => n + q.weight, 0);
  return counted.map((q) => ({
    level: Math.max(q.target as number, typeof q.level === 'number' ? q.level : -Infinity),
    weight: (section.weight * q.weight) / sumW
  }));
}

/**
 * The stage the targets of a questionnaire reach: rule 6's gate over each maturity question at
 * max(target, level), answered or not (N/A and context questions left out).
 * @example aimStage(privacyResult) // 3 with the default target 3 and no own targets
 */
export function aimStage(q: QuestionnaireResult): number | null {
  return gatedStage(
    q.sections.flatMap(aimEntries),
    q.scale.levels.map((l) => l.value)
  );
}

function rungs(scale: ScaleInfo, here: number | null, aim: number | null): LadderRung[] {
  return [...scale.levels]
    .sort((a, b) => a.value - b.value)
    .map((l) => ({ value: l.value, label: l.label, here: l.value === here, aim: l.value === aim }));
}

/**
 * One questionnaire's ladder.
 * @example stageLadder(privacyResult).claim // { kind: 'provisional', n: 1, m: 31 }
 */
export function stageLadder(q: QuestionnaireResult): StageLadder {
  const aim = aimStage(q);
  return {
    id: q.id,
    title: q.title,
    rungs: rungs(q.scale, q.stage, aim),
    here: q.stage,
    aim,
    claim: stageClaim(q)
  };
}

/**
 * The overall ladder, when the questionnaires share one scale (else null): here is the overall
 * stage, the aim the lowest questionnaire aim (the weakest link, as for the stage).
 * @example overallLadder(result, 'Overall')?.here // 2
 */
export function overallLadder(result: AssessmentResult, title: string): StageLadder | null {
  if (result.scale === null) return null;
  const aims = result.questionnaires.map(aimStage).filter((a): a is number => a !== null);
  const aim = aims.length > 0 ? Math.min(...aims) : null;
  return {
    id: null,
    title,
    rungs: rungs(result.scale, result.stage, aim),
    here: result.stage,
    aim,
    claim: stageClaim(result, result.questionnaires)
  };
}
