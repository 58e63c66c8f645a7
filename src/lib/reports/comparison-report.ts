/**
 * The comparison report (issue 7): the compare screen's selection as a document plan — overview,
 * the heat map as a coloured table, the radar overlay, per-questionnaire and regional figures —
 * rendered with the report toolkit (document/model + document/render). Every figure comes from
 * `compareAssessments` and is formatted as on the compare screen; nothing is computed here.
 *
 * Every page carries the most restrictive classification of the assessments included: a report
 * that mixes a RED assessment with AMBER ones is RED as a whole.
 */
import { RADAR_LIMIT, radarOverlay } from '$lib/charts/comparison-charts';
import { heatColour } from '$lib/charts/palette';
import type { Classification } from '$lib/domain/assessment/model';
import type { Comparison, ComparisonRow, RankedScore } from '$lib/domain/comparison/compare';
import { countryName } from '$lib/domain/reference/countries';
import { formatPercent } from '$lib/domain/scoring/display';
import { chartBlock } from './chart-block';
import { questionnaireFigureBlocks, regionalFigureBlocks } from './comparison-figures';
import type { Block, Cell, ColumnSpec, ReportDocument, TableRow } from './document/model';
import { DRAFT_WATERMARK, SELF_ASSESSMENT_NOTE, TLP_COLOURS, TLP_MEANINGS } from './labels';

export interface ComparisonReportInput {
  comparison: Comparison;
  /** Row ids in the order the screen shows them. */
  order: string[];
  /** The screen shows ranks: print them too (rule 10: ranks only on request). */
  showRanks: boolean;
  /** Questionnaire titles by id. */
  titles: Record<string, string>;
  /** The assessments on the radar (at most eight), in the screen's order. */
  radarIds: string[];
  /** The user's choices in words, e.g. "Region: Africa". */
  criteria: string[];
  /** How many of the included assessments are drafts. */
  drafts: number;
  /** How many of the included assessments were independently validated. */
  validated: number;
  /** YYYY-MM-DD, printed on the overview. */
  madeOn: string;
}

/** Dense-table widths in millimetres (A4 less the toolkit's margins: 174 mm of content). */
const CONTENT_WIDTH = 174;
const COUNTRY_WIDTH = 34;
const DATE_WIDTH = 19;

function shortTitle(input: ComparisonReportInput, id: string): string {
  return input.titles[id] ?? id;
}

/** "72.5", "41.3 prov.", "72.5 #3"; "—" without a score: as the heat map on screen. */
function scoreText(s: RankedScore, showRanks: boolean): string {
  const parts = [formatPercent(s.score, '—')];
  if (s.provisional) parts.push('prov.');
  if (showRanks && s.rank !== null) parts.push(`#${s.rank}`);
  return parts.join(' ');
}

/** A heat-map cell: the screen's colour ramp behind the number, the number always printed. */
function heatCell(s: RankedScore, showRanks: boolean): Cell {
  const colour = heatColour(s.shown);
  return { text: scoreText(s, showRanks), fill: colour.background, colour: colour.text };
}

function orderedRows(input: ComparisonReportInput): ComparisonRow[] {
  const byId = new Map(input.comparison.rows.map((row) => [row.id, row]));
  return input.order.map((id) => byId.get(id)).filter((r): r is ComparisonRow => r !== undefined);
}

function dateRange(rows: readonly ComparisonRow[]): string {
  if (rows.length === 0) return '—';
  const dates = rows.map((r) => r.date).sort();
  const [first, last] = [dates[0]!, dates[dates.length - 1]!];
  return first === last ? first : `${first} to ${last}`;
}

function overview(input: ComparisonReportInput, rows: ComparisonRow[]): Block[] {
  const { comparison } = input;
  const countries = new Set(rows.map((r) => r.country)).size;
  const classification = comparison.classification ?? 'CLEAR';
  const compared = comparison.questionnaires.map(
    (q) =>
      `${shortTitle(input, q.id)} (version ${q.versions.join(', ')}${q.seriesBreak ? ' — series break: versions differ' : ''})`
  );
  const facts: [string, string, string][] = [
    [
      'Assessments',
      `${rows.length} from ${countries} ${countries === 1 ? 'country' : 'countries'}`,
      'the overview'
    ],
    ['Dates', dateRange(rows), 'the overview'],
    ['Selection', input.criteria.join('; ') || 'Every assessment in the browser', 'the selection'],
    ['Questionnaires compared', compared.join('\n') || 'None shared', 'a questionnaire title'],
    [
      'Classification',
      `TLP:${classification} — ${TLP_MEANINGS[classification]}. The most restrictive classification of the assessments included; it applies to the whole report.`,
      'the classification'
    ],
    [
      'Status',
      input.drafts === 0
        ? 'Every assessment included is final'
        : `${input.drafts} of ${rows.length} assessments included are drafts — not for citation`,
      'the status'
    ],
    [
      'Validation',
      input.validated === rows.length && rows.length > 0
        ? 'Every assessment included was independently validated'
        : `${input.validated} of ${rows.length} independently validated; the others are self-assessments`,
      'the validation'
    ],
    ['Report made', input.madeOn, 'the report date']
  ];
  if (comparison.notShared.length > 0) {
    facts.splice(4, 0, [
      'Not compared',
      comparison.notShared
        .map(
          (n) =>
            `${shortTitle(input, n.id)}: only ${n.assessments} of ${rows.length} assessments include it`
        )
        .join('\n'),
      'a questionnaire title'
    ]);
  }
  return [
    {
      kind: 'title',
      text: `Comparison of ${rows.length} ${rows.length === 1 ? 'assessment' : 'assessments'}`,
      subtitle: 'National cybersecurity self-assessments — comparison report'
    },
    {
      kind: 'table',
      showHeader: false,
      columns: [{ header: 'Item', width: 45, bold: true }, { header: 'Detail' }],
      rows: facts.map(([label, value, where]) => ({ cells: [label, value], where }))
    },
    ...method(),
    { kind: 'heading', level: 2, text: 'Assessments included' },
    {
      kind: 'table',
      dense: true,
      columns: [
        { header: 'Country', width: COUNTRY_WIDTH },
        { header: 'Region', width: 28 },
        { header: 'Date', width: DATE_WIDTH },
        { header: 'Assessment' },
        { header: 'Classification', width: 27 }
      ],
      rows: rows.map((r) => ({
        cells: [
          countryName(r.country),
          r.region ?? 'Not a member',
          r.date,
          r.title,
          `TLP:${r.classification}`
        ],
        where: `the title of the assessment of ${countryName(r.country)} (${r.date})`
      }))
    }
  ];
}

function heatMap(input: ComparisonReportInput, rows: ComparisonRow[]): Block[] {
  const { comparison, showRanks } = input;
  // Every score column as wide as the others, the overall included.
  const width =
    (CONTENT_WIDTH - COUNTRY_WIDTH - DATE_WIDTH) / (comparison.questionnaires.length + 1);
  const columns: ColumnSpec[] = [
    { header: 'Country', width: COUNTRY_WIDTH },
    { header: 'Date', width: DATE_WIDTH },
    ...comparison.questionnaires.map((q) => ({
      header: shortTitle(input, q.id),
      align: 'right' as const,
      width
    })),
    { header: 'Overall', align: 'right', bold: true, width }
  ];
  const body: TableRow[] = rows.map((r) => ({
    cells: [
      countryName(r.country),
      r.date,
      ...r.cells.map((c) => heatCell(c, showRanks)),
      heatCell(r.overall, showRanks)
    ],
    where: `the heat map row of ${countryName(r.country)} (${r.date})`
  }));
  return [
    { kind: 'heading', level: 1, text: 'Heat map', newPage: true, bookmark: true },
    {
      kind: 'paragraph',
      tone: 'muted',
      text:
        'Scores from 0 to 100 per questionnaire; the overall is the mean of the compared ' +
        'questionnaires. The shade darkens with the score; the number is always printed. ' +
        '“prov.” marks a provisional score (coverage below 70%), which is never ranked.' +
        (showRanks
          ? ' “#n” is the rank on the shown value: equal values share a rank and the next rank follows without a gap.'
          : '')
    },
    { kind: 'table', dense: true, columns, rows: body }
  ];
}

function radar(input: ComparisonReportInput, rows: ComparisonRow[]): Block[] {
  const { comparison } = input;
  const wanted = new Set(input.radarIds);
  const drawn = rows.filter((r) => wanted.has(r.id)).slice(0, RADAR_LIMIT);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Radar overlay', newPage: true, bookmark: true }
  ];
  if (drawn.length === 0 || comparison.questionnaires.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text:
        'No assessment was on the radar when the report was made. Tick up to eight assessments ' +
        'in the heat map of the compare screen to include their overlay.'
    });
    return blocks;
  }
  // The screen's overlay: the same series, labels and numbers.
  const plan = radarOverlay(comparison, drawn, input.titles);
  const size = plan.type === 'radar' ? { w: 760, h: 600 } : { w: 760, h: 420 };
  blocks.push(chartBlock(plan, size.w, size.h, 'Numbers: the table below.'));
  blocks.push({
    kind: 'table',
    dense: true,
    columns: [
      { header: plan.table.corner, width: 50 },
      ...plan.table.columns.map((header) => ({ header, align: 'right' as const }))
    ],
    rows: plan.table.rows.map((row, i) => ({
      cells: [row.label, ...row.cells],
      where: `the radar table row of ${countryName(drawn[i]!.country)}`
    }))
  });
  return blocks;
}

function method(): Block[] {
  return [
    { kind: 'heading', level: 2, text: 'How the comparison is made' },
    {
      kind: 'paragraph',
      tone: 'muted',
      text:
        'Questionnaires are compared when their ids match; a version change marks a series break, ' +
        'and scores on either side of it are not like for like. The overall of each assessment is ' +
        'the plain mean of the shared questionnaires’ scores. Ranks use the values as shown, with ' +
        'one decimal; provisional and empty scores are not ranked and are left out of means and ' +
        'medians. Each figure is computed from unrounded scores and rounded once.'
    }
  ];
}

function footerOf(input: ComparisonReportInput, count: number): string {
  if (count > 0 && input.validated === count) {
    return 'Every assessment included was independently validated';
  }
  return input.validated === 0
    ? SELF_ASSESSMENT_NOTE
    : `${SELF_ASSESSMENT_NOTE} (${input.validated} of ${count} validated)`;
}

/**
 * The comparison report of the compare screen's selection.
 * @example buildComparisonReport({ comparison, order, showRanks: false, titles, radarIds: [], criteria: [], drafts: 0, validated: 0, madeOn: '2026-11-28' })
 */
export function buildComparisonReport(input: ComparisonReportInput): ReportDocument {
  const rows = orderedRows(input);
  const classification: Classification = input.comparison.classification ?? 'CLEAR';
  return {
    title: `Comparison of ${rows.length} assessments — ${input.madeOn}`,
    subject: 'National cybersecurity self-assessments — comparison report',
    decor: {
      headerLeft: `Comparison · ${rows.length} assessments · ${input.madeOn}`,
      classification: `TLP:${classification}`,
      classificationColour: TLP_COLOURS[classification],
      footer: footerOf(input, rows.length),
      watermark: input.drafts > 0 ? DRAFT_WATERMARK : null
    },
    blocks: [
      ...overview(input, rows),
      ...heatMap(input, rows),
      ...radar(input, rows),
      ...questionnaireFigureBlocks(input.comparison, input.titles, rows.length),
      ...regionalFigureBlocks(input.comparison, input.titles)
    ]
  };
}
