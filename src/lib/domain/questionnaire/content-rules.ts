import { acronymProblems } from './acronyms';
import type { Questionnaire } from './schema';
import { SHORT_TITLE_MAX } from './schema';

/** How many questions a built-in questionnaire puts in its core set (docs/file-formats.md). */
export const CORE_RANGE = { min: 6, max: 10 } as const;

/**
 * A safeguard written into a descriptor instead of a `cap` ("rate 2 at most unless …",
 * "cannot be rated 3"): the condition belongs in `cap`, and the level text says what exists.
 */
const CAP_SENTENCES: readonly RegExp[] = [
  /\bat most\s+(?:level\s+)?\d\b/i,
  /\b\d\s+at most\b/i,
  /\b(?:cannot|can ?not|may not|must not|should not) be (?:rated|scored|answered)\b/i,
  /\b(?:rated|scored|answered)\s+(?:no higher|not higher|not above)\b/i,
  /\bno higher than (?:level\s+)?\d\b/i,
  /\bif any (?:is|are|of them is) missing\b/i
];

/**
 * A stem about joining an instrument: that is a `choice` context question, never scored. Both a
 * joining word and an instrument must be there ("signed with DNSSEC" is not about a treaty).
 */
const JOINING =
  /\b(?:sign(?:ed|s|ing)?|ratif(?:y|ied|ies|ying|ication)|accede(?:d|s)?|acceding|accession|endorsed?|supporters? of|party to)\b/i;
const INSTRUMENT = /\b(?:declaration|convention|call|treat(?:y|ies)|protocol|charter)\b/i;
const asksInstrumentStatus = (text: string) => JOINING.test(text) && INSTRUMENT.test(text);

/**
 * Editorial rules for the built-in questionnaires (issue: content), stricter than the file
 * format: custom questionnaires only need to be valid, ours must also be good enough to put in
 * front of a ministry workshop. They apply to the current edition of each file; earlier editions
 * stay as published. Returns readable problems, empty when the file passes.
 * @example contentProblems(q) // ['sections[0].questions[3].levels.2: 41 characters; write at least 60']
 */
export function contentProblems(q: Questionnaire): string[] {
  const problems: string[] = [];
  const expectedLabels = ['Start-up', 'Formative', 'Established', 'Strategic', 'Dynamic'];
  const labels = q.scale.map((l) => l.label);
  if (labels.join('|') !== expectedLabels.join('|') || q.scale.some((l, i) => l.value !== i + 1)) {
    problems.push(`scale: use the five CMM stages 1–5 (${expectedLabels.join(', ')})`);
  }
  if (q.sections.length < 3 || q.sections.length > 6) {
    problems.push(`sections: ${q.sections.length} sections; write 3 to 6`);
  }
  const questions = q.sections.flatMap((s) => s.questions);
  if (questions.length < 24) problems.push(`${questions.length} questions; write at least 24`);
  const core = questions.filter((x) => x.core).length;
  if (core < CORE_RANGE.min || core > CORE_RANGE.max) {
    problems.push(
      `core: ${core} questions have core: true; mark ${CORE_RANGE.min} to ${CORE_RANGE.max} ` +
        `(about eight) that a one-day workshop can answer in plenary`
    );
  }

  const seen = new Map<string, string>();
  const remember = (where: string, value: string) => {
    const key = value.trim().toLowerCase();
    const first = seen.get(key);
    if (first) problems.push(`${where}: same text as ${first}`);
    else seen.set(key, where);
  };
  const shortTitles = new Map<string, string>();

  q.sections.forEach((section, si) => {
    section.questions.forEach((question, qi) => {
      const at = `sections[${si}].questions[${qi}] (${question.id})`;
      const short = question.shortTitle?.trim();
      if (!short) {
        problems.push(
          `${at}.shortTitle: give a plain title of at most ${SHORT_TITLE_MAX} characters`
        );
      } else {
        if (short.length > SHORT_TITLE_MAX) {
          problems.push(
            `${at}.shortTitle: ${short.length} characters; write at most ${SHORT_TITLE_MAX}`
          );
        }
        const prior = shortTitles.get(short.toLowerCase());
        if (prior) problems.push(`${at}.shortTitle: same as ${prior}; make each one distinct`);
        else shortTitles.set(short.toLowerCase(), `${at}.shortTitle`);
      }
      if (!question.guidance || question.guidance.length < 60) {
        problems.push(`${at}.guidance: say what the question means and who knows the answer`);
      }
      if (question.evidence.length === 0) problems.push(`${at}.evidence: give evidence examples`);
      if (question.references.length === 0) problems.push(`${at}.references: cite at least one`);
      if (question.type === 'choice') return;
      if (asksInstrumentStatus(question.text)) {
        problems.push(
          `${at}.text: asks whether an instrument was signed, ratified or acceded to; make it a ` +
            `choice question, one per instrument (not signed / signed / ratified / in force)`
        );
      }
      const levels = Object.entries(question.levels);
      for (const [key, descriptor] of levels) {
        if (descriptor.length < 60) {
          problems.push(`${at}.levels.${key}: ${descriptor.length} characters; write at least 60`);
        }
        const capSentence = CAP_SENTENCES.find((pattern) => pattern.test(descriptor));
        if (capSentence) {
          problems.push(
            `${at}.levels.${key}: "${descriptor.match(capSentence)![0]}" caps the level in the ` +
              `text; put the condition in cap: { atMost, unless } and describe what exists`
          );
        }
        remember(`${at}.levels.${key}`, descriptor);
      }
      for (let i = 1; i < levels.length; i++) {
        if (levels[i]![1].trim() === levels[i - 1]![1].trim()) {
          problems.push(`${at}.levels.${levels[i]![0]}: same as the level below`);
        }
      }
      for (const [key, rec] of Object.entries(question.recommendations)) {
        if (rec) remember(`${at}.recommendations.${key}`, rec);
      }
    });
  });
  problems.push(...capLoops(q), ...acronymProblems(q));
  return problems;
}

/**
 * Caps that hold each other up: A is capped unless B reaches a level while B is capped unless A
 * does, so neither can rise first. The format allows it; a built-in file must not do it.
 */
function capLoops(q: Questionnaire): string[] {
  const capsOf = new Map<string, string[]>();
  for (const question of q.sections.flatMap((s) => s.questions)) {
    if (question.type === 'maturity' && question.cap) {
      capsOf.set(
        question.id,
        question.cap.unless.map((c) => c.question)
      );
    }
  }
  const problems: string[] = [];
  for (const [id, conditions] of capsOf) {
    for (const other of conditions) {
      if (id < other && capsOf.get(other)?.includes(id)) {
        problems.push(`cap: "${id}" and "${other}" cap each other; keep the cap on one of them`);
      }
    }
  }
  return problems;
}
