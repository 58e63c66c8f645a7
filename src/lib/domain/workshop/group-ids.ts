/**
 * Workshop groups: their kinds, ids and how a new group is made, including the groups of an
 * upgraded first-release workshop. Kept small and free of zod because the database upgrader
 * needs it on the first load (docs/architecture.md, "Workshops"); the checks of a whole list
 * are in groups.ts, the file schema in group-schema.ts.
 */
import type { STAKEHOLDER_GROUPS } from '../assessment/stakeholders';

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
  /**
   * The questionnaires (`questionnaireId`) and sections (`questionnaireId/sectionId`) the group
   * answers; absent = every question in scope (docs/workshop.md).
   */
  part?: string[] | undefined;
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
