/**
 * Questionnaires an author imports into this browser (source "custom"). A questionnaire version
 * never changes once stored — assessments pin it and their scores depend on it — so a file with
 * a known id and version but different content is refused, and so is a built-in questionnaire's
 * id, which would otherwise shadow the built-in one.
 */
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { FileProblem } from '$lib/domain/problems';
import { checkKnownVersion } from '$lib/domain/known-questionnaires';
import { database, questionnaireKey } from './db';

export type StoreCustomResult =
  { ok: true; status: 'added' | 'unchanged'; key: string } | { ok: false; problem: FileProblem };

export interface StoreCustomOptions {
  /** Ids of the built-in questionnaires (the registry's index), which a custom one may not use. */
  builtinIds: readonly string[];
}

/**
 * Stores a validated custom questionnaire, or says why not. Storing the same file twice changes
 * nothing. Checked and written in one transaction, so another tab cannot store a different
 * version under the same key in between.
 * @example
 * const result = await storeCustomQuestionnaire('water.yaml', q, { builtinIds: ['privacy-data-protection'] });
 * if (!result.ok) show(problemText(result.problem));
 */
export async function storeCustomQuestionnaire(
  file: string,
  questionnaire: Questionnaire,
  { builtinIds }: StoreCustomOptions
): Promise<StoreCustomResult> {
  const { id, version } = questionnaire;
  if (builtinIds.includes(id)) {
    return {
      ok: false,
      problem: { file, path: 'id', code: 'questionnaire.builtin-id', params: { id } }
    };
  }
  const key = questionnaireKey(id, version);
  const db = database();
  return db.transaction('rw', db.questionnaires, async (): Promise<StoreCustomResult> => {
    const stored = await db.questionnaires.get(key);
    // The rule bundles and backups share (domain/known-questionnaires.ts).
    const verdict = checkKnownVersion(file, questionnaire, { stored: stored?.content }, 'version');
    if (verdict.kind === 'refused') return { ok: false, problem: verdict.problem };
    if (verdict.kind === 'same') return { ok: true, status: 'unchanged', key };
    await db.questionnaires.add({
      key,
      id,
      version,
      source: 'custom',
      content: questionnaire,
      storedAt: new Date().toISOString()
    });
    return { ok: true, status: 'added', key };
  });
}
