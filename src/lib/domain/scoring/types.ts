import type { BinaryValue } from '../questionnaire/schema';
import type { CapEffect } from './cap';

/** Why a question did or did not count in a score (the explanation behind every figure). */
export type QuestionStatus =
  'scored' | 'na' | 'unknown' | 'restricted' | 'unanswered' | 'not-scored';

export const STATUS_LABELS: Record<QuestionStatus, string> = {
  scored: 'counted',
  na: 'left out: not applicable',
  unknown: "left out: don't know",
  restricted: 'left out: cannot be disclosed',
  unanswered: 'left out: not answered',
  'not-scored': 'left out: context question, never scored'
};

export interface QuestionResult {
  questionnaireId: string;
  sectionId: string;
  questionId: string;
  text: string;
  type: 'maturity' | 'binary' | 'choice';
  status: QuestionStatus;
  /** Question weight w (within its section). */
  weight: number;
  /** Section weight W. */
  sectionWeight: number;
  level: number | BinaryValue | null;
  /** Effective target (rule 8): own, else assessment, else default; binary: yes. */
  target: number | BinaryValue;
  /** Share 0–1, null unless scored. */
  score: number | null;
  /** Share 0–1 of max(target, level), null unless scored. */
  targetScore: number | null;
  /** Gap in scale levels (binary: 1 for no, 0.5 for partial), null unless scored. */
  gap: number | null;
  normalisedGap: number | null;
  priority: number | null;
  /**
   * Rule 11: set when a safeguard cap lowered the chosen level; `level` is then the counted one.
   * Optional so results built by hand (tests, fixtures) need not name it.
   */
  capped?: CapEffect | null;
  /** Indices for the stable tie-break of the gap list: questionnaire, section, question. */
  order: [number, number, number];
}

export interface Counts {
  /** Every question, context ones included. */
  total: number;
  answered: number;
  /** Questions with `scored` not false. */
  scorable: number;
  scored: number;
  na: number;
  unknown: number;
  restricted: number;
  unanswered: number;
  notScored: number;
}

/** The figures every scope has (rules 2–8). Shares are 0–1 and unrounded. */
export interface Figures {
  score: number | null;
  targetScore: number | null;
  gap: number | null;
  /** Scale value of the gated stage, null when no scored maturity question. */
  stage: number | null;
  completion: number | null;
  coverage: number | null;
  provisional: boolean;
  counts: Counts;
}

export interface ScaleInfo {
  min: number;
  max: number;
  levels: { value: number; label: string }[];
}

export interface SectionResult extends Figures {
  id: string;
  title: string;
  weight: number;
  questions: QuestionResult[];
}

export interface QuestionnaireResult extends Figures {
  id: string;
  version: string;
  title: string;
  scale: ScaleInfo;
  sections: SectionResult[];
}

export interface AssessmentResult extends Figures {
  questionnaires: QuestionnaireResult[];
  /** The common scale when every questionnaire uses the same one, else null. */
  scale: ScaleInfo | null;
  /** Rule 9: scored questions with a gap, highest priority first. */
  gapList: QuestionResult[];
  /** Unknown and unanswered questions. */
  evidenceGaps: QuestionResult[];
  /** Questions that cannot be disclosed, listed apart. */
  restricted: QuestionResult[];
}
