import { describe, expect, it } from 'vitest';
import type { ComparisonItem } from './compare-assessments';
import { latestPerCountry } from './order';
import { item, rows } from './test-fixtures';

describe('latest assessment per country', () => {
  it.each(
    rows<{
      name: string;
      candidates: Partial<ComparisonItem>[];
      latest: string;
    }>(
      [
        {
          name: 'the later date wins',
          candidates: [
            { id: 'old', date: '2025-06-01' },
            { id: 'new', date: '2026-02-01' }
          ],
          latest: 'new'
        },
        {
          name: 'on the same date, the later change wins',
          candidates: [
            { id: 'later', updatedAt: '2026-02-01T10:00:00.000Z' },
            { id: 'earlier', updatedAt: '2026-02-01T09:00:00.000Z' }
          ],
          latest: 'later'
        },
        {
          name: 'on the same date, a known change time beats none',
          candidates: [{ id: 'known', updatedAt: '2026-01-01T00:00:00.000Z' }, { id: 'none' }],
          latest: 'known'
        },
        {
          name: 'then the greater title, whatever the input order',
          candidates: [
            { id: 'z', title: 'Review A' },
            { id: 'y', title: 'Review B' }
          ],
          latest: 'y'
        },
        {
          name: 'then the greater id',
          candidates: [{ id: 'm' }, { id: 'n' }],
          latest: 'n'
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { candidates, latest }) => {
    const items = candidates.map((c) => item([], { date: '2026-01-15', ...c }));
    expect(latestPerCountry(items).map((i) => i.id)).toEqual([latest]);
    expect(latestPerCountry([...items].reverse()).map((i) => i.id)).toEqual([latest]);
  });

  it('returns one per country, in country-code order', () => {
    const items = [
      item([], { id: 'tt', country: 'TT' }),
      item([], { id: 'ke-2025', country: 'KE', date: '2025-01-01' }),
      item([], { id: 'ke-2026', country: 'KE', date: '2026-01-01' }),
      item([], { id: 'fj', country: 'FJ' })
    ];
    expect(latestPerCountry(items).map((i) => i.id)).toEqual(['fj', 'ke-2026', 'tt']);
  });
});
