/**
 * The country report as a document plan (issue 5): cover, narrative, summary, charts, a part per
 * questionnaire, the optional appendix of every answer, and the method. Every figure comes from
 * the scoring result and is formatted as on the results screen; nothing is computed here.
 */
import {
  questionnaireRadar,
  RADAR_MIN_AXES,
  sectionGapBars,
  sectionRadar
} from '$lib/charts/results-charts';
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import { formatPercent } from '$lib/domain/scoring/display';
import { recommendationFor } from '$lib/domain/scoring/explain';
import {
  STATUS_LABELS,
  type AssessmentResult,
  type QuestionResult,
  type QuestionnaireResult
} from '$lib/domain/scoring/types';
import {
  DRAFT_WATERMARK,
  levelText,
  levelValueText,
  percentText,
  provenanceNote,
  scoreText,
  stageText,
  targetText,
  TLP_COLOURS
} from './labels';
import { chartBlock } from './chart-block';
import { appendixBlocks } from './country-appendix';
import { coverBlocks, narrativeBlocks } from './country-cover';
import { methodBlocks } from './method';
import type { Block, Cell, ColumnSpec, ReportDocument, TableRow } from './document/model';

export interface CountryReportInput {
  assessment: Assessment;
  /** The assessment's questionnaires at their pinned versions, in its order. */
  questionnaires: Questionnaire[];
  answers: AnswerMap;
  /** scoreAssessment's result for exactly these questionnaires and answers. */
  result: AssessmentResult;
  /** The appendix lists every answer, evidence and comment; leave it out for a report that travels. */
  includeAppendix: boolean;
  /** YYYY-MM-DD, printed on the cover. */
  madeOn: string;
}

const GAP_COLUMNS: ColumnSpec[] = [
  { header: '#', width: 8, align: 'right' },
  { header: 'Question', width: 62 },
  { header: 'Now', width: 22 },
  { header: 'Target', width: 22 },
  { header: 'Priority', width: 15, align: 'right' },
  { header: 'Next step' }
];

class Context {
  readonly byId: Map<string, Questionnaire>;

  constructor(readonly input: CountryReportInput) {
    this.byId = new Map(input.questionnaires.map((q) => [q.id, q]));
  }

  sectionTitle(r: QuestionResult): string {
    return (
      this.byId.get(r.questionnaireId)?.sections.find((s) => s.id === r.sectionId)?.title ??
      r.sectionId
    );
  }

  gapRows(gaps: QuestionResult[], withPlace: boolean): TableRow[] {
    return gaps.map((g, i) => {
      const q = this.byId.get(g.questionnaireId);
      const place = withPlace
        ? `${q?.title ?? g.questionnaireId} · ${this.sectionTitle(g)} · [${g.questionId}]`
        : `${this.sectionTitle(g)} · [${g.questionId}]`;
      return {
        cells: [
          String(i + 1),
          `${g.text}\n${place}`,
          levelValueText(q, g.level),
          targetText(q, g.target),
          g.priority!.toFixed(2),
          recommendationFor(q, g) ?? '—'
        ],
        where: `the questionnaire text of question ${g.questionId}`
      };
    });
  }
}

function summaryRow(
  title: string,
  r: QuestionnaireResult | AssessmentResult,
  scale: QuestionnaireResult['scale'] | null,
  bold: boolean
): TableRow {
  const first: Cell = bold ? { text: title, bold: true } : title;
  return {
    cells: [
      first,
      scoreText(r),
      levelText(r, scale),
      stageText(r.stage, scale),
      percentText(r.completion),
      percentText(r.coverage),
      formatPercent(r.targetScore, '—'),
      formatPercent(r.gap, '—')
    ],
    where: `the title of ${title}`
  };
}

function summary(ctx: Context): Block[] {
  const { result } = ctx.input;
  const c = result.counts;
  const anyProvisional = [result, ...result.questionnaires].some(
    (r) => r.provisional && r.score !== null
  );
  const top = result.gapList.slice(0, 10);
  return [
    { kind: 'heading', level: 1, text: 'Summary', newPage: true, bookmark: true },
    {
      kind: 'table',
      columns: [
        { header: 'Scope' },
        { header: 'Score (0–100)', width: 21, align: 'right' },
        { header: 'Equivalent level', width: 21, align: 'right' },
        { header: 'Stage', width: 21 },
        { header: 'Completion', width: 23, align: 'right' },
        { header: 'Coverage', width: 20, align: 'right' },
        { header: 'Target score', width: 16, align: 'right' },
        { header: 'Gap', width: 12, align: 'right' }
      ],
      rows: [
        summaryRow('Overall', result, result.scale, true),
        ...result.questionnaires.map((q) => summaryRow(q.title, q, q.scale, false))
      ]
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text:
        'The overall score is the plain mean of the questionnaire scores; the overall stage is ' +
        'the lowest questionnaire stage. The gap is the target score minus the score, in points.' +
        (anyProvisional
          ? ' (prov.) = provisional: fewer than 70% of the questions that can be scored have a ' +
            'level, so the score may still move a good deal.'
          : '')
    },
    {
      kind: 'paragraph',
      text:
        `${c.answered} of ${c.total} questions answered (${c.scored} counted in the scores). ` +
        `Evidence gaps: ${c.unknown} answered "don't know", ${c.unanswered} not answered; ` +
        `${c.restricted} cannot be disclosed; ${c.na} not applicable.`
    },
    { kind: 'heading', level: 2, text: 'The ten highest-priority gaps' },
    ...(top.length === 0
      ? [{ kind: 'paragraph', text: 'No counted question is below its target.' } as const]
      : [
          {
            kind: 'paragraph',
            tone: 'muted',
            text:
              'Questions below their target, highest priority first. Priority = the gap as a ' +
              'share of the scale × question weight × section weight.'
          } as const,
          {
            kind: 'table',
            dense: true,
            columns: GAP_COLUMNS,
            rows: ctx.gapRows(top, true)
          } as const
        ])
  ];
}

function charts(ctx: Context): Block[] {
  const { result } = ctx.input;
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 1,
      text: 'Where we are and where we aim',
      newPage: true,
      bookmark: true
    }
  ];
  // With fewer than three questionnaires each part has its own radar of sections instead.
  if (result.questionnaires.length >= RADAR_MIN_AXES) {
    blocks.push(chartBlock(questionnaireRadar(result), 640, 480, 'Numbers: the summary table.'));
  } else {
    blocks.push({
      kind: 'paragraph',
      tone: 'muted',
      text: 'A radar needs three questionnaires; the part of each questionnaire below has a radar of its sections.'
    });
  }
  const gaps = sectionGapBars(result);
  if (gaps.data.labels.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No section has a score yet.' });
  } else {
    // Half of 900 pixels holds labels of two lines (charts.ts, LABEL_LINE); 40 pixels a bar
    // keeps two-line labels apart, and 30 sections still fit one page.
    const height = Math.max(140, 40 * gaps.data.labels.length + 70);
    blocks.push(
      chartBlock(gaps, 900, height, 'Numbers: the section tables of each questionnaire.')
    );
  }
  return blocks;
}

function questionnairePart(ctx: Context, q: QuestionnaireResult): Block[] {
  const gaps = ctx.input.result.gapList.filter((g) => g.questionnaireId === q.id);
  const evidence = ctx.input.result.evidenceGaps.filter((g) => g.questionnaireId === q.id);
  const restricted = ctx.input.result.restricted.filter((g) => g.questionnaireId === q.id);
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 1,
      text: q.title,
      newPage: true,
      bookmark: true,
      where: `the title of questionnaire ${q.id}`
    },
    {
      kind: 'paragraph',
      text:
        `Version ${q.version}. Score ${formatPercent(q.score, '—')} of 100` +
        `${q.provisional && q.score !== null ? ' (provisional)' : ''}, equivalent to level ` +
        `${levelText(q, q.scale)}; stage ${stageText(q.stage, q.scale)}; completion ` +
        `${percentText(q.completion)}; coverage ${percentText(q.coverage)}.`
    },
    { kind: 'heading', level: 2, text: 'Section scores' },
    {
      kind: 'table',
      columns: [
        { header: 'Section' },
        { header: 'Score', width: 24, align: 'right' },
        { header: 'Target', width: 15, align: 'right' },
        { header: 'Gap', width: 12, align: 'right' },
        { header: 'Stage', width: 22 },
        { header: 'Completion', width: 23, align: 'right' },
        { header: 'Coverage', width: 20, align: 'right' }
      ],
      rows: q.sections.map((s) => ({
        cells: [
          s.weight === 1 ? s.title : `${s.title} (weight ${s.weight})`,
          scoreText(s),
          formatPercent(s.targetScore, '—'),
          formatPercent(s.gap, '—'),
          stageText(s.stage, q.scale),
          percentText(s.completion),
          percentText(s.coverage)
        ],
        where: `a section title of ${q.title}`
      }))
    }
  ];
  if (q.sections.length >= RADAR_MIN_AXES) {
    blocks.push(chartBlock(sectionRadar(q), 640, 440, 'Numbers: the section scores above.'));
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Gaps and recommendations' });
  if (gaps.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No counted question is below its target.' });
  } else {
    blocks.push({
      kind: 'table',
      dense: true,
      columns: GAP_COLUMNS,
      rows: ctx.gapRows(gaps, false)
    });
  }
  if (evidence.length > 0 || restricted.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, text: 'Evidence gaps' },
      {
        kind: 'paragraph',
        tone: 'muted',
        text: 'Questions without a level that could have one. Answering them makes the score firmer.'
      },
      {
        kind: 'table',
        dense: true,
        columns: [{ header: 'Question' }, { header: 'Why it does not count', width: 55 }],
        rows: [...evidence, ...restricted].map((g) => ({
          cells: [`${g.text} [${g.questionId}]`, STATUS_LABELS[g.status]],
          where: `the questionnaire text of question ${g.questionId}`
        }))
      }
    );
  }
  return blocks;
}

/**
 * The country report of one assessment.
 * @example buildCountryReport({ assessment, questionnaires, answers, result, includeAppendix: true, madeOn: '2026-11-28' })
 */
export function buildCountryReport(input: CountryReportInput): ReportDocument {
  const ctx = new Context(input);
  const a = input.assessment;
  const country = countryName(a.country);
  const blocks: Block[] = [
    ...coverBlocks(a, input.questionnaires, input.madeOn),
    ...narrativeBlocks(a),
    ...summary(ctx),
    ...charts(ctx),
    ...input.result.questionnaires.flatMap((q) => questionnairePart(ctx, q)),
    ...(input.includeAppendix ? appendixBlocks(input.questionnaires, input.answers) : []),
    ...methodBlocks()
  ];
  return {
    title: `${country}: ${a.title} — country report`,
    subject: 'National cybersecurity self-assessment — country report',
    decor: {
      headerLeft: `${country} · ${a.date}`,
      classification: `TLP:${a.classification}`,
      classificationColour: TLP_COLOURS[a.classification],
      footer: provenanceNote(a),
      watermark: a.status === 'draft' ? DRAFT_WATERMARK : null
    },
    blocks
  };
}
