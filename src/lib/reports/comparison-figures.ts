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
import { formatPercent } from '$lib/domain/scoring/display';
import type { Block, ColumnSpec } from './document/model';

type Titles = Readonly<Record<string, string>>;

function statsCells(stats: Stats): string[] {
  return [
    formatPercent(stats.mean, '—'),
    formatPercent(stats.median, '—'),
    formatPercent(stats.min, '—'),
    formatPercent(stats.max, '—')
  ];
}

/** Counted, not counted, mean, median, lowest and highest per questionnaire and overall. */
export function questionnaireFigureBlocks(
  comparison: Comparison,
  titles: Titles,
  count: number
): Block[] {
  const statColumns: ColumnSpec[] = [
    { header: 'Counted', width: 16, align: 'right' },
    { header: 'Not counted', width: 18, align: 'right' },
    { header: 'Mean', width: 15, align: 'right' },
    { header: 'Median', width: 15, align: 'right' },
    { header: 'Lowest', width: 15, align: 'right' },
    { header: 'Highest', width: 15, align: 'right' }
  ];
  const line = (stats: Stats) => [String(stats.n), String(count - stats.n), ...statsCells(stats)];
  return [
    {
      kind: 'heading',
      level: 1,
      text: 'Figures per questionnaire',
      newPage: true,
      bookmark: true
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text:
        `Over all ${count} assessments included. Counted: scores that exist and are not ` +
        'provisional; the mean and median are computed from unrounded scores and rounded once.'
    },
    {
      kind: 'table',
      dense: true,
      columns: [{ header: 'Questionnaire' }, { header: 'Versions', width: 22 }, ...statColumns],
      rows: [
        ...comparison.questionnaires.map((q) => ({
          cells: [
            titles[q.id] ?? q.id,
            q.seriesBreak ? `${q.versions.join(', ')} (series break)` : q.versions.join(', '),
            ...line(q.stats)
          ],
          where: `the title of questionnaire ${q.id}`
        })),
        { cells: [{ text: 'Overall', bold: true }, '—', ...line(comparison.overall.stats)] }
      ]
    }
  ];
}

function hiddenText(countries: number, stats: RegionalStats): string {
  if (countries === 0) return 'No country of this region included';
  if (countries < MIN_REGION_COUNTRIES) {
    return `Hidden: only ${countries} ${countries === 1 ? 'country' : 'countries'} (at least ${MIN_REGION_COUNTRIES} needed)`;
  }
  return `Hidden: only ${stats.n} counted ${stats.n === 1 ? 'score' : 'scores'} (at least ${MIN_REGION_COUNTRIES} needed)`;
}

/** One table per scope (overall, then each questionnaire), one row per region. */
export function regionalFigureBlocks(comparison: Comparison, titles: Titles): Block[] {
  const scopes = [
    { title: 'Overall', pick: (j: number) => comparison.regions[j]!.overall },
    ...comparison.questionnaires.map((q, k) => ({
      title: titles[q.id] ?? q.id,
      pick: (j: number) => comparison.regions[j]!.questionnaires[k]!.stats
    }))
  ];
  return [
    { kind: 'heading', level: 1, text: 'Regional figures', newPage: true, bookmark: true },
    {
      kind: 'paragraph',
      tone: 'muted',
      text:
        'By Commonwealth region, from the latest assessment of each country included. N is the ' +
        `number of countries. A figure from fewer than ${MIN_REGION_COUNTRIES} countries is ` +
        'hidden: it would show those countries’ own scores. Provisional scores are not counted.'
    },
    ...scopes.map((scope): Block => ({
      kind: 'table',
      dense: true,
      title: scope.title,
      where: 'a questionnaire title',
      columns: [
        { header: 'Region' },
        { header: 'N', width: 12, align: 'right' },
        { header: 'Counted', width: 16, align: 'right' },
        { header: 'Mean', width: 17, align: 'right' },
        { header: 'Median', width: 17, align: 'right' },
        { header: 'Lowest', width: 17, align: 'right' },
        { header: 'Highest', width: 17, align: 'right' }
      ],
      rows: comparison.regions.map((region, j) => {
        const stats = scope.pick(j);
        const lead = [region.region, String(region.countries), String(stats.n)];
        return {
          cells: stats.hidden
            ? [...lead, { text: hiddenText(region.countries, stats), span: 4, muted: true }]
            : [...lead, ...statsCells(stats)]
        };
      })
    }))
  ];
}
