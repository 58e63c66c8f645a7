/**
 * What the comparison screens read: every assessment with its cached summary figures
 * (docs/architecture.md, "Storage shape"; docs/performance.md). Answers are loaded only on a cache
 * miss — no summary, or a summary computed for other questionnaire versions than the assessment
 * pins — and then scored in slices that yield to the event loop, so a large miss shows progress
 * instead of freezing the page.
 */
import type { Assessment, Classification } from '$lib/domain/assessment/model';
import { summarizerFor, type SummaryFigures } from '$lib/domain/assessment/summary';
import type { ComparisonItem } from '$lib/domain/comparison/compare';
import { scopeOf } from '$lib/domain/questionnaire/core';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { versionKey } from '$lib/domain/questionnaire/version';
import { isCurrentRules } from '$lib/domain/scoring/rules-version';
import { builtinIndex, loadPinned } from '$lib/state/questionnaires';
import { storeRefreshedSummaries } from '$lib/storage/summary-refresh';
import {
  getAnswers,
  listAssessments,
  listStoredQuestionnaires,
  listSummaries
} from '$lib/storage/assessments';

/** One assessment as the comparison screens use it. */
export interface CompareEntry extends ComparisonItem {
  classification: Classification;
  status: Assessment['status'];
  /** Provenance says an external reviewer validated it. */
  validated: boolean;
  answered: number;
  total: number;
}

export interface Unavailable {
  id: string;
  country: string;
  title: string;
  /** Why it could not be scored, in words the user can act on. */
  message: string;
}

export interface CompareData {
  entries: CompareEntry[];
  /** Questionnaire titles by id, for every id the entries use. */
  titles: Record<string, string>;
  /** How many summaries were missing or stale and had to be computed from answers. */
  recomputed: number;
  /** Assessments left out because their figures could not be computed. */
  unavailable: Unavailable[];
}

export interface LoadProgress {
  stage: 'reading' | 'computing';
  done: number;
  total: number;
}

/** Longest stretch of scoring before the page gets the main thread back (docs/performance.md: no task over 200 ms). */
const SLICE_MS = 40;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * True when a cached summary describes exactly the questionnaire versions the assessment pins,
 * in its order, and was computed with the current scoring rules: only then may its figures
 * stand in for the answers.
 * @example summaryMatches(assessment, { rules: 1, questionnaires: [{ id: 'q', version: '1.0.0', … }] })
 */
export function summaryMatches(
  assessment: Pick<Assessment, 'questionnaires'>,
  summary: (Pick<SummaryFigures, 'questionnaires'> & { rules?: number | undefined }) | undefined
): boolean {
  if (!summary || !isCurrentRules(summary)) return false;
  const pins = assessment.questionnaires;
  const cached = summary.questionnaires;
  return (
    pins.length === cached.length &&
    pins.every((pin, i) => pin.id === cached[i]!.id && pin.version === cached[i]!.version)
  );
}

function entryOf(assessment: Assessment, figures: SummaryFigures): CompareEntry {
  return {
    id: assessment.id,
    country: assessment.country,
    date: assessment.date,
    title: assessment.title,
    classification: assessment.classification,
    updatedAt: assessment.updatedAt,
    questionnaires: figures.questionnaires,
    // Rule 10: a selection with a core assessment compares on the core set (docs/scoring.md).
    scope: scopeOf(assessment),
    core: figures.core?.questionnaires,
    status: assessment.status,
    validated: assessment.provenance.mode === 'validated',
    answered: figures.answered,
    total: figures.total
  };
}

/** Pinned questionnaires, each version read once however many assessments pin it. */
class QuestionnaireCache {
  #loaded = new Map<string, Promise<Questionnaire>>();

  get(id: string, version: string): Promise<Questionnaire> {
    const key = versionKey(id, version);
    let promise = this.#loaded.get(key);
    if (!promise) {
      promise = loadPinned(id, version);
      this.#loaded.set(key, promise);
    }
    return promise;
  }

  async titles(): Promise<Record<string, string>> {
    const titles: Record<string, string> = {};
    for (const promise of this.#loaded.values()) {
      const q = await promise.catch(() => null);
      if (q) titles[q.id] = q.title;
    }
    return titles;
  }
}

async function titlesFor(
  entries: readonly CompareEntry[],
  known: Record<string, string>
): Promise<Record<string, string>> {
  const titles: Record<string, string> = { ...known };
  for (const e of builtinIndex) titles[e.id] ??= e.title;
  const missing = new Set<string>();
  for (const entry of entries) {
    for (const q of entry.questionnaires) if (!(q.id in titles)) missing.add(q.id);
  }
  // Only custom questionnaires get here: a handful of records, read once.
  if (missing.size > 0) {
    for (const stored of await listStoredQuestionnaires()) {
      if (missing.has(stored.id)) titles[stored.id] ??= stored.content.title;
    }
  }
  for (const id of missing) titles[id] ??= id;
  return titles;
}

/**
 * Reads every assessment and its cached figures; computes the figures of cache misses from
 * answers. Entries come in storage order; the screens order them.
 */
export async function loadCompareData(
  progress: (p: LoadProgress) => void = () => {}
): Promise<CompareData> {
  progress({ stage: 'reading', done: 0, total: 0 });
  const [assessments, summaries] = await Promise.all([listAssessments(), listSummaries()]);
  const byId = new Map(summaries.map((s) => [s.assessmentId, s]));

  const entries: CompareEntry[] = [];
  const misses: Assessment[] = [];
  for (const assessment of assessments) {
    const summary = byId.get(assessment.id);
    if (summary && summaryMatches(assessment, summary)) {
      entries.push(entryOf(assessment, summary));
    } else {
      misses.push(assessment);
    }
  }

  const cache = new QuestionnaireCache();
  const unavailable: Unavailable[] = [];
  const refreshed: { assessment: Assessment; figures: SummaryFigures }[] = [];
  let sliceStart = performance.now();
  for (const [i, assessment] of misses.entries()) {
    progress({ stage: 'computing', done: i, total: misses.length });
    try {
      const [answers, questionnaires] = await Promise.all([
        getAnswers(assessment.id),
        Promise.all(assessment.questionnaires.map((p) => cache.get(p.id, p.version)))
      ]);
      const figures = summarizerFor(questionnaires)(answers, assessment);
      entries.push(entryOf(assessment, figures));
      refreshed.push({ assessment, figures });
    } catch (error) {
      unavailable.push({
        id: assessment.id,
        country: assessment.country,
        title: assessment.title,
        message: error instanceof Error ? error.message : String(error)
      });
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  if (misses.length > 0) {
    progress({ stage: 'computing', done: misses.length, total: misses.length });
  }
  // Kept for the next comparison; a failure here costs only the cache, never the figures shown.
  await storeRefreshedSummaries(refreshed).catch((error: unknown) =>
    console.warn('Could not store the recomputed summaries', error)
  );

  return {
    entries,
    titles: await titlesFor(entries, await cache.titles()),
    recomputed: misses.length - unavailable.length,
    unavailable
  };
}
