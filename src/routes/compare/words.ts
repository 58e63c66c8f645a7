/**
 * Words and figures of the compare screens in the interface language (docs/languages.md):
 * country and region names, scores as the heat map writes them, the answer words of the answer
 * comparison. Figures come rounded from the scoring module; these only write them.
 */
import type { NoCoreSet } from '$lib/domain/comparison/compare';
import { countryName } from '$lib/domain/reference/countries';
import type { BinaryValue } from '$lib/domain/questionnaire/schema';
import { shownPercent } from '$lib/domain/scoring/display';
import { countryNameIn } from '$lib/format/countries';
import { formatLocale } from '$lib/format/locale';
import { formatDecimal } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';

/** A country's name in the interface language: "Cameroon", "Cameroun". */
export function nameOf(code: string): string {
  return countryNameIn(code, countryName(code));
}

/** A share as a score from 0 to 100 with one decimal: "72.5", "72,5"; "—" without one. */
export function scoreText(share: number | null): string {
  return formatDecimal(shownPercent(share));
}

/**
 * An assessment left out of a core-set comparison (rule 10), with the versions that have no core
 * set: "Kenya, National review (Online extremism): no core set in version 1.0.0, left out …".
 */
export function noCoreText(left: NoCoreSet, titles: Record<string, string>): string {
  const questionnaires = left.questionnaires.map((q) => titles[q.id] ?? q.id).join(', ');
  return m.format_no_core_set({
    title: `${nameOf(left.country)}, ${left.title} (${questionnaires})`,
    version: [...new Set(left.questionnaires.map((q) => q.version))].join(', ')
  });
}

/** A Commonwealth region's name; a name it does not know stays as written. */
export function regionName(region: string): string {
  switch (region) {
    case 'Africa':
      return m.compare_region_africa();
    case 'Asia':
      return m.compare_region_asia();
    case 'Caribbean and Americas':
      return m.compare_region_caribbean_americas();
    case 'Europe':
      return m.compare_region_europe();
    case 'Pacific':
      return m.compare_region_pacific();
    default:
      return region;
  }
}

/** The name of one of the maturity model's five stages; other labels are data and stay. */
export function stageWord(label: string): string {
  switch (label.trim().toLowerCase()) {
    case 'start-up':
      return m.compare_stage_startup();
    case 'formative':
      return m.compare_stage_formative();
    case 'established':
      return m.compare_stage_established();
    case 'strategic':
      return m.compare_stage_strategic();
    case 'dynamic':
      return m.compare_stage_dynamic();
    default:
      return label;
  }
}

/** "Yes", "Partly", "No". */
export function binaryWord(value: BinaryValue): string {
  return { yes: m.compare_binary_yes, partial: m.compare_binary_partial, no: m.compare_binary_no }[
    value
  ]();
}

/** A rule's share as a whole percentage: "70%", "70 %" (e.g. the provisional threshold). */
export function wholePercent(share: number): string {
  return new Intl.NumberFormat(formatLocale(), { style: 'percent' }).format(share);
}
