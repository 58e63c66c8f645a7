import { describe, expect, it } from 'vitest';
import { LINKED, assessmentLinks, restoredLinks, shownLinks } from './import-report';

describe('the links of the import result panel', () => {
  it('lists what was written first, in the file’s order, then what was skipped', () => {
    const links = assessmentLinks({
      assessments: [
        { id: 'a', title: 'Kenya 2026', outcome: 'skipped' },
        { id: 'b', title: 'Fiji 2026', outcome: 'added' },
        { id: 'c', title: 'Kenya 2026 (imported)', outcome: 'copied' }
      ]
    });
    expect(links.map((l) => [l.id, l.outcome])).toEqual([
      ['b', 'added'],
      ['c', 'copied'],
      ['a', 'skipped']
    ]);
    expect(links.every((l) => l.kind === 'assessment')).toBe(true);
  });

  it(`lists ${LINKED} and counts the rest, which the list of assessments shows`, () => {
    const many = restoredLinks(
      Array.from({ length: LINKED + 3 }, (_, i) => ({ id: `id-${i}`, title: `T${i}` }))
    );
    const { shown, more } = shownLinks(many);
    expect(shown).toHaveLength(LINKED);
    expect(shown[0]).toEqual({ kind: 'assessment', id: 'id-0', title: 'T0', outcome: 'restored' });
    expect(more).toBe(3);
    expect(shownLinks(many.slice(0, 2))).toEqual({ shown: many.slice(0, 2), more: 0 });
  });
});
