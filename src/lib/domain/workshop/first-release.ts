/**
 * First-release assessments in the one vocabulary of group kinds (docs/architecture.md,
 * "Workshops"): the upgraders of the database and of older files use this.
 */
import type { Assessment } from '../assessment/model';
import { STAKEHOLDER_LABELS } from '../assessment/stakeholders';
import { groupsFromStakeholders, MIN_GROUPS, type Group } from './group-ids';

/**
 * The groups a first-release assessment gets: for a multi-stakeholder workshop whose
 * participants come from at least two stakeholder groups, one group per distinct participant
 * group (mapped by `KIND_OF_STAKEHOLDER`); otherwise none, as a workshop needs two groups.
 * @example workshopGroupsOf(kenyaWorkshop).map((g) => g.id) // ['government', 'government-2', 'academia']
 */
export function workshopGroupsOf(assessment: {
  provenance: Pick<Assessment['provenance'], 'mode' | 'participants'>;
}): Group[] {
  if (assessment.provenance.mode !== 'workshop') return [];
  const groups = groupsFromStakeholders(
    assessment.provenance.participants.map((p) => p.group),
    STAKEHOLDER_LABELS
  );
  return groups.length >= MIN_GROUPS ? groups : [];
}
