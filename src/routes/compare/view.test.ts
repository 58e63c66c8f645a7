import { describe, expect, it } from 'vitest';
import type { CachedQuestionnaire } from '$lib/domain/assessment/summary';
import { compareAssessments } from '$lib/domain/comparison/compare';
import type { CompareEntry } from '$lib/state/compare-data';
import {
  byName,
  countriesIn,
  inRegion,
  NOT_MEMBER,
  orderRows,
  questionnaireIds,
  readable,
  selectEntries,
  type Criteria
} from './view';

function cq(id: string, score: number | null, provisional = false): CachedQuestionnaire {
  return {
    id,
    version: '1.0.0',
    score,
    targetScore: score,
    stage: null,
    completion: 1,
    coverage: provisional ? 0.5 : 1,
    provisional
  };
}

function entry(
  id: string,
  country: string,
  date: string,
  questionnaires: CachedQuestionnaire[] = [cq('p', 0.5)],
  title = `${country} review`
): CompareEntry {
  return {
    id,
    country,
    date,
    title,
    classification: 'GREEN',
    questionnaires,
    status: 'final',
    validated: false,
    answered: 1,
    total: 1
  };
}

const EVERYTHING: Criteria = {
  region: '',
  countries: [],
  questionnaires: [],
  from: '',
  to: '',
  latestOnly: false
};

describe('inRegion', () => {
  it.each([
    ['KE', 'Africa', true],
    ['KE', 'Asia', false],
    ['FJ', 'Pacific', true],
    ['US', NOT_MEMBER, true],
    ['KE', NOT_MEMBER, false],
    ['US', '', true]
  ])('%s in %j: %s', (country, region, inside) => {
    expect(inRegion(country, region)).toBe(inside);
  });
});

describe('selectEntries', () => {
  const all = [
    entry('ke-2024', 'KE', '2024-03-01'),
    entry('ke-2026', 'KE', '2026-03-01', [cq('p', 0.6), cq('s', 0.4)]),
    entry('gh-2025', 'GH', '2025-06-01', [cq('p', 0.7), cq('s', 0.2)]),
    entry('fj-2025', 'FJ', '2025-09-01'),
    entry('us-2026', 'US', '2026-01-01')
  ];
  const ids = (criteria: Partial<Criteria>) =>
    selectEntries(all, { ...EVERYTHING, ...criteria }).entries.map((e) => e.id);

  it('chooses by region, by country within it, and by dates inclusive of both ends', () => {
    expect(ids({ region: 'Africa' })).toEqual(['ke-2024', 'ke-2026', 'gh-2025']);
    expect(ids({ region: NOT_MEMBER })).toEqual(['us-2026']);
    expect(ids({ region: 'Africa', countries: ['GH'] })).toEqual(['gh-2025']);
    expect(ids({ from: '2025-06-01', to: '2026-01-01' })).toEqual([
      'gh-2025',
      'fj-2025',
      'us-2026'
    ]);
  });

  it('keeps the latest assessment of each country on request, in country-code order', () => {
    expect(ids({ latestOnly: true })).toEqual(['fj-2025', 'gh-2025', 'ke-2026', 'us-2026']);
  });

  it('counts the assessments left out for lacking a chosen questionnaire', () => {
    const selected = selectEntries(all, { ...EVERYTHING, questionnaires: ['s'] });
    expect(selected.entries.map((e) => e.id)).toEqual(['ke-2026', 'gh-2025']);
    expect(selected.lacking).toBe(3);
  });

  it('takes the latest among the complete ones: an older complete assessment beats a newer partial one', () => {
    const older = entry('ke-2025', 'KE', '2025-01-01', [cq('p', 0.5), cq('s', 0.5)]);
    const newer = entry('ke-2026', 'KE', '2026-01-01');
    const selected = selectEntries([older, newer], {
      ...EVERYTHING,
      questionnaires: ['s'],
      latestOnly: true
    });
    expect(selected.entries.map((e) => e.id)).toEqual(['ke-2025']);
    expect(selected.lacking).toBe(1);
  });
});

describe('byName and countriesIn', () => {
  it('orders country codes by the name a reader sees', () => {
    // Ghana, Kenya, United Kingdom: GB sorts last by name though first by code.
    expect(['KE', 'GB', 'GH'].sort(byName)).toEqual(['GH', 'KE', 'GB']);
  });

  it('lists each country with an assessment in the region once, by name', () => {
    const all = [
      entry('a', 'KE', '2024-01-01'),
      entry('b', 'GB', '2024-01-01'),
      entry('c', 'KE', '2025-01-01'),
      entry('d', 'GH', '2024-01-01')
    ];
    expect(countriesIn(all, '')).toEqual(['GH', 'KE', 'GB']);
    expect(countriesIn(all, 'Africa')).toEqual(['GH', 'KE']);
    expect(countriesIn(all, 'Pacific')).toEqual([]);
  });
});

describe('questionnaireIds', () => {
  it('puts built-in questionnaires in their usual order, then the others by title', () => {
    const all = [
      entry('a', 'KE', '2024-01-01', [cq('custom-b', 0.5), cq('privacy', 0.5)]),
      entry('b', 'GH', '2024-01-01', [cq('custom-a', 0.5), cq('strategy', 0.5)])
    ];
    const titles = { 'custom-a': 'Zeta review', 'custom-b': 'Alpha review' };
    expect(questionnaireIds(all, ['strategy', 'privacy', 'standards'], titles)).toEqual([
      'strategy',
      'privacy',
      'custom-b',
      'custom-a'
    ]);
  });
});

describe('orderRows', () => {
  // Overall = the one questionnaire's score: Kenya 60, Ghana 80, Fiji provisional, Jamaica none.
  const comparison = compareAssessments([
    entry('ke', 'KE', '2026-01-01', [cq('p', 0.6)], 'Beta'),
    entry('gh', 'GH', '2025-01-01', [cq('p', 0.8)], 'alpha'),
    entry('fj', 'FJ', '2026-06-01', [cq('p', 0.9, true)], 'Gamma'),
    entry('jm', 'JM', '2024-01-01', [cq('p', null)], 'Delta')
  ]);

  it('orders a score column highest first, unranked scores last', () => {
    expect(orderRows(comparison, { key: 'overall', direction: 'descending' })).toEqual([
      'gh',
      'ke',
      'fj',
      'jm'
    ]);
    expect(orderRows(comparison, { key: 'q:p', direction: 'descending' })).toEqual([
      'gh',
      'ke',
      'fj',
      'jm'
    ]);
  });

  it('reverses only the ranked scores when ascending: unranked ones stay last', () => {
    expect(orderRows(comparison, { key: 'overall', direction: 'ascending' })).toEqual([
      'ke',
      'gh',
      'fj',
      'jm'
    ]);
  });

  it('orders by country name, by date or by title, either way', () => {
    // Fiji, Ghana, Jamaica, Kenya.
    expect(orderRows(comparison, { key: 'country', direction: 'ascending' })).toEqual([
      'fj',
      'gh',
      'jm',
      'ke'
    ]);
    expect(orderRows(comparison, { key: 'date', direction: 'descending' })).toEqual([
      'fj',
      'ke',
      'gh',
      'jm'
    ]);
    // Titles compare as a reader would, whatever their case: alpha, Beta, Delta, Gamma.
    expect(orderRows(comparison, { key: 'title', direction: 'ascending' })).toEqual([
      'gh',
      'ke',
      'jm',
      'fj'
    ]);
  });

  it('falls back to the country order for a questionnaire column that is not compared', () => {
    expect(orderRows(comparison, { key: 'q:gone', direction: 'ascending' })).toEqual([
      'fj',
      'gh',
      'jm',
      'ke'
    ]);
  });
});

describe('readable', () => {
  it.each([
    ['#1b1f24', '#ffffff', true],
    ['#ffffff', '#ffffff', false],
    // The WCAG AA limit of 4.5:1 lies between these two greys on white (4.54 and 4.48).
    ['#767676', '#ffffff', true],
    ['#777777', '#ffffff', false]
  ])('text %s on %s: %s', (text, background, ok) => {
    expect(readable({ text, background })).toBe(ok);
  });
});
