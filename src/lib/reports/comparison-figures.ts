/**
 * The figures of a comparison report: statistics per questionnaire over every assessment
 * included, and the same by Commonwealth region, where a figure from too few countries is hidden
 * rather than printed.
 */
import {
  MIN_REGION_COUNTRIES,
  type Comparison,
  type RegionalStats,
  type Stats
} from '$lib/domain/comparison/compare';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import type { Block, ColumnSpec } from './document/model';
import { regionText, shareText } from './labels';
import { inReport, reportLocale } from './report-locale';

type Titles = Readonly<Record<string, string>>;

function statsCells(stats: Stats): string[] {
  return [
    shareText(stats.mean),
    shareText(stats.median),
    shareText(stats.min),
    shareText(stats.max)
  ];
}

/** Counted, not counted, mean, median, lowest and highest per questionnaire and overall. */
export function questionnaireFigureBlocks(
  comparison: Comparison,
  titles: Titles,
  count: number
): Block[] {
  const statColumns: ColumnSpec[] = [
    { header: m.reports_col_counted({}, inReport()), width: 16, align: 'right' },
    { header: m.reports_col_not_counted({}, inReport()), width: 18, align: 'right' },
    { header: m.reports_col_mean({}, inReport()), width: 20, align: 'right' },
    { header: m.reports_col_median({}, inReport()), width: 20, align: 'right' },
    { header: m.reports_col_lowest({}, inReport()), width: 20, align: 'right' },
    { header: m.reports_col_highest({}, inReport()), width: 20, align: 'right' }
  ];
  const line = (stats: Stats) => [
    formatNumber(stats.n, reportLocale()),
    formatNumber(count - stats.n, reportLocale()),
    ...statsCells(stats)
  ];
  return [
    {
      kind: 'heading',
      level: 1,
      text: m.reports_cmp_figures({}, inReport()),
      newPage: true,
      bookmark: true
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: m.reports_cmp_figures_note({ count }, inReport())
    },
    {
      kind: 'table',
      dense: true,
      columns: [
        { header: m.reports_col_questionnaire({}, inReport()) },
        { header: m.reports_col_versions({}, inReport()), width: 22 },
        ...statColumns
      ],
      rows: [
        ...comparison.questionnaires.map((q) => ({
          cells: [
            titles[q.id] ?? q.id,
            q.seriesBreak
              ? m.reports_cmp_versions_series_break({ versions: q.versions.join(', ') }, inReport())
              : q.versions.join(', '),
            ...line(q.stats)
          ],
          where: m.reports_where_questionnaire({ id: q.id }, inReport())
        })),
        {
          cells: [
            { text: m.reports_col_overall({}, inReport()), bold: true },
            '—',
            ...line(comparison.overall.stats)
          ]
        }
      ]
    }
  ];
}

function hiddenText(countries: number, stats: RegionalStats): string {
  if (countries === 0) return m.reports_cmp_region_empty({}, inReport());
  if (countries < MIN_REGION_COUNTRIES) {
    return m.reports_cmp_hidden_countries(
      { count: countries, min: MIN_REGION_COUNTRIES },
      inReport()
    );
  }
  return m.reports_cmp_hidden_scores({ count: stats.n, min: MIN_REGION_COUNTRIES }, inReport());
}

/** One table per scope (overall, then each questionnaire), one row per region. */
export function regionalFigureBlocks(comparison: Comparison, titles: Titles): Block[] {
  const scopes = [
    {
      title: m.reports_col_overall({}, inReport()),
      pick: (j: number) => comparison.regions[j]!.overall
    },
    ...comparison.questionnaires.map((q, k) => ({
      title: titles[q.id] ?? q.id,
      pick: (j: number) => comparison.regions[j]!.questionnaires[k]!.stats
    }))
  ];
  return [
    {
      kind: 'heading',
      level: 1,
      text: m.reports_cmp_regional({}, inReport()),
      newPage: true,
      bookmark: true
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: m.reports_cmp_regional_note({ min: MIN_REGION_COUNTRIES }, inReport())
    },
    ...scopes.map((scope): Block => ({
      kind: 'table',
      dense: true,
      title: scope.title,
      where: m.reports_where_questionnaire_title({}, inReport()),
      columns: [
        { header: m.reports_col_region({}, inReport()) },
        { header: m.reports_col_n({}, inReport()), width: 12, align: 'right' },
        { header: m.reports_col_counted({}, inReport()), width: 16, align: 'right' },
        { header: m.reports_col_mean({}, inReport()), width: 20, align: 'right' },
        { header: m.reports_col_median({}, inReport()), width: 20, align: 'right' },
        { header: m.reports_col_lowest({}, inReport()), width: 20, align: 'right' },
        { header: m.reports_col_highest({}, inReport()), width: 20, align: 'right' }
      ],
      rows: comparison.regions.map((region, j) => {
        const stats = scope.pick(j);
        const lead = [
          regionText(region.region),
          formatNumber(region.countries, reportLocale()),
          formatNumber(stats.n, reportLocale())
        ];
        return {
          cells: stats.hidden
            ? [...lead, { text: hiddenText(region.countries, stats), span: 4, muted: true }]
            : [...lead, ...statsCells(stats)]
        };
      })
    }))
  ];
}
