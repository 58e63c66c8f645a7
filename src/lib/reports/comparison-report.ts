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
import { countryNameIn } from '$lib/format/countries';
import { m } from '$lib/paraglide/messages.js';
import { chartBlock } from './chart-block';
import { questionnaireFigureBlocks, regionalFigureBlocks } from './comparison-figures';
import type { Block, Cell, ColumnSpec, ReportDocument, TableRow } from './document/model';
import {
  dayText,
  draftWatermark,
  provisionalThreshold,
  regionText,
  selfAssessmentNote,
  shareText,
  TLP_COLOURS,
  tlpMeaning
} from './labels';
import { inReport, reportLocale } from './report-locale';

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
  /** The user's choices in words, in the interface language, e.g. "Region: Africa". */
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
const DATE_WIDTH = 22;

function shortTitle(input: ComparisonReportInput, id: string): string {
  return input.titles[id] ?? id;
}

/** A country's name in the language of the report: "Cameroon", "Cameroun". */
function nameOf(code: string): string {
  return countryNameIn(code, countryName(code), reportLocale());
}

/** "72.5", "41.3 prov.", "72.5 #3"; "—" without a score: as the heat map on screen. */
function scoreText(s: RankedScore, showRanks: boolean): string {
  const parts = [shareText(s.score)];
  if (s.provisional) parts.push(m.reports_prov({}, inReport()));
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
  return first === last
    ? dayText(first)
    : m.reports_date_range({ from: dayText(first), to: dayText(last) }, inReport());
}

function overview(input: ComparisonReportInput, rows: ComparisonRow[]): Block[] {
  const { comparison } = input;
  const countries = new Set(rows.map((r) => r.country)).size;
  const classification = comparison.classification ?? 'CLEAR';
  const compared = comparison.questionnaires.map((q) =>
    q.seriesBreak
      ? m.reports_cmp_versions_break(
          {
            title: shortTitle(input, q.id),
            versions: q.versions.join(', ')
          },
          inReport()
        )
      : m.reports_cmp_versions(
          { title: shortTitle(input, q.id), versions: q.versions.join(', ') },
          inReport()
        )
  );
  const facts: [string, string, string][] = [
    [
      m.reports_cmp_fact_assessments({}, inReport()),
      m.reports_cmp_assessments_from({ count: rows.length, countries }, inReport()),
      m.reports_where_overview({}, inReport())
    ],
    [
      m.reports_cmp_fact_dates({}, inReport()),
      dateRange(rows),
      m.reports_where_overview({}, inReport())
    ],
    [
      m.reports_cmp_fact_selection({}, inReport()),
      input.criteria.join(m.reports_list_separator({}, inReport())) ||
        m.reports_cmp_every_assessment({}, inReport()),
      m.reports_where_selection({}, inReport())
    ],
    [
      m.reports_cmp_fact_questionnaires({}, inReport()),
      compared.join('\n') || m.reports_cmp_none_shared({}, inReport()),
      m.reports_where_questionnaire_title({}, inReport())
    ],
    [
      m.reports_fact_classification({}, inReport()),
      m.reports_cmp_classification(
        {
          label: `TLP:${classification}`,
          meaning: tlpMeaning(classification)
        },
        inReport()
      ),
      m.reports_where_classification({}, inReport())
    ],
    [
      m.reports_fact_status({}, inReport()),
      input.drafts === 0
        ? m.reports_cmp_all_final({}, inReport())
        : m.reports_cmp_drafts({ drafts: input.drafts, count: rows.length }, inReport()),
      m.reports_where_status({}, inReport())
    ],
    [
      m.reports_fact_validation({}, inReport()),
      input.validated === rows.length && rows.length > 0
        ? m.reports_cmp_all_validated({}, inReport())
        : m.reports_cmp_validated_some(
            { validated: input.validated, count: rows.length },
            inReport()
          ),
      m.reports_where_validation({}, inReport())
    ],
    [
      m.reports_fact_made({}, inReport()),
      dayText(input.madeOn),
      m.reports_where_report_date({}, inReport())
    ]
  ];
  // Rule 10 with a core assessment selected: every figure is over the core set (docs/scoring.md).
  if (comparison.basis === 'core') {
    const left = comparison.noCoreSet.map((n) =>
      m.format_no_core_set(
        {
          title: `${nameOf(n.country)}, ${n.title} (${n.questionnaires.map((q) => shortTitle(input, q.id)).join(', ')})`,
          version: [...new Set(n.questionnaires.map((q) => q.version))].join(', ')
        },
        inReport()
      )
    );
    facts.splice(4, 0, [
      m.compare_basis_fact({}, inReport()),
      [m.compare_basis_core_value({}, inReport()), ...left].join('\n'),
      m.reports_where_selection({}, inReport())
    ]);
  }
  if (comparison.notShared.length > 0) {
    facts.splice(4, 0, [
      m.reports_cmp_fact_not_compared({}, inReport()),
      comparison.notShared
        .map((n) =>
          m.reports_cmp_not_shared(
            {
              title: shortTitle(input, n.id),
              included: n.assessments,
              count: rows.length
            },
            inReport()
          )
        )
        .join('\n'),
      m.reports_where_questionnaire_title({}, inReport())
    ]);
  }
  return [
    {
      kind: 'title',
      text: m.reports_cmp_title({ count: rows.length }, inReport()),
      subtitle: m.reports_cmp_subject({}, inReport())
    },
    {
      kind: 'table',
      showHeader: false,
      columns: [
        { header: m.reports_col_item({}, inReport()), width: 45, bold: true },
        { header: m.reports_col_detail({}, inReport()) }
      ],
      rows: facts.map(([label, value, where]) => ({ cells: [label, value], where }))
    },
    ...method(),
    { kind: 'heading', level: 2, text: m.reports_cmp_included({}, inReport()) },
    {
      kind: 'table',
      dense: true,
      columns: [
        { header: m.reports_col_country({}, inReport()), width: COUNTRY_WIDTH },
        { header: m.reports_col_region({}, inReport()), width: 28 },
        { header: m.reports_col_date({}, inReport()), width: DATE_WIDTH },
        { header: m.reports_col_assessment({}, inReport()) },
        { header: m.reports_col_classification({}, inReport()), width: 27 }
      ],
      rows: rows.map((r) => ({
        cells: [
          nameOf(r.country),
          r.region ? regionText(r.region) : m.reports_not_member({}, inReport()),
          r.date,
          r.title,
          `TLP:${r.classification}`
        ],
        where: m.reports_where_assessment_title(
          { country: nameOf(r.country), date: r.date },
          inReport()
        )
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
    { header: m.reports_col_country({}, inReport()), width: COUNTRY_WIDTH },
    { header: m.reports_col_date({}, inReport()), width: DATE_WIDTH },
    ...comparison.questionnaires.map((q) => ({
      header: shortTitle(input, q.id),
      align: 'right' as const,
      width
    })),
    { header: m.reports_col_overall({}, inReport()), align: 'right', bold: true, width }
  ];
  const body: TableRow[] = rows.map((r) => ({
    cells: [
      nameOf(r.country),
      r.date,
      ...r.cells.map((c) => heatCell(c, showRanks)),
      heatCell(r.overall, showRanks)
    ],
    where: m.reports_where_heat_row({ country: nameOf(r.country), date: r.date }, inReport())
  }));
  const threshold = provisionalThreshold();
  return [
    {
      kind: 'heading',
      level: 1,
      text: m.reports_cmp_heat_map({}, inReport()),
      newPage: true,
      bookmark: true
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: showRanks
        ? m.reports_cmp_heat_note_ranks({ threshold }, inReport())
        : m.reports_cmp_heat_note({ threshold }, inReport())
    },
    { kind: 'table', dense: true, columns, rows: body }
  ];
}

function radar(input: ComparisonReportInput, rows: ComparisonRow[]): Block[] {
  const { comparison } = input;
  const wanted = new Set(input.radarIds);
  const drawn = rows.filter((r) => wanted.has(r.id)).slice(0, RADAR_LIMIT);
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 1,
      text: m.reports_cmp_radar({}, inReport()),
      newPage: true,
      bookmark: true
    }
  ];
  if (drawn.length === 0 || comparison.questionnaires.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: m.reports_cmp_radar_none({ limit: RADAR_LIMIT }, inReport())
    });
    return blocks;
  }
  // The screen's overlay: the same series, labels and numbers.
  const plan = radarOverlay(comparison, drawn, input.titles);
  const size = plan.type === 'radar' ? { w: 760, h: 600 } : { w: 760, h: 420 };
  blocks.push(chartBlock(plan, size.w, size.h, m.reports_numbers_table_below({}, inReport())));
  blocks.push({
    kind: 'table',
    dense: true,
    columns: [
      { header: plan.table.corner, width: 50 },
      ...plan.table.columns.map((header) => ({ header, align: 'right' as const }))
    ],
    rows: plan.table.rows.map((row, i) => ({
      cells: [row.label, ...row.cells],
      where: m.reports_where_radar_row({ country: nameOf(drawn[i]!.country) }, inReport())
    }))
  });
  return blocks;
}

function method(): Block[] {
  return [
    { kind: 'heading', level: 2, text: m.reports_cmp_method_title({}, inReport()) },
    { kind: 'paragraph', tone: 'muted', text: m.reports_cmp_method({}, inReport()) }
  ];
}

function footerOf(input: ComparisonReportInput, count: number): string {
  if (count > 0 && input.validated === count) return m.reports_cmp_all_validated({}, inReport());
  return input.validated === 0
    ? selfAssessmentNote()
    : m.reports_cmp_footer_some(
        {
          note: selfAssessmentNote(),
          validated: input.validated,
          count
        },
        inReport()
      );
}

/**
 * The comparison report of the compare screen's selection, in the interface language.
 * @example buildComparisonReport({ comparison, order, showRanks: false, titles, radarIds: [], criteria: [], drafts: 0, validated: 0, madeOn: '2026-11-28' })
 */
export function buildComparisonReport(input: ComparisonReportInput): ReportDocument {
  const rows = orderedRows(input);
  const classification: Classification = input.comparison.classification ?? 'CLEAR';
  const made = dayText(input.madeOn);
  return {
    title: m.reports_cmp_doc_title({ count: rows.length, date: made }, inReport()),
    subject: m.reports_cmp_subject({}, inReport()),
    decor: {
      headerLeft: m.reports_cmp_header({ count: rows.length, date: input.madeOn }, inReport()),
      classification: `TLP:${classification}`,
      classificationColour: TLP_COLOURS[classification],
      footer: footerOf(input, rows.length),
      watermark: input.drafts > 0 ? draftWatermark() : null
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
