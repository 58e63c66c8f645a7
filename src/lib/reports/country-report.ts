/**
 * The country report as a document plan (issue 5): cover, narrative, summary, charts, a part per
 * questionnaire, the optional appendix of every answer, and the method. Every figure comes from
 * the scoring result and is formatted as on the results screen; nothing is computed here.
 */
import { questionnaireRadar, sectionGapBars, sectionRadar } from '$lib/charts/results-charts';
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import { scopedQuestionnaires } from '$lib/domain/questionnaire/core';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import { capText, nextStep } from './next-step';
import { stageClaim } from '$lib/domain/scoring/display';
import type {
  AssessmentResult,
  QuestionResult,
  QuestionnaireResult
} from '$lib/domain/scoring/types';
import { countryNameIn } from '$lib/format/countries';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import {
  draftWatermark,
  levelText,
  levelValueText,
  percentText,
  provenanceNote,
  provisionalThreshold,
  scoreText,
  basedOnText,
  shareText,
  stageClaimText,
  statusText,
  targetText,
  TLP_COLOURS
} from './labels';
import { chartBlock, isEmptyChart } from './chart-block';
import { appendixBlocks } from './country-appendix';
import { contextFactBlocks } from './country-context';
import { ladderRows } from './brief-parts';
import { coverBlocks, narrativeBlocks } from './country-cover';
import { methodBlocks } from './method';
import type { Block, Cell, ColumnSpec, Paper, ReportDocument, TableRow } from './document/model';
import { languageOf } from '$lib/domain/assessment/language';
import { inReport, inReportLocale, reportLocale } from './report-locale';

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
  /** A4 when not given. */
  paper?: Paper;
}

/** The columns of a gap table, in the interface language. */
function gapColumns(): ColumnSpec[] {
  return [
    { header: '#', width: 8, align: 'right' },
    { header: m.reports_col_question({}, inReport()), width: 62 },
    { header: m.reports_col_now({}, inReport()), width: 22 },
    { header: m.reports_col_target({}, inReport()), width: 22 },
    { header: m.reports_col_priority({}, inReport()), width: 15, align: 'right' },
    { header: m.reports_col_next_step({}, inReport()) }
  ];
}

/** A priority with two decimals, as the results screen's gap list: "0.38", "0,38". */
function priorityText(priority: number): string {
  return new Intl.NumberFormat(reportLocale(), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2
  }).format(priority);
}

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
      // Question ids are for machines: only the appendix prints them.
      const place = withPlace
        ? `${q?.title ?? g.questionnaireId} · ${this.sectionTitle(g)}`
        : this.sectionTitle(g);
      return {
        cells: [
          formatNumber(i + 1, reportLocale()),
          `${g.text}\n${place}`,
          // Rule 11: the chosen level, then what it counts as and why.
          g.capped && q
            ? `${levelValueText(q, g.capped.chosen)}\n${capText(q, g.capped)}`
            : levelValueText(q, g.level),
          targetText(q, g.target),
          priorityText(g.priority!),
          nextStep(q, g)
        ],
        where: m.reports_where_question_text({ id: g.questionId }, inReport())
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
  const parts = 'questionnaires' in r ? r.questionnaires : [];
  return {
    cells: [
      first,
      scoreText(r),
      levelText(r, scale),
      stageClaimText(stageClaim(r, parts), scale),
      percentText(r.completion),
      percentText(r.coverage),
      shareText(r.targetScore),
      shareText(r.gap)
    ],
    where: m.reports_where_title_of({ title }, inReport())
  };
}

function summary(ctx: Context): Block[] {
  const { result } = ctx.input;
  const c = result.counts;
  const anyProvisional = [result, ...result.questionnaires].some(
    (r) => r.provisional && r.score !== null
  );
  const top = result.gapList.slice(0, 10);
  const a = ctx.input.assessment;
  return [
    {
      kind: 'heading',
      level: 1,
      text: m.reports_cr_summary({}, inReport()),
      newPage: true,
      bookmark: true
    },
    ...narrativeBlocks(a),
    { kind: 'heading', level: 2, text: m.outputs_report_scores({}, inReport()) },
    {
      kind: 'table',
      columns: [
        { header: m.reports_col_scope({}, inReport()) },
        { header: m.reports_col_score_range({}, inReport()), width: 21, align: 'right' },
        { header: m.reports_col_equivalent_level({}, inReport()), width: 21, align: 'right' },
        { header: m.reports_col_stage({}, inReport()), width: 21 },
        { header: m.reports_col_completion({}, inReport()), width: 23, align: 'right' },
        { header: m.reports_col_coverage({}, inReport()), width: 20, align: 'right' },
        { header: m.reports_col_target_score({}, inReport()), width: 16, align: 'right' },
        { header: m.reports_col_gap({}, inReport()), width: 12, align: 'right' }
      ],
      rows: [
        summaryRow(m.reports_col_overall({}, inReport()), result, result.scale, true),
        ...result.questionnaires.map((q) => summaryRow(q.title, q, q.scale, false))
      ]
    },
    // Every score says what it rests on: "based on n of m questions" (rule 6 as amended).
    {
      kind: 'paragraph',
      text: [
        m.reports_cr_based_on_scope(
          {
            scope: m.reports_col_overall({}, inReport()),
            basedOn: basedOnText(result.counts)
          },
          inReport()
        ),
        ...result.questionnaires.map((q) =>
          m.reports_cr_based_on_scope(
            { scope: q.title, basedOn: basedOnText(q.counts) },
            inReport()
          )
        )
      ].join(' ')
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: anyProvisional
        ? m.reports_cr_summary_note_provisional({ threshold: provisionalThreshold() }, inReport())
        : m.reports_cr_summary_note({}, inReport())
    },
    {
      kind: 'paragraph',
      text: m.reports_cr_counts(
        {
          answered: formatNumber(c.answered, reportLocale()),
          total: formatNumber(c.total, reportLocale()),
          scored: formatNumber(c.scored, reportLocale()),
          unknown: formatNumber(c.unknown, reportLocale()),
          unanswered: formatNumber(c.unanswered, reportLocale()),
          restricted: formatNumber(c.restricted, reportLocale()),
          na: formatNumber(c.na, reportLocale())
        },
        inReport()
      )
    },
    { kind: 'heading', level: 2, text: m.outputs_ladders_heading({}, inReport()) },
    {
      kind: 'ladder',
      rows: ladderRows(a, ctx.input.questionnaires, result),
      here: m.outputs_ladder_here({}, inReport()),
      aim: m.outputs_ladder_aim({}, inReport()),
      scopeHeader: m.reports_col_scope({}, inReport()),
      caption: m.outputs_ladder_caption({}, inReport()),
      where: m.outputs_where_ladder({}, inReport())
    },
    { kind: 'heading', level: 2, text: m.reports_cr_top_gaps({}, inReport()) },
    ...(top.length === 0
      ? [{ kind: 'paragraph', text: m.reports_cr_no_gap({}, inReport()) } as const]
      : [
          {
            kind: 'paragraph',
            tone: 'muted',
            text: m.reports_cr_top_gaps_note({}, inReport())
          } as const,
          {
            kind: 'table',
            dense: true,
            columns: gapColumns(),
            rows: ctx.gapRows(top, true)
          } as const
        ])
  ];
}

function charts(ctx: Context): Block[] {
  const { result } = ctx.input;
  const blocks: Block[] = [];
  // Fewer than three questionnaires make bars, not a radar (charts/results-charts.ts); a chart
  // with nothing to show is not printed.
  const overview = questionnaireRadar(result, reportLocale());
  if (!isEmptyChart(overview)) {
    blocks.push(
      overview.type === 'radar'
        ? chartBlock(overview, 640, 480, m.reports_numbers_summary_table({}, inReport()))
        : chartBlock(
            overview,
            900,
            Math.max(140, 60 * overview.data.labels.length + 90),
            m.reports_numbers_summary_table({}, inReport())
          )
    );
  }
  const gaps = sectionGapBars(result, reportLocale());
  if (!isEmptyChart(gaps)) {
    // Half of 900 pixels holds labels of two lines (charts.ts, LABEL_LINE); 40 pixels a bar
    // keeps two-line labels apart, and 30 sections still fit one page.
    const height = Math.max(140, 40 * gaps.data.labels.length + 70);
    blocks.push(chartBlock(gaps, 900, height, m.reports_numbers_section_tables({}, inReport())));
  }
  // A chart with nothing to show is not printed, nor is its heading.
  if (blocks.length === 0) return [];
  return [
    {
      kind: 'heading',
      level: 1,
      text: m.reports_cr_charts({}, inReport()),
      newPage: true,
      bookmark: true
    },
    ...blocks
  ];
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
      where: m.reports_where_questionnaire({ id: q.id }, inReport())
    },
    {
      kind: 'paragraph',
      text: (q.provisional && q.score !== null
        ? m.reports_cr_part_facts_provisional
        : m.reports_cr_part_facts)(
        {
          version: q.version,
          score: shareText(q.score),
          level: levelText(q, q.scale),
          stage: stageClaimText(stageClaim(q), q.scale),
          completion: percentText(q.completion),
          coverage: percentText(q.coverage)
        },
        inReport()
      )
    },
    { kind: 'paragraph', tone: 'muted', text: basedOnText(q.counts) },
    { kind: 'heading', level: 2, text: m.reports_cr_section_scores({}, inReport()) },
    {
      kind: 'table',
      columns: [
        { header: m.reports_col_section({}, inReport()) },
        { header: m.reports_col_score({}, inReport()), width: 24, align: 'right' },
        { header: m.reports_col_target({}, inReport()), width: 15, align: 'right' },
        { header: m.reports_col_gap({}, inReport()), width: 12, align: 'right' },
        { header: m.reports_col_stage({}, inReport()), width: 22 },
        { header: m.reports_col_completion({}, inReport()), width: 23, align: 'right' },
        { header: m.reports_col_coverage({}, inReport()), width: 20, align: 'right' }
      ],
      rows: q.sections.map((s) => ({
        cells: [
          s.weight === 1
            ? s.title
            : m.reports_cr_section_weight(
                { title: s.title, weight: formatNumber(s.weight, reportLocale()) },
                inReport()
              ),
          scoreText(s),
          shareText(s.targetScore),
          shareText(s.gap),
          stageClaimText(stageClaim(s), q.scale),
          percentText(s.completion),
          percentText(s.coverage)
        ],
        where: m.reports_where_section_title({ title: q.title }, inReport())
      }))
    }
  ];
  const source = ctx.byId.get(q.id);
  if (source) blocks.push(...contextFactBlocks(source, q, ctx.input.answers));
  const sections = sectionRadar(q, reportLocale());
  // Nothing answered in this questionnaire: no chart of empty axes.
  if (!isEmptyChart(sections)) {
    blocks.push(
      sections.type === 'radar'
        ? chartBlock(sections, 640, 440, m.reports_numbers_section_scores({}, inReport()))
        : chartBlock(
            sections,
            900,
            Math.max(140, 60 * sections.data.labels.length + 90),
            m.reports_numbers_section_scores({}, inReport())
          )
    );
  }
  blocks.push({ kind: 'heading', level: 2, text: m.reports_cr_gaps({}, inReport()) });
  if (gaps.length === 0) {
    blocks.push({ kind: 'paragraph', text: m.reports_cr_no_gap({}, inReport()) });
  } else {
    blocks.push({
      kind: 'table',
      dense: true,
      columns: gapColumns(),
      rows: ctx.gapRows(gaps, false)
    });
  }
  if (evidence.length > 0 || restricted.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, text: m.reports_cr_evidence_gaps({}, inReport()) },
      { kind: 'paragraph', tone: 'muted', text: m.reports_cr_evidence_gaps_note({}, inReport()) },
      {
        kind: 'table',
        dense: true,
        columns: [
          { header: m.reports_col_question({}, inReport()) },
          { header: m.reports_col_why_not_counted({}, inReport()), width: 55 }
        ],
        rows: [...evidence, ...restricted].map((g) => ({
          cells: [g.text, statusText(g.status)],
          where: m.reports_where_question_text({ id: g.questionId }, inReport())
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
function countryReportIn(input: CountryReportInput): ReportDocument {
  const ctx = new Context(input);
  const a = input.assessment;
  const country = countryNameIn(a.country, countryName(a.country), reportLocale());
  const blocks: Block[] = [
    ...coverBlocks(a, input.questionnaires, input.madeOn),
    ...summary(ctx),
    ...charts(ctx),
    ...input.result.questionnaires.flatMap((q) => questionnairePart(ctx, q)),
    ...(input.includeAppendix
      ? // A core assessment's appendix holds its core questions only (rule 12).
        appendixBlocks(
          scopedQuestionnaires(input.questionnaires, a.scope),
          input.answers,
          a.status === 'final'
        )
      : []),
    ...methodBlocks(input.result.questionnaires[0]?.scale)
  ];
  return {
    title: m.reports_cr_doc_title({ country, title: a.title }, inReport()),
    subject: m.reports_cr_subject({}, inReport()),
    paper: input.paper ?? 'a4',
    decor: {
      headerLeft: `${country} · ${a.date}`,
      classification: `TLP:${a.classification}`,
      classificationColour: TLP_COLOURS[a.classification],
      footer: provenanceNote(a),
      watermark: a.status === 'draft' ? draftWatermark() : null
    },
    blocks
  };
}

/** The country report in its assessment's language (report-locale.ts). */
export function buildCountryReport(input: CountryReportInput): ReportDocument {
  const locale = languageOf(input.assessment);
  return { ...inReportLocale(locale, () => countryReportIn(input)), locale };
}
