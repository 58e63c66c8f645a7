/**
 * The facilitator's side of kits and responses (docs/file-formats.md, "Workshop kit" and
 * "Group response"): save a kit for one group, read the responses that come back — each checked
 * against this assessment, refused with problems naming file and field — and write them into the
 * group answers in one transaction, replacing a group's earlier answers or filling only its gaps.
 */
import type { Assessment } from '$lib/domain/assessment/model';
import type { FileProblem } from '$lib/domain/problems';
import { groupView, askedKeys } from '$lib/domain/workshop/kit-part';
import {
  askedOnly,
  responseChanges,
  summariseResponse,
  type ResponseMode,
  type ResponseSummary
} from '$lib/domain/workshop/response-merge';
import { fileSafe } from '$lib/format/file-safe';
import { envelopeText } from '$lib/io/envelope';
import { checkResponse, parseResponse, type ParsedResponse } from '$lib/io/group-response';
import { makeKit, type KitSource } from '$lib/io/workshop-kit';
import { m } from '$lib/paraglide/messages.js';
import { storedOverlaysOf } from '$lib/storage/overlays';
import * as store from '$lib/storage/workshop';
import type { ImportOutcome } from './data/imports';
import { download } from './download';
import { getLocale } from './language';
import { attempt } from './notices.svelte';
import { builtinOverlaysOf } from './questionnaire-text';
import { builtinCopiesChecked, loadAllPinned } from './questionnaires';

export type { ResponseMode, ResponseSummary };

/**
 * Saves the kit of one group (encrypted when the user chose so), with the translations of the
 * pinned versions: the app's own first, then those stored with them (docs/file-formats.md,
 * "Workshop kit"). Returns the file name.
 * @example await downloadKit(assessment, 'academia') // 'Kenya_2026-12-01_kit-academia_AMBER.json'
 */
export async function downloadKit(assessment: KitSource, groupId: string): Promise<string> {
  await builtinCopiesChecked();
  const questionnaires = await loadAllPinned(assessment.questionnaires);
  const language = getLocale() === 'fr' ? 'fr' : 'en';
  const overlays = [
    ...(await builtinOverlaysOf(questionnaires)),
    ...(await storedOverlaysOf(assessment.questionnaires))
  ];
  const envelope = makeKit(assessment, groupId, questionnaires, {
    appVersion: __APP_VERSION__,
    language,
    overlays
  });
  const word = fileSafe(m.workshop_kit_file_word());
  const name = `${fileSafe(assessment.title) || assessment.country}_${assessment.date}_${word}-${groupId}_${assessment.classification}.json`;
  return download(name, envelopeText(envelope), 'application/json');
}

/** One response read and checked, with how it compares with what its group gave here. */
export interface ResponseRead {
  file: string;
  groupId: string;
  groupName: string;
  /** The response with only the answers to questions its group was asked. */
  response: ParsedResponse;
  summary: ResponseSummary;
  /** Answers to questions outside the group's part (or scope), left out. */
  outside: number;
}

export type ResponsesCheck =
  { ok: true; reads: ResponseRead[] } | { ok: false; problems: FileProblem[] };

/**
 * Reads response files for this assessment: each must be a response to it, from one of its
 * groups, against exactly its pinned versions; two files of one group are refused. Writes nothing.
 * @example const check = await readResponses(assessment, files, (text, done, total) => flow.say(text, { done, total }));
 */
export async function readResponses(
  assessment: Pick<Assessment, 'id' | 'title' | 'questionnaires' | 'groups' | 'scope'>,
  files: readonly File[],
  progress: (text: string, done: number, total: number) => void
): Promise<ResponsesCheck> {
  const pinned = await loadAllPinned(assessment.questionnaires);
  const askedOf = (part: readonly string[] | undefined) =>
    askedKeys(groupView(pinned, assessment.scope, part));
  const { answers: stored } = await store.getWorkshop(assessment.id);
  const problems: FileProblem[] = [];
  const reads: ResponseRead[] = [];
  const seen = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    progress(m.workshop_response_reading({ file: file.name }), i, files.length);
    const parsed = parseResponse(file.name, await file.text());
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const refused = checkResponse(parsed.response, assessment, pinned);
    if (refused.length > 0) {
      problems.push(...refused);
      continue;
    }
    const { response } = parsed;
    const first = seen.get(response.group.id);
    if (first !== undefined) {
      problems.push({
        file: file.name,
        path: 'content.group.id',
        code: 'response.group-twice',
        params: { group: response.group.name, first }
      });
      continue;
    }
    seen.set(response.group.id, file.name);
    const group = (assessment.groups ?? []).find((g) => g.id === response.group.id)!;
    const asked = askedOf(group.part);
    const { kept, outside } = askedOnly(response.answers, asked);
    reads.push({
      file: file.name,
      groupId: group.id,
      groupName: group.name,
      response: { ...response, answers: kept },
      summary: summariseResponse(stored, group.id, kept, asked),
      outside
    });
  }
  progress('', files.length, files.length);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, reads };
}

/**
 * Writes checked responses into the group answers in one transaction. `modes` says, for each
 * group that already had answers here, replace or fill gaps; a group left out (cancel) is not
 * written. Group answers never change a score.
 */
export async function importResponses(
  assessment: Pick<Assessment, 'id'>,
  reads: readonly ResponseRead[],
  modes: ReadonlyMap<string, ResponseMode | 'cancel'>
): Promise<ImportOutcome> {
  const result = await attempt(m.workshop_response_import_failed(), async () => {
    const { answers: stored } = await store.getWorkshop(assessment.id);
    const lines: string[] = [];
    const changes = [];
    for (const read of reads) {
      const mode = read.summary.hadAnswers ? (modes.get(read.groupId) ?? 'cancel') : 'replace';
      if (mode === 'cancel') {
        lines.push(m.workshop_response_line_cancelled({ group: read.groupName }));
        continue;
      }
      changes.push(...responseChanges(stored, read.groupId, read.response.answers, mode));
      lines.push(responseLine(read, mode));
    }
    if (changes.length > 0) {
      await store.saveGroupAnswers(assessment.id, JSON.parse(JSON.stringify(changes)));
    }
    return lines;
  });
  if (!result) return { kind: 'failed' };
  return { kind: 'done', summary: result.join(' ') };
}

/** One group's line of the result: what came in and how. */
export function responseLine(read: ResponseRead, mode: ResponseMode): string {
  const s = read.summary;
  const counts = {
    group: read.groupName,
    answered: s.answered,
    changed: s.changed,
    skipped: s.skipped
  };
  const line =
    mode === 'fill-gaps'
      ? m.workshop_response_line_filled({ ...counts, gaps: s.gaps })
      : m.workshop_response_line({ ...counts });
  return read.outside > 0
    ? `${line} ${m.workshop_response_outside_part({ count: read.outside })}`
    : line;
}
