/**
 * Stored copies of built-in questionnaire versions. A browser may hold a copy of a built-in
 * id+version whose content differs from the shipped file — stored from a bundle or backup before
 * every importer refused that (docs/file-formats.md). Such a copy is never used; it is replaced
 * by the shipped content, so backups and bundles made from this browser carry the real one.
 */
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { canonicalJson } from '$lib/domain/canonical-json';
import { database, questionnaireKey } from './db';

/**
 * Replaces the stored copy of a built-in version with the shipped content, when a copy is
 * stored and differs; returns whether it did.
 * @example await replaceChangedBuiltinCopy(await loadBuiltin('privacy-data-protection')) // true
 */
export async function replaceChangedBuiltinCopy(shipped: Questionnaire): Promise<boolean> {
  const key = questionnaireKey(shipped.id, shipped.version);
  const db = database();
  // One transaction: another tab may store or replace the same key in between.
  return db.transaction('rw', db.questionnaires, async () => {
    const stored = await db.questionnaires.get(key);
    if (!stored || canonicalJson(stored.content) === canonicalJson(shipped)) return false;
    await db.questionnaires.put({
      key,
      id: shipped.id,
      version: shipped.version,
      source: 'builtin',
      content: shipped,
      storedAt: new Date().toISOString()
    });
    return true;
  });
}
