/**
 * Stakeholder groups of a workshop. An assessment with at least one group is a workshop. Group
 * ids become the first part of the keys of the group answers record
 * (`groupId/questionnaireId/questionId`), so they follow the questionnaire id pattern: no dots,
 * no slashes. Kinds, ids and new groups are in group-ids.ts (re-exported here), the file schema
 * in group-schema.ts; this module checks a whole list of groups.
 */
import { ID_PATTERN } from '../questionnaire/id-pattern';
import { GROUP_NAME_MAX, MIN_GROUPS, type Group } from './group-ids';

export * from './group-ids';

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
  | 'group.part-empty'
  | 'groups.too-few';

/** What is wrong with a list of groups: a code for renderers, the values, an English message. */
export interface GroupProblem {
  code: GroupProblemCode;
  /** Position of the group in the list (0-based); absent for a problem of the whole list. */
  index?: number | undefined;
  field?: 'id' | 'name' | 'part' | undefined;
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
    if (g.part && g.part.length === 0) {
      problems.push({
        code: 'group.part-empty',
        index,
        field: 'part',
        params: { name: g.name.trim() },
        message: `tick at least one questionnaire or section for "${g.name.trim()}", or let it answer everything`
      });
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
