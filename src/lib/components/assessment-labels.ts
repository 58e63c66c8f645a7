/**
 * The words for an assessment's fixed values (provenance modes, stakeholder groups, TLP levels,
 * Commonwealth regions) and for the form's validation, in the interface language. The domain
 * keeps its English labels for files and the command line. See docs/languages.md.
 */
import type {
  Classification,
  ProvenanceMode,
  STAKEHOLDER_GROUPS
} from '$lib/domain/assessment/model';
import type { CommonwealthRegion } from '$lib/domain/reference/countries';
import { m } from '$lib/paraglide/messages.js';

type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

const MODES: Record<ProvenanceMode, () => string> = {
  'desk-review': m.assessments_mode_desk_review,
  workshop: m.assessments_mode_workshop,
  validated: m.assessments_mode_validated
};

const GROUPS: Record<StakeholderGroup, () => string> = {
  government: m.assessments_group_government,
  regulator: m.assessments_group_regulator,
  csirt: m.assessments_group_csirt,
  'law-enforcement': m.assessments_group_law_enforcement,
  judiciary: m.assessments_group_judiciary,
  'critical-infrastructure': m.assessments_group_critical_infrastructure,
  industry: m.assessments_group_industry,
  academia: m.assessments_group_academia,
  'civil-society': m.assessments_group_civil_society,
  international: m.assessments_group_international
};

const TLP_HINTS: Record<Classification, () => string> = {
  CLEAR: m.assessments_tlp_clear,
  GREEN: m.assessments_tlp_green,
  AMBER: m.assessments_tlp_amber,
  'AMBER+STRICT': m.assessments_tlp_amber_strict,
  RED: m.assessments_tlp_red
};

const REGIONS: Record<CommonwealthRegion, () => string> = {
  Africa: m.assessments_region_africa,
  Asia: m.assessments_region_asia,
  'Caribbean and Americas': m.assessments_region_caribbean_americas,
  Europe: m.assessments_region_europe,
  Pacific: m.assessments_region_pacific
};

export const provenanceLabel = (mode: ProvenanceMode): string => MODES[mode]();
export const stakeholderLabel = (group: StakeholderGroup): string => GROUPS[group]();
/** Who may receive a document at this TLP level (the label itself, "TLP:AMBER", never changes). */
export const tlpHint = (tlp: Classification): string => TLP_HINTS[tlp]();
export const regionLabel = (region: CommonwealthRegion): string => REGIONS[region]();

/**
 * The message for a field the assessment form's validation rejected (`draftErrors` keys each
 * field to one rule); `english` is the domain's own sentence, for a field without a message.
 */
export function draftErrorText(field: string, english: string): string {
  if (/^participants\.\d+\.organisation$/.test(field)) return m.assessments_error_organisation();
  switch (field) {
    case 'country':
      return m.assessments_error_country();
    case 'title':
      return m.assessments_error_title();
    case 'date':
    case 'validatedOn':
    case 'nextReviewDate':
      return m.assessments_error_date();
    case 'questionnaireIds':
      return m.assessments_error_questionnaires();
    case 'validatedBy':
      return m.assessments_error_validated_by();
    default:
      return english;
  }
}
