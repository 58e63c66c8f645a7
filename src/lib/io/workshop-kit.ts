/**
 * The workshop kit (docs/file-formats.md, "Workshop kit"): what one stakeholder group needs to
 * answer on its own laptop — the assessment's identity, its pinned questionnaire versions, its
 * scope and language, the group, the part the group answers when it has one, and the
 * translations of the pinned versions (as a bundle carries them). No answers, no results, no
 * other group. Read like a bundle: envelope, then every field, then every
 * cross-reference; every refusal is a FileProblem and nothing is thrown.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { z } from '../domain/zod';
import {
  assessmentIdSchema,
  boundedText,
  calendarDateSchema,
  countryCodeSchema
} from '../domain/field-rules';
import {
  ASSESSMENT_LANGUAGES,
  CLASSIFICATIONS,
  pinnedQuestionnaireSchema
} from '../domain/assessment/model';
import type { Assessment } from '../domain/assessment/model';
import { ASSESSMENT_SCOPES } from '../domain/questionnaire/core';
import type { QuestionnaireOverlay } from '../domain/questionnaire/overlay-schema';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { versionKey } from '../domain/questionnaire/version';
import type { FileProblem } from '../domain/problems';
import { groupSchema, partEntrySchema, PART_MAX } from '../domain/workshop/group-schema';
import { livePart } from '../domain/workshop/kit-part';
import type { Group } from '../domain/workshop/groups';
import { overlaysOfVersions, parseBundleOverlays } from './bundle-overlays';
import { WORKSHOP_KIT_FORMAT, wrap, type Envelope } from './envelope';
import { openContent } from './open-content';
import {
  parseAt,
  readCarriedQuestionnaires,
  resolvePinned,
  type IssueSink,
  type ParseFileOptions
} from './bundle';

export { WORKSHOP_KIT_FORMAT };

export const KIT_LANGUAGES = ['en', 'fr'] as const;

/** The assessment as a kit carries it: who, what and which versions — nothing answered. */
export const kitAssessmentSchema = z.object({
  id: assessmentIdSchema,
  country: countryCodeSchema,
  title: boundedText('short').trim().min(1, 'give the assessment a title'),
  date: calendarDateSchema,
  classification: z.enum(CLASSIFICATIONS),
  scope: z.enum(ASSESSMENT_SCOPES).default('full'),
  /** The language of the questionnaire text; absent (kits made before it) = English. */
  language: z.enum(ASSESSMENT_LANGUAGES).optional(),
  questionnaires: z.array(pinnedQuestionnaireSchema).min(1, 'choose at least one questionnaire')
});
export type KitAssessment = z.output<typeof kitAssessmentSchema>;

export interface WorkshopKit {
  assessment: KitAssessment;
  group: Group;
  /** The part the group answers, when the facilitator gave it one. */
  part?: string[] | undefined;
  language?: (typeof KIT_LANGUAGES)[number] | undefined;
  questionnaires: Questionnaire[];
  /** Translations of the pinned versions, at most one per version and language. */
  overlays?: QuestionnaireOverlay[] | undefined;
}

export interface ParsedKit extends WorkshopKit {
  file: string;
  appVersion: string;
  exportedAt: string;
}

export type KitResult = { ok: true; kit: ParsedKit } | { ok: false; problems: FileProblem[] };

/** What a kit takes from the assessment: never its answers or scores. */
export type KitSource = Pick<
  Assessment,
  | 'id'
  | 'country'
  | 'title'
  | 'date'
  | 'classification'
  | 'scope'
  | 'language'
  | 'questionnaires'
  | 'groups'
>;

/**
 * The kit of one group of a workshop assessment, carrying the group's part (or `options.part`)
 * as far as it still names pinned questionnaires and sections. Throws when the group is not one of the
 * assessment's or a pinned version is not among `questionnaires` (the caller reads both from
 * the database, where they must exist).
 * Of `overlays`, those of the pinned versions go in (docs/languages.md).
 * @example makeKit(assessment, 'academia', [privacy], { appVersion: '0.1.0', language: 'en' })
 */
export function makeKit(
  assessment: KitSource,
  groupId: string,
  questionnaires: readonly Questionnaire[],
  options: {
    appVersion: string;
    language?: WorkshopKit['language'];
    part?: string[];
    exportedAt?: string;
    overlays?: readonly QuestionnaireOverlay[];
  }
): Envelope<WorkshopKit> {
  const group = (assessment.groups ?? []).find((g) => g.id === groupId);
  if (!group) throw new Error(`The group ${groupId} is not one of this workshop's groups.`);
  const byKey = new Map(questionnaires.map((q) => [versionKey(q.id, q.version), q]));
  const pinned = assessment.questionnaires.map((pin) => {
    const q = byKey.get(versionKey(pin.id, pin.version));
    if (!q) throw new Error(`Questionnaire ${versionKey(pin.id, pin.version)} is not stored.`);
    return q;
  });
  const { part: groupPart, ...kitGroup } = group;
  const part = livePart(options.part ?? groupPart ?? [], pinned);
  const content: WorkshopKit = {
    assessment: {
      id: assessment.id,
      country: assessment.country,
      title: assessment.title,
      date: assessment.date,
      classification: assessment.classification,
      scope: assessment.scope ?? 'full',
      ...(assessment.language ? { language: assessment.language } : {}),
      questionnaires: assessment.questionnaires.map((p) => ({ id: p.id, version: p.version }))
    },
    group: kitGroup,
    ...(part.length > 0 ? { part } : {}),
    ...(options.language ? { language: options.language } : {}),
    questionnaires: pinned
  };
  const overlays = overlaysOfVersions(options.overlays ?? [], pinned);
  if (overlays.length > 0) content.overlays = overlays;
  return wrap(WORKSHOP_KIT_FORMAT, content, options.appVersion, options.exportedAt);
}

const ROOT = ['content'] as const;

/** A kit names the group's part once, beside the group: a part inside the group is not read. */
function withoutPart(group: Group): Group {
  const { part: _part, ...kept } = group;
  return kept;
}

/** Checks that each entry of a part names a pinned questionnaire (and a section of it). */
function checkPart(
  part: readonly string[],
  pinned: readonly Questionnaire[],
  issue: IssueSink
): void {
  const byId = new Map(pinned.map((q) => [q.id, q]));
  part.forEach((entry, i) => {
    const [qid, sectionId] = entry.split('/');
    const q = byId.get(qid!);
    if (!q || (sectionId !== undefined && !q.sections.some((s) => s.id === sectionId))) {
      issue([...ROOT, 'part', i], 'kit.part-unknown', { part: entry });
    }
  });
}

/**
 * Reads a kit file. Never throws; every problem names the file and the path inside it.
 * @example const read = parseKit('academia-kit.json', text); if (read.ok) startSession(read.kit);
 */
export function parseKit(file: string, text: string, options: ParseFileOptions = {}): KitResult {
  const opened = openContent(file, text, WORKSHOP_KIT_FORMAT, options);
  if (!opened.ok) return opened;
  const { content, problems, issue } = opened;
  const assessment = parseAt(
    kitAssessmentSchema,
    content['assessment'],
    [...ROOT, 'assessment'],
    issue
  );
  const group = parseAt(groupSchema, content['group'], [...ROOT, 'group'], issue);
  const part = parseAt(
    z.array(partEntrySchema).max(PART_MAX).optional(),
    content['part'],
    [...ROOT, 'part'],
    issue
  );
  const language = parseAt(
    z.enum(KIT_LANGUAGES).optional(),
    content['language'],
    [...ROOT, 'language'],
    issue
  );
  const rawQuestionnaires =
    parseAt(
      z.array(z.unknown()).max(100),
      content['questionnaires'],
      [...ROOT, 'questionnaires'],
      issue
    ) ?? [];
  const { questionnaires, available } = readCarriedQuestionnaires(
    file,
    rawQuestionnaires,
    [...ROOT, 'questionnaires'],
    options.shipped,
    issue
  );
  let pinned: Questionnaire[] = [];
  if (assessment) {
    pinned = resolvePinned(
      { ...assessment, questionnaires: assessment.questionnaires } as Assessment,
      available,
      [...ROOT, 'assessment'],
      issue,
      'bundle'
    ).found;
    if (part) checkPart(part, pinned, issue);
  }
  const overlays = parseBundleOverlays(
    content['overlays'],
    questionnaires.filter((q) => q !== undefined),
    [...ROOT, 'overlays'],
    issue
  );
  if (problems.length > 0 || !assessment || !group) return { ok: false, problems };
  return {
    ok: true,
    kit: {
      file,
      appVersion: opened.appVersion,
      exportedAt: opened.exportedAt,
      assessment,
      group: withoutPart(group),
      ...(part && part.length > 0 ? { part } : {}),
      ...(language ? { language } : {}),
      questionnaires: pinned,
      ...(overlays && overlays.length > 0 ? { overlays } : {})
    }
  };
}
