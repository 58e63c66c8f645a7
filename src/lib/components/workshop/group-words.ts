/**
 * Words for workshop groups: the kinds, the problems of a group list, the anonymised names
 * (docs/languages.md).
 */
import {
  groupLetter,
  type Group,
  type GroupKind,
  type GroupProblem
} from '$lib/domain/workshop/groups';
import { m } from '$lib/paraglide/messages.js';

/** The label of a group kind in the reader's language. */
export function kindLabel(kind: GroupKind): string {
  switch (kind) {
    case 'government':
      return m.workshop_kind_government();
    case 'critical-infrastructure':
      return m.workshop_kind_critical_infrastructure();
    case 'private-sector':
      return m.workshop_kind_private_sector();
    case 'law-enforcement-justice':
      return m.workshop_kind_law_enforcement_justice();
    case 'academia':
      return m.workshop_kind_academia();
    case 'civil-society':
      return m.workshop_kind_civil_society();
    case 'international-partner':
      return m.workshop_kind_international_partner();
    case 'other':
      return m.workshop_kind_other();
  }
}

/** What is wrong with a group list, in the reader's language. */
export function groupProblemText(problem: GroupProblem): string {
  const position = (problem.index ?? 0) + 1;
  switch (problem.code) {
    case 'group.name-empty':
      return m.workshop_problem_name_empty({ position });
    case 'group.name-too-long':
      return m.workshop_problem_name_too_long({ position, max: Number(problem.params?.['max']) });
    case 'group.name-duplicate':
      return m.workshop_problem_name_duplicate({ name: String(problem.params?.['name']) });
    case 'group.id-pattern':
    case 'group.id-duplicate':
      return m.workshop_problem_id({ position });
    case 'group.part-empty':
      return m.workshop_problem_part_empty({ name: String(problem.params?.['name']) });
    case 'groups.too-few':
      return m.workshop_problem_too_few();
  }
}

/**
 * A group's name as shared screens show it: its own, or "Group A" … when the workshop shows
 * groups anonymised.
 */
export function shownGroupName(
  groups: readonly Pick<Group, 'id' | 'name'>[],
  group: Pick<Group, 'id' | 'name'>,
  anonymise: boolean | undefined
): string {
  if (!anonymise) return group.name;
  return m.workshop_group_letter({
    letter: groupLetter(groups.findIndex((g) => g.id === group.id))
  });
}
