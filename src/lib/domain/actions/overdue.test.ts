import { describe, expect, it } from 'vitest';
import { makeAssessment } from '../testing/factories';
import { carryOver } from './carry';
import { newAction, type Action } from './model';
import { latestAssessmentPerCountry, overdueByAssessment, overdueCount } from './overdue';

const NOW = '2027-03-01T09:00:00.000Z';
const TODAY = '2027-06-01';

let serial = 0;
function action(assessmentId: string, overrides: Partial<Action> = {}): Action {
  serial++;
  return newAction(
    {
      id: `act-${serial}`,
      assessmentId,
      title: `Action ${serial}`,
      priority: 'medium',
      ...overrides
    },
    NOW
  );
}

const ke2025 = makeAssessment({ id: 'ke-2025', country: 'KE', date: '2025-11-01' });
const ke2026 = makeAssessment({ id: 'ke-2026', country: 'KE', date: '2026-11-01' });
const tt2026 = makeAssessment({ id: 'tt-2026', country: 'TT', date: '2026-05-01' });

describe('latest assessment per country', () => {
  it('the latest date wins, whatever the input order', () => {
    expect(latestAssessmentPerCountry([ke2026, tt2026, ke2025]).map((a) => a.id)).toEqual([
      'ke-2026',
      'tt-2026'
    ]);
    expect(latestAssessmentPerCountry([ke2025, tt2026, ke2026]).map((a) => a.id)).toEqual([
      'ke-2026',
      'tt-2026'
    ]);
  });

  it('on the same date, the one created later wins', () => {
    const morning = { ...ke2026, id: 'b-morning', createdAt: '2026-11-01T08:00:00.000Z' };
    const evening = { ...ke2026, id: 'a-evening', createdAt: '2026-11-01T18:00:00.000Z' };
    expect(latestAssessmentPerCountry([evening, morning]).map((a) => a.id)).toEqual(['a-evening']);
    expect(latestAssessmentPerCountry([morning, evening]).map((a) => a.id)).toEqual(['a-evening']);
  });
});

describe('overdue count', () => {
  it('counts only the latest assessment of each country', () => {
    const actions = [
      action('ke-2025', { due: '2027-01-01' }), // overdue, but KE 2025 is not the latest
      action('ke-2026', { due: '2027-05-31' }), // overdue
      action('ke-2026', { due: TODAY }), // due today: not yet
      action('ke-2026', { due: '2027-01-01', status: 'done', doneOn: '2027-01-02' }),
      action('tt-2026', { due: '2027-02-01', status: 'in-progress' }), // overdue
      action('zz-gone', { due: '2020-01-01' }) // no such assessment
    ];
    const assessments = [ke2025, ke2026, tt2026];
    expect(overdueByAssessment(actions, assessments, TODAY)).toEqual({
      'ke-2026': 1,
      'tt-2026': 1
    });
    expect(overdueCount(actions, assessments, TODAY)).toBe(2);
  });

  it('carried copies are not counted twice', () => {
    const old = [
      action('ke-2025', { due: '2027-01-01' }),
      action('ke-2025', { due: '2027-02-01', status: 'in-progress' })
    ];
    let n = 0;
    const { copies, marked } = carryOver(
      old,
      'ke-2026',
      () => true,
      NOW,
      () => `copy-${++n}`
    );
    const all = [...marked, ...copies];
    // Both copies are overdue in KE 2026; the marked originals are closed.
    expect(overdueCount(all, [ke2025, ke2026], TODAY)).toBe(2);
    // Even were KE 2025 the only assessment known, its carried copies would not count.
    expect(overdueCount(all, [ke2025], TODAY)).toBe(0);
  });

  it('no assessments, nothing counted', () => {
    expect(overdueCount([action('ke-2026', { due: '2020-01-01' })], [], TODAY)).toBe(0);
  });
});
