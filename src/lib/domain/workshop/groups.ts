/**
 * Stakeholder groups of a workshop. An assessment with at least one group is a workshop. Group
 * ids become the first part of the keys of the group answers record
 * (`groupId/questionnaireId/questionId`), so they follow the questionnaire id pattern: no dots,
 * no slashes. Free of zod, so the database upgrader can use it without loading the schemas
 * (the schema is in group-schema.ts).
 */
import type { STAKEHOLDER_GROUPS } from '../assessment/stakeholders';
import { ID_PATTERN } from '../questionnaire/id-pattern';

export const GROUP_KINDS = [
  'government',
  'critical-infrastructure',
  'private-sector',
  'law-enforcement-justice',
  'academia',
  'civil-society',
  'international-partner',
  'other'
] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Longest group name; a name is shown on a projector and in table headers. */
export const GROUP_NAME_MAX = 100;
/** Fewest groups a workshop needs: one group's answers have no spread. */
export const MIN_GROUPS = 2;

/** One group of a workshop; the file format's schema for it is in group-schema.ts. */
export interface Group {
  id: string;
  name: string;
  kind: GroupKind;
  /** Its answers are kept but stay out of the spread (rule 13). */
  observer: boolean;
}
/** A group as a file or form gives it: `observer` may be left out. */
export type GroupInput = Omit<Group, 'observer'> & { observer?: boolean | undefined };

/** Kinds whose groups watch by default: their answers are kept but stay out of the spread. */
const OBSERVER_KINDS: ReadonlySet<GroupKind> = new Set(['international-partner']);

/**
 * Whether a new group of this kind is an observer unless the user says otherwise.
 * @example defaultObserver('international-partner') // true
 */
export function defaultObserver(kind: GroupKind): boolean {
  return OBSERVER_KINDS.has(kind);
}

/** Longest slug taken from a name, so ids stay readable in files. */
const SLUG_MAX = 40;

/**
 * A name as an id: accents dropped, lower case, every run of other characters one hyphen,
 * cut at a hyphen before 40 characters. Empty when nothing of the name is a Latin letter or digit.
 * @example slugOf('Société civile & médias') // 'societe-civile-medias'
 */
export function slugOf(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain.length <= SLUG_MAX) return plain;
  const cut = plain.slice(0, SLUG_MAX + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : plain.slice(0, SLUG_MAX)).replace(/-+$/, '');
}

/** `base`, else `base-2`, `base-3` … whichever is free first. */
function firstFree(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/**
 * The id a new group gets: its kind (`government`, then `government-2` …); for kind `other`
 * a slug of its name (`media`, then `media-2` …); when the name gives no slug, `group-n` with
 * the smallest free n.
 * @example makeGroupId(['government'], 'government', 'Ministry of ICT') // 'government-2'
 * @example makeGroupId([], 'other', 'Media') // 'media'
 * @example makeGroupId(['group-1'], 'other', 'Гражданское общество') // 'group-2'
 */
export function makeGroupId(existingIds: Iterable<string>, kind: GroupKind, name: string): string {
  const taken = new Set(existingIds);
  if (kind !== 'other') return firstFree(taken, kind);
  const slug = slugOf(name);
  if (slug) return firstFree(taken, slug);
  for (let n = 1; ; n++) {
    if (!taken.has(`group-${n}`)) return `group-${n}`;
  }
}

/**
 * A new group added after `groups`: trimmed name, id by `makeGroupId`, observer by its kind
 * unless given.
 * @example newGroup([], { name: ' World Bank ', kind: 'international-partner' })
 * // { id: 'international-partner', name: 'World Bank', kind: 'international-partner', observer: true }
 */
export function newGroup(
  groups: readonly Group[],
  fields: { name: string; kind: GroupKind; observer?: boolean | undefined }
): Group {
  const name = fields.name.trim();
  return {
    id: makeGroupId(
      groups.map((g) => g.id),
      fields.kind,
      name
    ),
    name,
    kind: fields.kind,
    observer: fields.observer ?? defaultObserver(fields.kind)
  };
}

/**
 * Names compare trimmed and case-insensitively ("Academia" and " academia " are one name).
 * @example sameGroupName('Academia', ' ACADEMIA ') // true
 */
export function sameGroupName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

export type GroupProblemCode =
  | 'group.id-pattern'
  | 'group.id-duplicate'
  | 'group.name-empty'
  | 'group.name-too-long'
  | 'group.name-duplicate'
  | 'groups.too-few';

/** What is wrong with a list of groups: a code for renderers, the values, an English message. */
export interface GroupProblem {
  code: GroupProblemCode;
  /** Position of the group in the list (0-based); absent for a problem of the whole list. */
  index?: number | undefined;
  field?: 'id' | 'name' | undefined;
  params?: Readonly<Record<string, string | number>> | undefined;
  message: string;
}

/**
 * Every problem of a workshop's group list: ids that break the pattern or repeat, names empty,
 * too long or repeated (trimmed, case-insensitive), and a list of one group (a workshop needs
 * two; an empty list is simply not a workshop). Empty when the list is fine.
 * @example validateGroups([{ id: 'academia', name: 'Academia', kind: 'academia', observer: false }])
 * // [{ code: 'groups.too-few', params: { minimum: 2 }, message: 'a workshop needs at least 2 groups: add another group' }]
 */
export function validateGroups(groups: readonly Group[]): GroupProblem[] {
  const problems: GroupProblem[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  groups.forEach((g, index) => {
    if (!ID_PATTERN.test(g.id)) {
      problems.push({
        code: 'group.id-pattern',
        index,
        field: 'id',
        params: { id: g.id },
        message: `group id "${g.id}": use lower-case letters, digits and single hyphens, e.g. "civil-society"`
      });
    }
    const firstWithId = ids.get(g.id);
    if (firstWithId !== undefined) {
      problems.push({
        code: 'group.id-duplicate',
        index,
        field: 'id',
        params: { id: g.id, first: firstWithId },
        message: `group id "${g.id}" is used twice: give each group its own id`
      });
    } else {
      ids.set(g.id, index);
    }
    const name = g.name.trim();
    if (!name) {
      problems.push({
        code: 'group.name-empty',
        index,
        field: 'name',
        message: 'give the group a name'
      });
      return;
    }
    if (name.length > GROUP_NAME_MAX) {
      problems.push({
        code: 'group.name-too-long',
        index,
        field: 'name',
        params: { max: GROUP_NAME_MAX },
        message: `keep the group name to ${GROUP_NAME_MAX} characters`
      });
    }
    const firstWithName = names.get(nameKey(name));
    if (firstWithName !== undefined) {
      problems.push({
        code: 'group.name-duplicate',
        index,
        field: 'name',
        params: { name, first: firstWithName },
        message: `two groups are called "${name}": give each group its own name`
      });
    } else {
      names.set(nameKey(name), index);
    }
  });
  if (groups.length > 0 && groups.length < MIN_GROUPS) {
    problems.push({
      code: 'groups.too-few',
      params: { minimum: MIN_GROUPS },
      message: `a workshop needs at least ${MIN_GROUPS} groups: add another group`
    });
  }
  return problems;
}

/**
 * The letter a group is shown as when groups are anonymised: A … Z, then AA, AB …
 * @example groupLetter(0) // 'A'
 * @example groupLetter(26) // 'AA'
 */
export function groupLetter(index: number): string {
  let n = Math.max(0, Math.floor(index));
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

/**
 * The first release's participant groups in the one vocabulary of group kinds, for the upgrader
 * of old files and databases. Regulators and CSIRTs are public bodies; the judiciary sits with
 * law enforcement as "justice".
 */
export const KIND_OF_STAKEHOLDER: Readonly<Record<StakeholderGroup, GroupKind>> = {
  government: 'government',
  regulator: 'government',
  csirt: 'government',
  'law-enforcement': 'law-enforcement-justice',
  judiciary: 'law-enforcement-justice',
  'critical-infrastructure': 'critical-infrastructure',
  industry: 'private-sector',
  academia: 'academia',
  'civil-society': 'civil-society',
  international: 'international-partner'
};

/**
 * The groups an upgraded first-release workshop gets: one per distinct participant group, in
 * order of first appearance, named as the first release labelled it, with the mapped kind and
 * an id made as for any new group.
 * @example groupsFromStakeholders(['regulator', 'government'], STAKEHOLDER_LABELS).map((g) => g.id)
 * // ['government', 'government-2']
 */
export function groupsFromStakeholders(
  stakeholders: readonly StakeholderGroup[],
  labels: Readonly<Record<StakeholderGroup, string>>
): Group[] {
  const groups: Group[] = [];
  for (const s of new Set(stakeholders)) {
    groups.push(newGroup(groups, { name: labels[s], kind: KIND_OF_STAKEHOLDER[s] }));
  }
  return groups;
}
