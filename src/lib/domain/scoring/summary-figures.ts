/**
 * The figures the cached summary of an assessment keeps (overall and per questionnaire: score,
 * target score, stage, completion, coverage, provisional; answered and total), computed by the
 * rules of `score.ts` without building the per-question results, the gap list or the sections
 * the screens need. Imports and restores score thousands of assessments and every answer click
 * scores one: this is several times faster (docs/performance.md). A property test holds it equal
 * to `scoreAssessment`, figure for figure.
 */
import { answerKey, type AnswerMap } from '../assessment/model';
import type { Questionnaire } from '../questionnaire/schema';
import { PROVISIONAL_BELOW, gatedStage, scaleOf } from './score';

/** The figures of one scope, as `score.ts` computes them (the gap left out). */
export interface ScopeFigures {
  score: number | null;
  targetScore: number | null;
  stage: number | null;
  completion: number | null;
  coverage: number | null;
  provisional: boolean;
}

export interface SummaryScores {
  overall: ScopeFigures;
  questionnaires: (ScopeFigures & { id: string; version: string })[];
  answered: number;
  total: number;
}

interface Counts {
  total: number;
  answered: number;
  scorable: number;
  scored: number;
  na: number;
}

/** What never changes between assessments of one questionnaire: read once, kept per object. */
interface Layout {
  min: number;
  max: number;
  span: number;
  values: number[];
  /** `min,label;…`: two questionnaires share a scale when these are equal (rule 4). */
  scaleId: string;
  sections: {
    weight: number;
    questions: { key: string; q: Questionnaire['sections'][number]['questions'][number] }[];
  }[];
}

const layouts = new WeakMap<Questionnaire, Layout>();

function layoutOf(q: Questionnaire): Layout {
  let layout = layouts.get(q);
  if (!layout) {
    const scale = scaleOf(q);
    layout = {
      min: scale.min,
      max: scale.max,
      span: scale.max - scale.min,
      values: scale.levels.map((l) => l.value),
      scaleId: JSON.stringify(scale.levels.map((l) => [l.value, l.label])),
      sections: q.sections.map((s) => ({
        weight: s.weight,
        questions: s.questions.map((question) => ({
          key: answerKey(q.id, question.id),
          q: question
        }))
      }))
    };
    layouts.set(q, layout);
  }
  return layout;
}

const BINARY_SHARE: Readonly<Record<string, number>> = { no: 0, partial: 0.5, yes: 1 };

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function scopeFigures(
  score: number | null,
  targetScore: number | null,
  stage: number | null,
  c: Counts
): ScopeFigures {
  const coverable = c.scorable - c.na;
  const coverage = coverable <= 0 ? null : c.scored / coverable;
  const provisional = score !== null && (coverage ?? 0) < PROVISIONAL_BELOW;
  return {
    score,
    targetScore,
    // Rule 6 as amended: a provisional scope claims no stage.
    stage: provisional ? null : stage,
    completion: c.total === 0 ? null : c.answered / c.total,
    coverage,
    provisional
  };
}

function scoreOne(
  q: Questionnaire,
  answers: AnswerMap,
  assessmentTarget: number | undefined
): { figures: ScopeFigures; counts: Counts; layout: Layout } {
  const layout = layoutOf(q);
  const { min, max, span } = layout;
  const counts: Counts = { total: 0, answered: 0, scorable: 0, scored: 0, na: 0 };
  const stageEntries: { level: number; weight: number }[] = [];
  // Section means, summed in the same order as score.ts so every figure is the same float.
  let qSumW = 0;
  let qSum = 0;
  let qSumT = 0;
  for (const section of layout.sections) {
    let sumW = 0;
    let sum = 0;
    let sumT = 0;
    const maturity: { level: number; weight: number }[] = [];
    for (const { key, q: question } of section.questions) {
      const answer = answers[key];
      const state = answer?.state;
      counts.total++;
      if (
        state === 'level' ||
        state === 'unknown' ||
        state === 'restricted' ||
        (state === 'na' && question.naAllowed)
      ) {
        counts.answered++;
      }
      if (!question.scored) continue;
      counts.scorable++;
      if (state === 'na' && question.naAllowed) {
        counts.na++;
        continue;
      }
      if (state !== 'level' || answer!.level === undefined) continue;
      const raw = answer!.level;
      let score: number;
      let targetScore: number;
      if (question.type === 'binary') {
        if (typeof raw !== 'string') continue;
        score = BINARY_SHARE[raw] as number;
        targetScore = 1;
      } else {
        if (typeof raw !== 'number') continue;
        const target = clamp(answer!.target ?? assessmentTarget ?? q.defaultTarget, min, max);
        const level = clamp(raw, min, max);
        score = (level - min) / span;
        targetScore = (Math.max(target, level) - min) / span;
        maturity.push({ level, weight: question.weight });
      }
      counts.scored++;
      sumW += question.weight;
      sum += question.weight * score;
      sumT += question.weight * targetScore;
    }
    if (maturity.length > 0) {
      const w = maturity.reduce((n, e) => n + e.weight, 0);
      for (const e of maturity) {
        stageEntries.push({ level: e.level, weight: (section.weight * e.weight) / w });
      }
    }
    if (sumW > 0) {
      qSumW += section.weight;
      qSum += section.weight * (sum / sumW);
      qSumT += section.weight * (sumT / sumW);
    }
  }
  const score = qSumW > 0 ? qSum / qSumW : null;
  const targetScore = qSumW > 0 ? qSumT / qSumW : null;
  const stage = gatedStage(stageEntries, layout.values);
  return { figures: scopeFigures(score, targetScore, stage, counts), counts, layout };
}

/**
 * The summary figures of one assessment: the same numbers as `scoreAssessment` gives for the
 * overall scope and each questionnaire.
 * @example summaryScores([privacy], answers, undefined).overall.score // 0.4375 or null
 */
export function summaryScores(
  questionnaires: readonly Questionnaire[],
  answers: AnswerMap,
  target: number | undefined
): SummaryScores {
  const parts = questionnaires.map((q) => scoreOne(q, answers, target));
  const total: Counts = { total: 0, answered: 0, scorable: 0, scored: 0, na: 0 };
  const scores: number[] = [];
  const targets: number[] = [];
  const stages: number[] = [];
  for (const { figures, counts } of parts) {
    total.total += counts.total;
    total.answered += counts.answered;
    total.scorable += counts.scorable;
    total.scored += counts.scored;
    total.na += counts.na;
    if (figures.score !== null) {
      scores.push(figures.score);
      targets.push(figures.targetScore!);
    }
    if (figures.stage !== null) stages.push(figures.stage);
  }
  const mean = (values: number[]) =>
    values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  const first = parts[0]?.layout.scaleId;
  const shared = first !== undefined && parts.every((p) => p.layout.scaleId === first);
  // A provisional questionnaire counted in the overall leaves the overall without a stage.
  const anyProvisional = parts.some(({ figures }) => figures.provisional);
  const stage = shared && stages.length > 0 && !anyProvisional ? Math.min(...stages) : null;
  return {
    overall: scopeFigures(mean(scores), mean(targets), stage, total),
    questionnaires: parts.map(({ figures }, i) => ({
      id: questionnaires[i]!.id,
      version: questionnaires[i]!.version,
      ...figures
    })),
    answered: total.answered,
    total: total.total
  };
}
