/**
 * The one-page method of the reports: docs/scoring.md in plain words, as the "About the method"
 * screen (src/routes/method/+page.svelte) explains it. When a scoring rule changes, change both.
 */
import { PROVISIONAL_BELOW, STAGE_SHARE } from '$lib/domain/scoring/score';
import type { Block } from './document/model';

const percent = (share: number) => `${Math.round(share * 100)}%`;

const RULES: [string, string][] = [
  [
    'Question',
    'A question counts when it is scored (context questions never are) and has a level. A level ' +
      'scores (level – lowest) ÷ (highest – lowest): on the 1–5 scale level 1 is 0, level 3 is 0.5 ' +
      'and level 5 is 1. Yes, partly and no score 1, 0.5 and 0.'
  ],
  [
    'Section',
    'The weighted mean of its counted questions. A section where no question counts has no ' +
      'score, which is not the same as a score of zero.'
  ],
  ['Questionnaire', 'The weighted mean of its sections that have a score.'],
  [
    'Overall',
    'The plain mean of the questionnaire scores: questionnaires are not weighted, so overall ' +
      'scores of different countries compare like with like.'
  ],
  [
    'Display',
    'Shares are shown from 0 to 100 with one decimal, rounded half away from zero (13.75 becomes 13.8); ' +
      'gaps and means are computed before rounding and rounded once. The equivalent level puts ' +
      'the score back on the scale, e.g. 2.4 of 5.'
  ],
  [
    'Stage',
    `The highest level reached by questions holding at least ${percent(STAGE_SHARE)} of the ` +
      'weight (within a section each question weighs its share of the section weight). A stage ' +
      'counts only when it is broadly reached, so one weak area holds it back. The overall stage ' +
      'is the lowest questionnaire stage. Yes/no questions do not set the stage.'
  ],
  [
    'Completion and coverage',
    'Completion is the share of all questions with any answer (a level, N/A, don’t know or ' +
      'cannot disclose). Coverage is the share of the questions that could be scored, N/A ones ' +
      `left out, that have a level. A score with coverage below ${percent(PROVISIONAL_BELOW)} is ` +
      'provisional: marked so everywhere and left out of comparisons’ ranks and means.'
  ],
  [
    'Target and gap',
    'Each level question has a target: its own, else the assessment’s, else the questionnaire’s ' +
      'default; a yes/no question’s target is yes. The target score raises every counted ' +
      'question to its target (never lowers it); the gap is the target score minus the score, in points.'
  ],
  [
    'Priorities',
    'Counted questions below their target are listed by priority: the gap as a share of the ' +
      'scale × question weight × section weight; ties go to the larger gap, then to the order of ' +
      'the questionnaires. “Don’t know” and unanswered questions are evidence gaps.'
  ]
];

/** The method page, starting on a page of its own. */
export function methodBlocks(): Block[] {
  return [
    {
      kind: 'heading',
      level: 1,
      text: 'How the scores are calculated',
      newPage: true,
      bookmark: true
    },
    {
      kind: 'paragraph',
      text:
        'This self-assessment is inspired by the Oxford Global Cyber Security Capacity Centre’s ' +
        'Cybersecurity Capacity Maturity Model (CMM) and its five stages: Start-up, Formative, ' +
        'Established, Strategic and Dynamic. The scores describe what the people who answered ' +
        'reported; they are not an independent review and not a CMM review.'
    },
    {
      kind: 'table',
      dense: true,
      columns: [{ header: 'Step', width: 38, bold: true }, { header: 'Rule' }],
      rows: RULES.map(([step, rule]) => ({ cells: [step, rule] }))
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text:
        'Every figure in this report comes from the same calculation as the app’s results screen ' +
        'and its CSV export, so the three always agree.'
    }
  ];
}
