import { describe, expect, it } from 'vitest';
import { groupSchema } from './group-schema';
import { STAKEHOLDER_GROUPS, STAKEHOLDER_LABELS } from '../assessment/model';
import {
  GROUP_KINDS,
  KIND_OF_STAKEHOLDER,
  groupLetter,
  groupsFromStakeholders,
  makeGroupId,
  newGroup,
  sameGroupName,
  slugOf,
  validateGroups,
  type Group,
  type GroupKind
} from './groups';

function group(id: string, name: string, kind: GroupKind = 'other', observer = false): Group {
  return { id, name, kind, observer };
}

describe('group ids', () => {
  it.each<[string, string[], GroupKind, string, string]>([
    ['the kind when free', [], 'government', 'Ministry of ICT', 'government'],
    ['the kind, then -2', ['government'], 'government', 'Regulator', 'government-2'],
    ['the first free number', ['government', 'government-2'], 'government', 'x', 'government-3'],
    ['a gap is filled', ['government', 'government-3'], 'government', 'x', 'government-2'],
    ['other: a slug of the name', [], 'other', 'Media & Press', 'media-press'],
    ['other: accents dropped', [], 'other', 'Société civile', 'societe-civile'],
    ['other: slug taken, then -2', ['media'], 'other', 'MEDIA', 'media-2'],
    ['other: no slug gives group-n', [], 'other', 'Пресса', 'group-1'],
    ['other: group-n skips taken', ['group-1'], 'other', '日本', 'group-2'],
    ['other: blank name gives group-n', [], 'other', '   ', 'group-1']
  ])('%s', (_name, existing, kind, groupName, expected) => {
    expect(makeGroupId(existing, kind, groupName)).toBe(expected);
  });

  it('a long name is cut at a hyphen, keeping the id pattern', () => {
    const id = makeGroupId([], 'other', 'National association of small and medium enterprises');
    expect(id).toBe('national-association-of-small-and-medium');
    expect(id.length).toBeLessThanOrEqual(40);
    expect(groupSchema.safeParse({ id, name: 'x', kind: 'other' }).success).toBe(true);
  });

  it('slugs keep digits and collapse separators', () => {
    expect(slugOf('  --Team 42 / Ops--  ')).toBe('team-42-ops');
  });
});

describe('group schema', () => {
  it('accepts exactly the eight kinds', () => {
    expect(GROUP_KINDS).toEqual([
      'government',
      'critical-infrastructure',
      'private-sector',
      'law-enforcement-justice',
      'academia',
      'civil-society',
      'international-partner',
      'other'
    ]);
    expect(
      groupSchema.safeParse({ id: 'industry', name: 'Industry', kind: 'industry' }).success
    ).toBe(false);
  });

  it.each<[GroupKind, boolean]>([
    ['international-partner', true],
    ['government', false],
    ['civil-society', false]
  ])('a %s group without observer gets observer %s', (kind, observer) => {
    expect(groupSchema.parse({ id: 'g', name: 'G', kind }).observer).toBe(observer);
  });

  it('keeps an explicit observer choice and trims the name', () => {
    const g = groupSchema.parse({
      id: 'international-partner',
      name: '  EU delegation ',
      kind: 'international-partner',
      observer: false
    });
    expect(g).toEqual({
      id: 'international-partner',
      name: 'EU delegation',
      kind: 'international-partner',
      observer: false
    });
  });

  it('refuses an id with a dot or a slash', () => {
    expect(groupSchema.safeParse({ id: 'a.b', name: 'A', kind: 'other' }).success).toBe(false);
    expect(groupSchema.safeParse({ id: 'a/b', name: 'A', kind: 'other' }).success).toBe(false);
  });
});

describe('newGroup', () => {
  it('numbers a second group of a kind and defaults observers by kind', () => {
    const first = newGroup([], { name: 'Ministry', kind: 'government' });
    const second = newGroup([first], { name: ' Regulator ', kind: 'government' });
    const partner = newGroup([first, second], {
      name: 'World Bank',
      kind: 'international-partner'
    });
    expect([first, second, partner]).toEqual([
      { id: 'government', name: 'Ministry', kind: 'government', observer: false },
      { id: 'government-2', name: 'Regulator', kind: 'government', observer: false },
      {
        id: 'international-partner',
        name: 'World Bank',
        kind: 'international-partner',
        observer: true
      }
    ]);
  });
});

describe('validateGroups', () => {
  it('finds nothing wrong in two well-formed groups, or in none', () => {
    expect(
      validateGroups([group('government', 'Ministry'), group('academia', 'University')])
    ).toEqual([]);
    expect(validateGroups([])).toEqual([]);
  });

  it('names compare trimmed and case-insensitively', () => {
    expect(sameGroupName('Civil society', '  CIVIL SOCIETY ')).toBe(true);
    const problems = validateGroups([group('a', 'Civil society'), group('b', ' civil SOCIETY ')]);
    expect(problems.map((p) => [p.code, p.index])).toEqual([['group.name-duplicate', 1]]);
  });

  it('reports each broken id, repeated id, empty and long name by position', () => {
    const problems = validateGroups([
      group('Gov', 'A'),
      group('b', 'B'),
      group('b', 'C'),
      group('d', '  '),
      group('e', 'x'.repeat(101))
    ]);
    expect(problems.map((p) => [p.code, p.index, p.field])).toEqual([
      ['group.id-pattern', 0, 'id'],
      ['group.id-duplicate', 2, 'id'],
      ['group.name-empty', 3, 'name'],
      ['group.name-too-long', 4, 'name']
    ]);
    expect(problems.every((p) => p.message.length > 0)).toBe(true);
  });

  it('a single group is too few for a workshop', () => {
    expect(validateGroups([group('a', 'A')]).map((p) => p.code)).toEqual(['groups.too-few']);
  });
});

describe('groupLetter', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA']
  ])('group %i is shown as %s', (index, letter) => {
    expect(groupLetter(index)).toBe(letter);
  });
});

describe('first-release participant groups', () => {
  it('every one of them maps to a kind of the new vocabulary', () => {
    for (const s of STAKEHOLDER_GROUPS) expect(GROUP_KINDS).toContain(KIND_OF_STAKEHOLDER[s]);
  });

  it.each([
    ['regulator', 'government'],
    ['csirt', 'government'],
    ['law-enforcement', 'law-enforcement-justice'],
    ['judiciary', 'law-enforcement-justice'],
    ['industry', 'private-sector'],
    ['international', 'international-partner']
  ] as const)('%s becomes %s', (stakeholder, kind) => {
    expect(KIND_OF_STAKEHOLDER[stakeholder]).toBe(kind);
  });

  it('upgrades to one group per distinct participant group, with unique ids and names', () => {
    const groups = groupsFromStakeholders(
      ['regulator', 'government', 'regulator', 'international', 'judiciary'],
      STAKEHOLDER_LABELS
    );
    expect(groups).toEqual([
      { id: 'government', name: 'Regulator', kind: 'government', observer: false },
      { id: 'government-2', name: 'Government', kind: 'government', observer: false },
      {
        id: 'international-partner',
        name: 'International partner',
        kind: 'international-partner',
        observer: true
      },
      {
        id: 'law-enforcement-justice',
        name: 'Judiciary',
        kind: 'law-enforcement-justice',
        observer: false
      }
    ]);
    expect(validateGroups(groups)).toEqual([]);
  });
});

describe('the part a group answers', () => {
  it('is absent on older records, which still read: the group answers everything', () => {
    const old = groupSchema.parse({ id: 'academia', name: 'Academia', kind: 'academia' });
    expect(old).toEqual({ id: 'academia', name: 'Academia', kind: 'academia', observer: false });
    expect('part' in old).toBe(false);
  });

  it('keeps questionnaire ids and sections, and refuses an empty or malformed part', () => {
    const read = groupSchema.parse({
      id: 'academia',
      name: 'Academia',
      kind: 'academia',
      part: ['privacy', 'standards/body']
    });
    expect(read.part).toEqual(['privacy', 'standards/body']);
    const base = { id: 'academia', name: 'Academia', kind: 'academia' };
    expect(groupSchema.safeParse({ ...base, part: [] }).success).toBe(false);
    expect(groupSchema.safeParse({ ...base, part: ['privacy/law/extra'] }).success).toBe(false);
  });

  it('must tick something once "only some" is chosen', () => {
    const groups = [
      { ...group('academia', 'Academia', 'academia'), part: [] },
      group('government', 'Government', 'government')
    ];
    expect(validateGroups(groups).map((p) => [p.code, p.index, p.field])).toEqual([
      ['group.part-empty', 0, 'part']
    ]);
  });
});
