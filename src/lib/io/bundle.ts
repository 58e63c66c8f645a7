/**
 * Assessment bundles (docs/file-formats.md): one or many assessments with their answers and the
 * exact questionnaire versions they pin, in an envelope, so an advisor can score them without the
 * sender's machine. Validation here is complete — structure with zod, then every cross-reference
 * (pinned questionnaire present, answer keys name real questions, levels on the scale) — so the
 * storage layer only has to write.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { z } from '../domain/zod';
import { safeParseAnswer } from '../domain/assessment/answer-check';
import {
  assessmentSchema,
  type Answer,
  type AnswerMap,
  type Assessment
} from '../domain/assessment/model';
import {
  BINARY_VALUES,
  questionnaireSchema,
  type Question,
  type Questionnaire
} from '../domain/questionnaire/schema';
import { versionKey } from '../domain/questionnaire/version';
import type { BundleContent, BundleItem, ParsedBundle } from '../domain/records';
import { BUNDLE_FORMAT, unwrap, wrap, type Envelope, type UnwrapOptions } from './envelope';
import { checkKnownVersion, type ShippedDigests } from '../domain/known-questionnaires';
import { formatPath, type FileProblem, type ProblemParams } from '../domain/problems';
import { schemaIssues } from '../domain/schema-problems';
import { ADVICE_CODES, PATTERN_CODES } from '../domain/questionnaire/validate';
import { parseActions, sanitiseAction } from './action-records';
import { overlaysOfVersions, parseBundleOverlays } from './bundle-overlays';
import type { QuestionnaireOverlay } from '../domain/questionnaire/overlay-schema';
import { parseConsensusHistory, parseGroupAnswers } from './workshop-records';

export { BUNDLE_FORMAT };
export { canonicalJson } from '../domain/records';
export type { BundleContent, BundleItem, ParsedBundle } from '../domain/records';
export { versionKey };

/** Collects problems; a path is a list of keys from the document's root. */
export type IssueSink = (
  path: readonly PropertyKey[],
  code: string,
  params?: ProblemParams
) => void;

/**
 * A sink that collects problems of `file` into `problems`, each with its path written as a
 * developer would write it (`content.assessments[3].answers["privacy/law"].level`).
 */
export function problemSink(file: string, problems: FileProblem[]): IssueSink {
  return (path, code, params) =>
    problems.push({
      file,
      path: formatPath(path) || undefined,
      code,
      ...(params ? { params } : {})
    });
}

/**
 * Validates one value, reporting every zod issue under `at`; undefined when invalid.
 * @example parseAt(assessmentSchema, raw, ['content', 'assessments', 0], issue)
 */
export function parseAt<S extends z.ZodType>(
  schema: S,
  value: unknown,
  at: readonly PropertyKey[],
  issue: IssueSink
): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // A value the file leaves out entirely is missing, not of the wrong type.
  if (value === undefined) issue(at, 'schema.missing');
  else reportIssues(parsed.error.issues, value, at, issue);
  return undefined;
}

/** zod issues of `value` (checked at `at`) as problems through the sink. */
function reportIssues(
  issues: readonly z.core.$ZodIssue[],
  value: unknown,
  at: readonly PropertyKey[],
  issue: IssueSink
): void {
  for (const i of schemaIssues(issues, value, PATTERN_CODES, ADVICE_CODES)) {
    issue([...at, ...i.path], i.code, i.params);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An answers map validated answer by answer, so one bad answer does not hide the others.
 * Keys zod would silently drop (`__proto__`) are reported instead.
 * @example parseAnswerMap({ 'q/a': { state: 'unknown' } }, ['answers'], issue) // { 'q/a': … }
 */
export function parseAnswerMap(
  value: unknown,
  at: readonly PropertyKey[],
  issue: IssueSink
): AnswerMap | undefined {
  if (!isRecord(value)) {
    issue(at, 'bundle.answers-not-object');
    return undefined;
  }
  const answers: AnswerMap = {};
  let ok = true;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') {
      issue([...at, key], 'bundle.answer-key-reserved');
      ok = false;
      continue;
    }
    // The schema's own check, hand-written for speed (a backup holds hundreds of thousands).
    const answer = safeParseAnswer(value[key]);
    if (answer.success) answers[key] = answer.data;
    else {
      reportIssues(answer.error.issues, value[key], [...at, key], issue);
      ok = false;
    }
  }
  return ok ? answers : undefined;
}

/** The questionnaire versions an assessment pins that were found, and the ids of those not found. */
export interface PinnedLookup {
  found: Questionnaire[];
  missing: ReadonlySet<string>;
}

/**
 * The questionnaire versions an assessment pins, in its order, looked up among those available;
 * a missing version or an id pinned twice is reported.
 * @example resolvePinned(assessment, byKey, ['assessment'], issue, 'bundle').found // [privacy]
 */
export function resolvePinned(
  assessment: Assessment,
  available: ReadonlyMap<string, Questionnaire>,
  at: readonly PropertyKey[],
  issue: IssueSink,
  whereToFind: 'bundle' | 'backup'
): PinnedLookup {
  const found: Questionnaire[] = [];
  const missing = new Set<string>();
  const seen = new Set<string>();
  assessment.questionnaires.forEach((pin, i) => {
    const here = [...at, 'questionnaires', i];
    if (seen.has(pin.id)) {
      issue(here, 'bundle.pinned-twice', { id: pin.id });
    }
    seen.add(pin.id);
    const q = available.get(versionKey(pin.id, pin.version));
    if (q) found.push(q);
    else {
      missing.add(pin.id);
      issue(here, 'bundle.pinned-missing', {
        questionnaire: versionKey(pin.id, pin.version),
        where: whereToFind
      });
    }
  });
  return { found, missing };
}

/** The scale values and question lookup of one questionnaire, made once per questionnaire. */
interface QuestionnaireIndex {
  values: number[];
  questions: Map<string, Question>;
}

const indexes = new WeakMap<Questionnaire, QuestionnaireIndex>();

function indexOf(q: Questionnaire): QuestionnaireIndex {
  let index = indexes.get(q);
  if (!index) {
    index = {
      values: q.scale.map((l) => l.value),
      questions: new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, x])))
    };
    indexes.set(q, index);
  }
  return index;
}

function checkAnswer(
  q: Questionnaire,
  question: Question,
  answer: Answer,
  parent: readonly PropertyKey[],
  key: string,
  issue: IssueSink
): void {
  const { values } = indexOf(q);
  // The answer's path, made only when there is something to report (most answers are fine).
  const at = (field: string) => [...parent, key, field];
  const scale = () => ({ questionnaire: versionKey(q.id, q.version), values: values.join(', ') });
  if (answer.state === 'na' && !question.naAllowed) {
    issue(at('state'), 'bundle.na-not-allowed', {
      question: question.id,
      questionnaire: versionKey(q.id, q.version)
    });
  }
  if (question.type === 'choice') {
    const ids = question.options.map((o) => o.id);
    if (answer.level !== undefined || answer.target !== undefined) {
      issue(at(answer.level !== undefined ? 'level' : 'target'), 'bundle.choice-not-level', {
        question: question.id,
        options: ids.join(', ')
      });
    }
    if (answer.option !== undefined && !ids.includes(answer.option)) {
      issue(at('option'), 'bundle.unknown-option', {
        option: answer.option,
        question: question.id,
        options: ids.join(', ')
      });
    }
    return;
  }
  if (answer.option !== undefined) {
    issue(at('option'), 'bundle.level-not-option', { question: question.id });
  }
  if (answer.level !== undefined) {
    if (question.type === 'binary') {
      if (typeof answer.level !== 'string') {
        issue(at('level'), 'bundle.binary-level', {
          question: question.id,
          values: BINARY_VALUES.join(', ')
        });
      }
    } else if (typeof answer.level !== 'number' || !values.includes(answer.level)) {
      issue(at('level'), 'bundle.level-off-scale', {
        level: JSON.stringify(answer.level),
        ...scale()
      });
    }
  }
  if (answer.target !== undefined) {
    if (question.type === 'binary') {
      issue(at('target'), 'bundle.binary-target', { question: question.id });
    } else if (!values.includes(answer.target)) {
      issue(at('target'), 'bundle.target-off-scale', { target: answer.target, ...scale() });
    }
  }
}

/**
 * Checks that every answer key names a question of a pinned questionnaire and that every value is
 * valid for that question (level on the scale, N/A only where allowed, target only on maturity).
 * Answers to a questionnaire reported missing by `resolvePinned` are skipped.
 * @example checkAnswers(answers, resolvePinned(…), ['answers'], issue)
 */
export function checkAnswers(
  answers: AnswerMap,
  { found: pinned, missing }: PinnedLookup,
  at: readonly PropertyKey[],
  issue: IssueSink
): void {
  const byId = new Map(pinned.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) {
    const answer = answers[key]!;
    const slash = key.indexOf('/');
    const qid = slash < 0 ? key : key.slice(0, slash);
    const questionId = slash < 0 ? '' : key.slice(slash + 1);
    // Answers to a pinned version that is missing were reported with the pin.
    if (missing.has(qid)) continue;
    const q = byId.get(qid);
    if (slash < 0 || !q) {
      const ids = pinned.map((p) => p.id).join(', ');
      issue([...at, key], 'bundle.answer-key-unknown', { ids });
      continue;
    }
    const question = indexOf(q).questions.get(questionId);
    if (!question) {
      issue([...at, key], 'bundle.question-unknown', {
        questionnaire: versionKey(q.id, q.version),
        question: questionId
      });
      continue;
    }
    checkAnswer(q, question, answer, at, key, issue);
  }
}

/**
 * Reports the second and later occurrences of each key.
 * @example checkUnique(items, (i) => i.assessment.id, (n) => ['assessments', n], 'bundle.assessment-twice', issue)
 */
export function checkUnique<T>(
  values: readonly (T | undefined)[],
  keyOf: (value: T) => string,
  at: (index: number) => readonly PropertyKey[],
  code: string,
  issue: IssueSink
): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (value === undefined) return;
    const key = keyOf(value);
    if (seen.has(key)) issue(at(i), code, { key });
    seen.add(key);
  });
}

export interface MakeBundleOptions {
  appVersion: string;
  /** Drop personal and sensitive detail (see `sanitiseItem`). */
  sanitise?: boolean;
  exportedAt?: string;
  /** Translations; those of the versions the bundle carries go in (docs/languages.md). */
  overlays?: readonly QuestionnaireOverlay[];
}

/**
 * The sanitised copy of one assessment, for sharing beyond the team that made it: without the
 * names of participants, facilitator and respondent, without the reasons it was reopened, and
 * without each answer's evidence and comment (free text that may name people, systems and
 * weaknesses). Kept: levels, states, N/A
 * reasons (an N/A answer is invalid without one and the reason explains a scoring choice),
 * regional arrangements, flags, targets, the narrative and who validated it (the claim a report
 * makes rests on it). Actions stay, without owners, supporting agencies and progress notes.
 * A workshop loses its groups, the groups' answers, the consensus rationales and the consensus
 * history: the copy holds the consensus alone.
 * @example sanitiseItem(item).answers['q/a']?.evidence // undefined
 */
export function sanitiseItem(item: BundleItem): BundleItem {
  const answers: AnswerMap = {};
  for (const [key, answer] of Object.entries(item.answers)) {
    const { evidence: _evidence, comment: _comment, rationale: _rationale, ...kept } = answer;
    answers[key] = kept;
  }
  const { groups: _groups, anonymiseGroups: _anonymise, ...withoutGroups } = item.assessment;
  return {
    assessment: {
      ...withoutGroups,
      respondent: '',
      // Reasons for reopening are free text that names people ("Dr X found an error").
      reopenings: [],
      provenance: { ...item.assessment.provenance, participants: [], facilitator: '' }
    },
    answers,
    actions: (item.actions ?? []).map(sanitiseAction),
    groupAnswers: {},
    consensusHistory: []
  };
}

/**
 * Wraps assessments, their answers and the questionnaire versions they pin into a bundle. Only
 * the pinned versions are included, once each. Throws when a pinned version is not among
 * `questionnaires`: the caller reads them from the database, where they must exist.
 * @example
 * const envelope = makeBundle([{ assessment, answers }], [privacy], { appVersion: '0.1.0' });
 * download('kenya.json', envelopeText(envelope));
 */
export function makeBundle(
  items: readonly BundleItem[],
  questionnaires: readonly Questionnaire[],
  options: MakeBundleOptions
): Envelope<BundleContent> {
  const available = new Map(questionnaires.map((q) => [versionKey(q.id, q.version), q]));
  const included = new Map<string, Questionnaire>();
  const missing: string[] = [];
  for (const item of items) {
    for (const pin of item.assessment.questionnaires) {
      const key = versionKey(pin.id, pin.version);
      const found = available.get(key);
      if (found) included.set(key, found);
      else if (!missing.includes(key)) missing.push(key);
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `Cannot export: questionnaire version ${missing.join(', ')} is not stored in this browser.`
    );
  }
  const content: BundleContent = {
    sanitised: options.sanitise ?? false,
    assessments: options.sanitise
      ? items.map(sanitiseItem)
      : items.map((item) => ({
          ...item,
          actions: item.actions ?? [],
          groupAnswers: item.groupAnswers ?? {},
          consensusHistory: item.consensusHistory ?? []
        })),
    questionnaires: [...included.values()]
  };
  const overlays = overlaysOfVersions(options.overlays ?? [], content.questionnaires);
  if (overlays.length > 0) content.overlays = overlays;
  return wrap(BUNDLE_FORMAT, content, options.appVersion, options.exportedAt);
}

export type BundleResult =
  { ok: true; bundle: ParsedBundle } | { ok: false; file: string; problems: FileProblem[] };

const ROOT = ['content'] as const;

export interface ParseFileOptions extends UnwrapOptions {
  /**
   * The built-in questionnaire versions (digest by `id@version`): a file whose copy of one of
   * them differs is refused. The app always passes them; the command line has none.
   */
  shipped?: ShippedDigests;
}

/**
 * The questionnaire versions a file carries (a bundle, a workshop kit): each checked against the
 * schema, none twice, none a changed copy of a built-in one; with them keyed `id@version` for the
 * assessments that pin them. Entries that fail stay `undefined`, so paths keep their index.
 */
export function readCarriedQuestionnaires(
  file: string,
  raw: readonly unknown[],
  path: readonly PropertyKey[],
  shipped: ShippedDigests | undefined,
  issue: IssueSink
): { questionnaires: (Questionnaire | undefined)[]; available: Map<string, Questionnaire> } {
  const at = (i: number) => [...path, i];
  const questionnaires = raw.map((q, i) => parseAt(questionnaireSchema, q, at(i), issue));
  checkUnique(
    questionnaires,
    (q) => versionKey(q.id, q.version),
    at,
    'bundle.questionnaire-twice',
    issue
  );
  checkShipped(file, questionnaires, shipped, at, issue);
  const available = new Map<string, Questionnaire>();
  for (const q of questionnaires) if (q) available.set(versionKey(q.id, q.version), q);
  return { questionnaires, available };
}

/**
 * Reports each questionnaire whose id+version is built in but whose content is not the
 * built-in file's (the rule in known-questionnaires.ts, shared with backups and the custom
 * import).
 * @example checkShipped('kenya.json', questionnaires, digests, (i) => ['content', 'questionnaires', i], issue)
 */
export function checkShipped(
  file: string,
  questionnaires: readonly (Questionnaire | undefined)[],
  shipped: ShippedDigests | undefined,
  at: (index: number) => readonly PropertyKey[],
  issue: IssueSink
): void {
  if (!shipped || shipped.size === 0) return;
  questionnaires.forEach((q, i) => {
    if (!q) return;
    const verdict = checkKnownVersion(file, q, {
      shipped: shipped.get(versionKey(q.id, q.version))
    });
    if (verdict.kind === 'refused') issue(at(i), verdict.problem.code, verdict.problem.params);
  });
}

/**
 * Reads a bundle file: envelope, then every questionnaire and assessment, then every
 * cross-reference. All problems are reported at once, each with its path and the fix. Never throws.
 * @example
 * const result = parseBundle('kenya.json', text);
 * if (!result.ok) show(result.problems.map(problemText));
 */
export function parseBundle(
  file: string,
  text: string,
  options: ParseFileOptions = {}
): BundleResult {
  const opened = unwrap(file, text, BUNDLE_FORMAT, options);
  if (!opened.ok) return { ok: false, file, problems: [opened.fileProblem] };

  const problems: FileProblem[] = [];
  const issue = problemSink(file, problems);
  const content = opened.content;
  if (!isRecord(content)) {
    issue(ROOT, 'bundle.content-shape');
    return { ok: false, file, problems };
  }
  const sanitised = parseAt(
    z.boolean().default(false),
    content['sanitised'],
    [...ROOT, 'sanitised'],
    issue
  );
  const rawQuestionnaires =
    parseAt(z.array(z.unknown()), content['questionnaires'], [...ROOT, 'questionnaires'], issue) ??
    [];
  const rawItems =
    parseAt(z.array(z.unknown()), content['assessments'], [...ROOT, 'assessments'], issue) ?? [];

  const { questionnaires, available } = readCarriedQuestionnaires(
    file,
    rawQuestionnaires,
    [...ROOT, 'questionnaires'],
    options.shipped,
    issue
  );

  const overlays = parseBundleOverlays(
    content['overlays'],
    questionnaires.filter((q) => q !== undefined),
    [...ROOT, 'overlays'],
    issue
  );

  const items = rawItems.map((raw, i) => {
    const at = [...ROOT, 'assessments', i];
    if (!isRecord(raw)) {
      issue(at, 'bundle.item-shape');
      return undefined;
    }
    const assessment = parseAt(assessmentSchema, raw['assessment'], [...at, 'assessment'], issue);
    const answers = parseAnswerMap(raw['answers'], [...at, 'answers'], issue);
    if (!assessment) return undefined;
    const pinned = resolvePinned(assessment, available, [...at, 'assessment'], issue, 'bundle');
    const actions = parseActions(
      raw['actions'],
      assessment.id,
      pinned.found,
      [...at, 'actions'],
      issue
    );
    const groupAnswers = parseGroupAnswers(
      raw['groupAnswers'],
      assessment,
      pinned,
      [...at, 'groupAnswers'],
      issue
    );
    const consensusHistory = parseConsensusHistory(
      raw['consensusHistory'],
      [...at, 'consensusHistory'],
      issue
    );
    if (!answers || !actions || !groupAnswers || !consensusHistory) return undefined;
    checkAnswers(answers, pinned, [...at, 'answers'], issue);
    return { assessment, answers, actions, groupAnswers, consensusHistory };
  });
  checkUnique(
    items,
    (item) => item.assessment.id,
    (i) => [...ROOT, 'assessments', i, 'assessment', 'id'],
    'bundle.assessment-twice',
    issue
  );

  if (problems.length > 0) return { ok: false, file, problems };
  return {
    ok: true,
    bundle: {
      file,
      appVersion: opened.appVersion,
      exportedAt: opened.exportedAt,
      ...(opened.upgradedFrom === undefined ? {} : { upgradedFrom: opened.upgradedFrom }),
      sanitised: sanitised ?? false,
      items: items.filter((item) => item !== undefined),
      questionnaires: questionnaires.filter((q) => q !== undefined),
      ...(overlays && overlays.length > 0 ? { overlays } : {})
    }
  };
}
