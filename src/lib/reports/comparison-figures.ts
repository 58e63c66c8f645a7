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
    { header: m.reports_col_counted(), width: 16, align: 'right' },
    { header: m.reports_col_not_counted(), width: 18, align: 'right' },
    { header: m.reports_col_mean(), width: 20, align: 'right' },
    { header: m.reports_col_median(), width: 20, align: 'right' },
    { header: m.reports_col_lowest(), width: 20, align: 'right' },
    { header: m.reports_col_highest(), width: 20, align: 'right' }
  ];
  const line = (stats: Stats) => [
    formatNumber(stats.n),
    formatNumber(count - stats.n),
    ...statsCells(stats)
  ];
  return [
    {
      kind: 'heading',
      level: 1,
      text: m.reports_cmp_figures(),
      newPage: true,
      bookmark: true
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: m.reports_cmp_figures_note({ count })
    },
    {
      kind: 'table',
      dense: true,
      columns: [
        { header: m.reports_col_questionnaire() },
        { header: m.reports_col_versions(), width: 22 },
        ...statColumns
      ],
      rows: [
        ...comparison.questionnaires.map((q) => ({
          cells: [
            titles[q.id] ?? q.id,
            q.seriesBreak
              ? m.reports_cmp_versions_series_break({ versions: q.versions.join(', ') })
              : q.versions.join(', '),
            ...line(q.stats)
          ],
          where: m.reports_where_questionnaire({ id: q.id })
        })),
        {
          cells: [
            { text: m.reports_col_overall(), bold: true },
            '—',
            ...line(comparison.overall.stats)
          ]
        }
      ]
    }
  ];
}

function hiddenText(countries: number, stats: RegionalStats): string {
  if (countries === 0) return m.reports_cmp_region_empty();
  if (countries < MIN_REGION_COUNTRIES) {
    return m.reports_cmp_hidden_countries({ count: countries, min: MIN_REGION_COUNTRIES });
  }
  return m.reports_cmp_hidden_scores({ count: stats.n, min: MIN_REGION_COUNTRIES });
}

/** One table per scope (overall, then each questionnaire), one row per region. */
export function regionalFigureBlocks(comparison: Comparison, titles: Titles): Block[] {
  const scopes = [
    { title: m.reports_col_overall(), pick: (j: number) => comparison.regions[j]!.overall },
    ...comparison.questionnaires.map((q, k) => ({
      title: titles[q.id] ?? q.id,
      pick: (j: number) => comparison.regions[j]!.questionnaires[k]!.stats
    }))
  ];
  return [
    { kind: 'heading', level: 1, text: m.reports_cmp_regional(), newPage: true, bookmark: true },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: m.reports_cmp_regional_note({ min: MIN_REGION_COUNTRIES })
    },
    ...scopes.map((scope): Block => ({
      kind: 'table',
      dense: true,
      title: scope.title,
      where: m.reports_where_questionnaire_title(),
      columns: [
        { header: m.reports_col_region() },
        { header: m.reports_col_n(), width: 12, align: 'right' },
        { header: m.reports_col_counted(), width: 16, align: 'right' },
        { header: m.reports_col_mean(), width: 20, align: 'right' },
        { header: m.reports_col_median(), width: 20, align: 'right' },
        { header: m.reports_col_lowest(), width: 20, align: 'right' },
        { header: m.reports_col_highest(), width: 20, align: 'right' }
      ],
      rows: comparison.regions.map((region, j) => {
        const stats = scope.pick(j);
        const lead = [
          regionText(region.region),
          formatNumber(region.countries),
          formatNumber(stats.n)
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
