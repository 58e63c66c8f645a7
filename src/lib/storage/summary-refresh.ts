/**
 * Stores summaries computed again because the cached one was stale — missing, made for other
 * questionnaire versions, or made with other scoring rules (docs/scoring.md, "Cached
 * summaries") — so the next comparison reads them from the cache.
 */
import type { Assessment } from '$lib/domain/assessment/model';
import type { SummaryFigures } from '$lib/domain/assessment/summary';
import { isCurrentRules } from '$lib/domain/scoring/rules-version';
import { database } from './db';
import { summaryRecord } from './assessments';

/**
 * Writes each fresh summary whose stored one is still stale when the transaction runs. A
 * summary another tab wrote meanwhile (with the current rules, after an answer) is kept: it was
 * computed from newer answers than these.
 * @example await storeRefreshedSummaries([{ assessment, figures }]) // 1
 * @returns how many summaries were written
 */
export async function storeRefreshedSummaries(
  fresh: readonly { assessment: Assessment; figures: SummaryFigures }[]
): Promise<number> {
  if (fresh.length === 0) return 0;
  const db = database();
  // One transaction: each check and write must see the same record another tab might replace.
  return db.transaction('rw', db.summaries, async () => {
    const current = await db.summaries.bulkGet(fresh.map((f) => f.assessment.id));
    const writes = fresh.flatMap(({ assessment, figures }, i) => {
      const stored = current[i];
      const stale =
        !stored ||
        !isCurrentRules(stored) ||
        stored.questionnaires.map((q) => `${q.id}@${q.version}`).join() !==
          assessment.questionnaires.map((p) => `${p.id}@${p.version}`).join();
      return stale ? [summaryRecord(assessment, figures, stored?.revision ?? 0)] : [];
    });
    await db.summaries.bulkPut(writes);
    return writes.length;
  });
}
