import type { Questionnaire } from './schema';

/** The languages the acronym rule knows the everyday abbreviations of. */
export type AcronymLanguage = 'en' | 'fr';

/**
 * Abbreviations a reader of any English questionnaire knows without an expansion, or that are
 * names rather than abbreviations. Kept short on purpose: each needs a reason.
 * - ISO, IEC, UN, EU: the names of the bodies, used as such in every citation;
 * - ICT, URL: everyday words in every ministry that would answer;
 * - TV: everyday word;
 * - UK, USA: country names, written so in every treaty list;
 * - CLEAR, GREEN, AMBER, RED, STRICT: the Traffic Light Protocol labels, written in capitals by
 *   the protocol itself (its name is spelled out where used).
 */
export const KNOWN_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'ISO',
  'IEC',
  'UN',
  'EU',
  'ICT',
  'URL',
  'TV',
  'UK',
  'USA',
  'CLEAR',
  'GREEN',
  'AMBER',
  'RED',
  'STRICT'
]);

/**
 * The same for a French translation. French writes most of these bodies and words with French
 * abbreviations, and the English ones a French reader would not know go:
 * - ISO, IEC: the bodies' names, kept by AFNOR's own French titles (NF ISO/IEC 27001);
 * - ONU, UE: the French names of the United Nations and the European Union, as UN and EU;
 * - TIC: « technologies de l'information et de la communication », the everyday word of the
 *   ministries that answer (ICT in English);
 * - URL, TV: everyday words in French too;
 * - the Traffic Light Protocol labels, which the protocol's French text keeps in English.
 * UK and USA are not here: French writes Royaume-Uni and États-Unis.
 */
export const KNOWN_ABBREVIATIONS_FR: ReadonlySet<string> = new Set([
  'ISO',
  'IEC',
  'ONU',
  'UE',
  'TIC',
  'URL',
  'TV',
  'CLEAR',
  'GREEN',
  'AMBER',
  'RED',
  'STRICT'
]);

const KNOWN: Readonly<Record<AcronymLanguage, ReadonlySet<string>>> = {
  en: KNOWN_ABBREVIATIONS,
  fr: KNOWN_ABBREVIATIONS_FR
};

/**
 * Two or more capitals (digits and + allowed after the first), with an optional plural s; any
 * alphabet's letters count, so a French word with an accent (Établi, À) is never cut into one.
 */
const ABBREVIATION =
  /(?<![\p{L}\p{N}_/-])(\p{Lu}[\p{Lu}\p{N}+]*\p{Lu}[\p{Lu}\p{N}+]*)(s?)(?![\p{L}\p{N}_-])/gu;

/** The texts of a questionnaire in the order a reader meets them, each with its path. */
function readingOrder(q: Questionnaire): { at: string; text: string }[] {
  const texts: { at: string; text: string }[] = [
    { at: 'title', text: q.title },
    { at: 'summary', text: q.summary }
  ];
  q.sections.forEach((section, si) => {
    texts.push({ at: `sections[${si}].title`, text: section.title });
    section.questions.forEach((question, qi) => {
      const at = `sections[${si}].questions[${qi}] (${question.id})`;
      texts.push({ at: `${at}.text`, text: question.text });
      if (question.guidance) texts.push({ at: `${at}.guidance`, text: question.guidance });
      if (question.type === 'choice') {
        question.options.forEach((o, oi) =>
          texts.push({ at: `${at}.options[${oi}]`, text: o.label })
        );
      } else {
        for (const [key, value] of Object.entries(question.levels)) {
          texts.push({ at: `${at}.levels.${key}`, text: value });
        }
        for (const [key, value] of Object.entries(question.recommendations)) {
          if (value) texts.push({ at: `${at}.recommendations.${key}`, text: value });
        }
      }
      question.evidence.forEach((e, ei) => texts.push({ at: `${at}.evidence[${ei}]`, text: e }));
    });
  });
  return texts;
}

/**
 * Whether the abbreviation at `index` of `text` is spelled out there: `expansion (ABBR)` — the
 * abbreviation opens a bracket after at least two words — or `ABBR (expansion)` with a bracket of
 * at least two words right after it.
 */
function spelledOut(text: string, index: number, length: number): boolean {
  const before = text.slice(0, index);
  const after = text.slice(index + length);
  if (/\(\s*$/.test(before) && /\p{L}+[^()]*\s+\p{L}+[^()]*\(\s*$/u.test(before.slice(-200))) {
    return true;
  }
  return /^\s*\(\p{L}[^()]*\s[^()]*\p{L}[^()]*\)/u.test(after);
}

/**
 * Abbreviations used before they are spelled out, one problem each at its first use: a reader
 * working through the file meets every abbreviation with its expansion (docs/file-formats.md,
 * editorial rules). Reference titles are citations and are not read in this order. A
 * translation (docs/languages.md) is read the same way, with its language's everyday words.
 * @example acronymProblems(q) // ['sections[1].questions[0] (csirt).text: spell out "CSIRT" at its first use: … (CSIRT)']
 */
export function acronymProblems(q: Questionnaire, language: AcronymLanguage = 'en'): string[] {
  const known = KNOWN[language];
  const met = new Set<string>();
  const problems: string[] = [];
  for (const { at, text } of readingOrder(q)) {
    for (const match of text.matchAll(ABBREVIATION)) {
      const word = match[1]!;
      if (met.has(word) || known.has(word)) continue;
      met.add(word);
      if (!spelledOut(text, match.index, match[0].length)) {
        problems.push(
          `${at}: spell out "${word}" at its first use, e.g. "… (${word})" or "${word} (…)"`
        );
      }
    }
  }
  return problems;
}
