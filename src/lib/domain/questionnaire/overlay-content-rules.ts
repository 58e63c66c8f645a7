/**
 * Editorial rules for the built-in translations (docs/languages.md, "Questionnaire
 * translations"), on top of the overlay checks every file gets: no empty string, the level
 * descriptors of each question distinct from each other, and every abbreviation spelled out at
 * its first use in the translated text, read in the order of the English rule.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { acronymProblems } from './acronyms.ts';
import { applyOverlay, type QuestionnaireOverlay } from './overlay.ts';
import type { Questionnaire } from './schema';

/** Paths of the strings an overlay leaves empty or blank, in the file's order. */
function blankStrings(value: unknown, at: string, out: string[]): void {
  if (typeof value === 'string') {
    if (value.trim() === '') out.push(at);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => blankStrings(v, `${at}.${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) blankStrings(v, at ? `${at}.${k}` : k, out);
  }
}

/**
 * Readable problems of a translation against its base, empty when it passes.
 * @example overlayContentProblems(privacy, fr) // ['sections.law.questions.x.levels.3: same text as levels.2']
 */
export function overlayContentProblems(
  base: Questionnaire,
  overlay: QuestionnaireOverlay
): string[] {
  const problems: string[] = [];
  const blanks: string[] = [];
  blankStrings(overlay, '', blanks);
  for (const at of blanks) problems.push(`${at}: empty; translate it or leave the key out`);
  const localized = applyOverlay(base, overlay);
  for (const section of localized.questionnaire.sections) {
    for (const question of section.questions) {
      if (question.type === 'choice') continue;
      const seen = new Map<string, string>();
      for (const [key, text] of Object.entries(question.levels)) {
        const same = seen.get(text.trim().toLowerCase());
        const at = `sections.${section.id}.questions.${question.id}.levels`;
        if (same !== undefined) {
          problems.push(`${at}.${key}: same text as level ${same}; make each level distinct`);
        } else seen.set(text.trim().toLowerCase(), key);
      }
    }
  }
  problems.push(...acronymProblems(localized.questionnaire, overlay.language));
  return problems;
}
