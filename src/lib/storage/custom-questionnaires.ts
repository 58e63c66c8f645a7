/**
 * Questionnaires an author imports into this browser (source "custom"). A questionnaire version
 * never changes once stored — assessments pin it and their scores depend on it — so a file with
 * a known id and version but different content is refused, and so is a built-in questionnaire's
 * id, which would otherwise shadow the built-in one.
 */
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { canonicalJson } from '$lib/domain/records';
import { database, questionnaireKey } from './db';

export type StoreCustomResult =
  { ok: true; status: 'added' | 'unchanged'; key: string } | { ok: false; message: string };

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
 * if (!result.ok) show(result.message);
 */
export async function storeCustomQuestionnaire(
  file: string,
  questionnaire: Questionnaire,
  { builtinIds }: StoreCustomOptions
): Promise<StoreCustomResult> {
  const { id, version, title } = questionnaire;
  if (builtinIds.includes(id)) {
    return {
      ok: false,
      message:
        `${file}: id: "${id}" is the id of a built-in questionnaire: give your questionnaire ` +
        `an id of its own (for example "${id}-local") and import it again.`
    };
  }
  const key = questionnaireKey(id, version);
  const db = database();
  return db.transaction('rw', db.questionnaires, async (): Promise<StoreCustomResult> => {
    const stored = await db.questionnaires.get(key);
    if (stored) {
      if (canonicalJson(stored.content) === canonicalJson(questionnaire)) {
        return { ok: true, status: 'unchanged', key };
      }
      return {
        ok: false,
        message:
          `${file}: version: "${title}" (${id}) version ${version} is already stored in this ` +
          `browser with different content. A questionnaire version never changes, or the ` +
          `scores made with it would change: give the changed file a new version number ` +
          `(for example ${nextPatch(version)}) and import it again.`
      };
    }
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

/** `1.0.0` → `1.0.1`; anything else gets `.1` appended, which is at least a suggestion. */
function nextPatch(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match ? `${match[1]}.${match[2]}.${Number(match[3]) + 1}` : `${version}.1`;
}
