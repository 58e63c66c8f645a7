/**
 * The group's side (docs/architecture.md, "Group sessions"): a kit opened on a group's laptop
 * becomes a group session keyed by assessment and group, apart from any assessment stored here;
 * the group answers its questions only and saves a group response. No results, no scores, no
 * other group's answers ever reach this screen: the kit carries none. The questions show in the
 * assessment's language, translated by the app's own overlays or those the kit carries
 * (docs/languages.md).
 */
import { languageOf } from '$lib/domain/assessment/language';
import type { Answer, AnswerMap } from '$lib/domain/assessment/model';
import type { FileProblem } from '$lib/domain/problems';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { askedKeys, groupView } from '$lib/domain/workshop/kit-part';
import { fileSafe } from '$lib/format/file-safe';
import { envelopeText } from '$lib/io/envelope';
import { makeResponse } from '$lib/io/group-response';
import { parseKit, type ParsedKit } from '$lib/io/workshop-kit';
import { m } from '$lib/paraglide/messages.js';
import {
  getGroupSession,
  listGroupSessions,
  putGroupSession,
  sessionKey,
  type StoredGroupSession
} from '$lib/storage/group-sessions';
import { shippedDigests } from '$lib/storage/shipped';
import { download } from './download';
import { loadQuestionnaireText, type LocalizedQuestionnaire } from './questionnaire-text';

export interface GroupSessionView {
  key: string;
  kit: ParsedKit;
  /** The questionnaires narrowed to what the group answers, in the assessment's language. */
  view: Questionnaire[];
  /** Each pinned questionnaire in that language, with the strings left in English. */
  texts: LocalizedQuestionnaire[];
  asked: string[];
  answers: AnswerMap;
}

export type KitOpening =
  { ok: true; assessmentId: string; groupId: string } | { ok: false; problems: FileProblem[] };

/**
 * The workshop kit among files chosen in another import (a bundle's), found by the refusal
 * that names it as a kit: the screen then offers to open it as a group session instead.
 * @example kitRefusedAs([{ file: 'kit.json', code: 'envelope.other-format', params: { found: 'kit' } }], files)?.name // 'kit.json'
 */
export function kitRefusedAs(
  problems: readonly FileProblem[],
  files: readonly File[]
): File | null {
  const refused = problems.find(
    (p) => p.code === 'envelope.other-format' && p.params?.['found'] === 'kit'
  );
  return refused ? (files.find((f) => f.name === refused.file) ?? null) : null;
}

/**
 * Opens a kit file as a group session: checked like any import (nothing stored when it is
 * refused); a session of the same assessment and group already here keeps its answers.
 */
export async function openKit(file: File): Promise<KitOpening> {
  const text = await file.text();
  const read = parseKit(file.name, text, { shipped: shippedDigests });
  if (!read.ok) return read;
  const key = sessionKey(read.kit.assessment.id, read.kit.group.id);
  const existing = getGroupSession(key);
  const now = new Date().toISOString();
  putGroupSession(key, {
    kitText: text,
    file: file.name,
    answers: existing?.answers ?? {},
    startedAt: existing?.startedAt ?? now,
    updatedAt: now
  });
  return { ok: true, assessmentId: read.kit.assessment.id, groupId: read.kit.group.id };
}

/** A stored session, its kit read again with every check; null when there is none. */
export async function loadGroupSession(
  assessmentId: string,
  groupId: string
): Promise<GroupSessionView | null> {
  const key = sessionKey(assessmentId, groupId);
  const stored = getGroupSession(key);
  if (!stored) return null;
  const read = parseKit(stored.file, stored.kitText, { shipped: shippedDigests });
  if (!read.ok) return null;
  const { kit } = read;
  const language = languageOf(kit.assessment);
  const texts = await Promise.all(
    kit.questionnaires.map((q) => loadQuestionnaireText(q, language, kit.overlays ?? []))
  );
  const view = groupView(
    texts.map((t) => t.questionnaire),
    kit.assessment.scope,
    kit.part
  );
  return { key, kit, view, texts, asked: askedKeys(view), answers: stored.answers };
}

/**
 * Stores the group's answer to one question (null clears it). Synchronous: `localStorage`.
 * Returns the answers now stored.
 */
export function saveSessionAnswer(
  session: Pick<GroupSessionView, 'key'>,
  key: string,
  answer: Answer | null
): AnswerMap {
  const stored: StoredGroupSession | null = getGroupSession(session.key);
  if (!stored) throw new Error(m.workshop_session_gone());
  const answers = { ...stored.answers };
  if (answer) answers[key] = { ...answer, updatedAt: new Date().toISOString() };
  else delete answers[key];
  putGroupSession(session.key, { ...stored, answers, updatedAt: new Date().toISOString() });
  return answers;
}

/**
 * Saves the group response (encrypted when the user chose so). Returns the file name.
 * @example await downloadResponse(session) // 'Kenya-2026_response-academia.json'
 */
export function downloadResponse(session: GroupSessionView): Promise<string> {
  const { kit } = session;
  const answers: AnswerMap = {};
  for (const key of session.asked) {
    const answer = session.answers[key];
    if (answer?.state) answers[key] = answer;
  }
  const envelope = makeResponse(
    {
      assessment: { id: kit.assessment.id, questionnaires: kit.assessment.questionnaires },
      group: { id: kit.group.id, name: kit.group.name },
      answers
    },
    { appVersion: __APP_VERSION__ }
  );
  const word = fileSafe(m.workshop_response_file_word());
  const name = `${fileSafe(kit.assessment.title) || kit.assessment.country}_${kit.assessment.date}_${word}-${kit.group.id}_${kit.assessment.classification}.json`;
  return download(name, envelopeText(envelope), 'application/json');
}

/** A group session stored in this browser, to continue it. */
export interface GroupSessionEntry {
  key: string;
  assessmentId: string;
  groupId: string;
  group: string;
  title: string;
}

/** Every group session stored in this browser whose kit still reads. */
export function groupSessions(): GroupSessionEntry[] {
  const out: GroupSessionEntry[] = [];
  for (const key of listGroupSessions()) {
    const stored = getGroupSession(key);
    if (!stored) continue;
    const read = parseKit(stored.file, stored.kitText, { shipped: shippedDigests });
    if (!read.ok) continue;
    out.push({
      key,
      assessmentId: read.kit.assessment.id,
      groupId: read.kit.group.id,
      group: read.kit.group.name,
      title: read.kit.assessment.title
    });
  }
  return out;
}
