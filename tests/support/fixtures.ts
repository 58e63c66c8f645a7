/**
 * Generated assessments for the comparison tests, in the exact shape the app stores them
 * (src/lib/storage/db.ts), and a way to write them straight into the app's IndexedDB.
 *
 * The Commonwealth fixture has one assessment per member (56), with deliberate cases: two
 * countries with identical answers (a tie), provisional questionnaires (coverage below 70%), a
 * questionnaire with nothing scored, and Kenya assessed three times — the oldest on an earlier
 * version of the privacy questionnaire (a series break). Summaries are left out unless asked for,
 * so the app must compute them from the answers (its cache-miss path).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  newAssessment,
  type AnswerMap,
  type Assessment,
  type Classification
} from '../../src/lib/domain/assessment/model';
import { summarizerFor } from '../../src/lib/domain/assessment/summary';
import type { Question, Questionnaire } from '../../src/lib/domain/questionnaire/schema';
import { compareVersions } from '../../src/lib/domain/questionnaire/version';
import {
  COMMONWEALTH_MEMBERS,
  COMMONWEALTH_REGIONS
} from '../../src/lib/domain/reference/countries';

/**
 * The built-in questionnaires as the build compiles them, at their current edition (the build
 * also ships earlier editions: docs/file-formats.md), in id order.
 */
export function builtinQuestionnaires(): Questionnaire[] {
  const dir = 'static/questionnaires';
  const current = new Map<string, Questionnaire>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const q = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Questionnaire;
    const prior = current.get(q.id);
    if (!prior || compareVersions(q.version, prior.version) > 0) current.set(q.id, q);
  }
  return [...current.values()].sort((a, b) => a.id.localeCompare(b.id));
}

import { random } from '../../src/lib/domain/testing/random';

export { random };

export const MEMBERS: string[] = COMMONWEALTH_REGIONS.flatMap((r) => [...COMMONWEALTH_MEMBERS[r]]);

export const PRIVACY = 'privacy-data-protection';
export const STANDARDS = 'cyber-standards';
export const STRATEGY = 'national-strategy';
export const LEGACY_PRIVACY_VERSION = '0.9.0';

/** The country whose answers are copied to make a tie, and the copy. */
export const TIE = { from: 'BB', to: 'MT' } as const;
/** Countries left below 70% coverage in the cyber standards questionnaire. */
export const PROVISIONAL_STANDARDS = ['GB', 'CY', 'JM'];
/** A country whose strategy questionnaire is all "don't know": no score at all. */
export const NOTHING_SCORED = 'NR';
/** The most restrictive classification in the fixture, on one assessment. */
export const RED_COUNTRY = 'SG';

export const KENYA = {
  y2024: 'c0000000-0000-4000-8000-000000002024',
  y2025: 'c0000000-0000-4000-8000-000000002025',
  y2026: 'c0000000-0000-4000-8000-000000002026'
} as const;

/** The answers that change from Kenya 2025 to Kenya 2026, with their comments. */
export const KENYA_CHANGES = {
  raised: { key: `${PRIVACY}/law-in-force`, before: 2, after: 4 },
  lowered: { key: `${PRIVACY}/principles`, before: 4, after: 3 },
  toUnknown: { key: `${PRIVACY}/sensitive-data`, before: 3 },
  commentBefore: 'Only a draft bill before Parliament.',
  commentAfter: 'Data Protection Act passed in 2025; regulator appointed.'
} as const;

export interface SummaryRow extends Record<string, unknown> {
  assessmentId: string;
}

export interface Fixture {
  questionnaires: Questionnaire[];
  /** Extra versions stored in the database (not built in). */
  stored: Questionnaire[];
  assessments: Assessment[];
  answers: Record<string, AnswerMap>;
  /** Summaries to store; the others are computed by the app on its cache miss. */
  summaries: SummaryRow[];
}

export function assessmentId(index: number): string {
  return `c0000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

function makeAssessment(
  id: string,
  country: string,
  date: string,
  questionnaires: readonly Questionnaire[],
  extra: Partial<Assessment> = {}
): Assessment {
  return newAssessment(
    {
      id,
      country,
      title: `${country} self-assessment ${date.slice(0, 4)}`,
      date,
      questionnaires: questionnaires.map((q) => ({ id: q.id, version: q.version })),
      status: 'final',
      ...extra
    },
    `${date}T09:00:00.000Z`
  );
}

function questionsOf(q: Questionnaire): Question[] {
  return q.sections.flatMap((s) => s.questions);
}

/** Answers around a country's own capacity (0–1), so scores spread across the heat map. */
function answersFor(
  questionnaires: readonly Questionnaire[],
  rnd: () => number,
  capacity: number
): AnswerMap {
  const answers: AnswerMap = {};
  for (const q of questionnaires) {
    for (const question of questionsOf(q)) {
      const key = `${q.id}/${question.id}`;
      const r = rnd();
      if (r < 0.05) {
        answers[key] = { state: 'unknown' };
      } else if (question.type === 'binary') {
        answers[key] = { state: 'level', level: r < 0.4 ? 'no' : r < 0.7 ? 'partial' : 'yes' };
      } else {
        const level = Math.round(1 + 4 * Math.min(1, Math.max(0, capacity + (rnd() - 0.5) * 0.6)));
        answers[key] = { state: 'level', level };
      }
    }
  }
  return answers;
}

/** Removes the answers of the first `share` of a questionnaire's questions (coverage drops). */
function leaveUnanswered(answers: AnswerMap, q: Questionnaire, share: number): void {
  const questions = questionsOf(q);
  for (const question of questions.slice(0, Math.ceil(questions.length * share))) {
    delete answers[`${q.id}/${question.id}`];
  }
}

/** An earlier version of a questionnaire: one question fewer, so the versions really differ. */
export function legacyVersion(q: Questionnaire): Questionnaire {
  const copy = structuredClone(q);
  copy.version = LEGACY_PRIVACY_VERSION;
  const last = copy.sections[copy.sections.length - 1]!;
  last.questions = last.questions.slice(0, -1);
  return copy;
}

export function summaryOf(
  assessment: Assessment,
  questionnaires: readonly Questionnaire[],
  answers: AnswerMap
): SummaryRow {
  return {
    assessmentId: assessment.id,
    country: assessment.country,
    date: assessment.date,
    revision: 1,
    updatedAt: assessment.updatedAt,
    ...summarizerFor(questionnaires)(answers, assessment)
  };
}

/** 56 Commonwealth members plus two earlier assessments of Kenya (see the file comment). */
export function commonwealthFixture(questionnaires: Questionnaire[]): Fixture {
  const rnd = random(7);
  const byId = new Map(questionnaires.map((q) => [q.id, q]));
  const legacy = legacyVersion(byId.get(PRIVACY)!);
  const fixture: Fixture = {
    questionnaires,
    stored: [legacy],
    assessments: [],
    answers: {},
    summaries: []
  };
  const answersOf = new Map<string, AnswerMap>();

  MEMBERS.forEach((country, i) => {
    const date = `2026-${String(1 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    const classification: Classification =
      country === RED_COUNTRY ? 'RED' : i % 7 === 3 ? 'GREEN' : 'AMBER';
    const id = country === 'KE' ? KENYA.y2026 : assessmentId(i);
    const assessment = makeAssessment(id, country, date, questionnaires, {
      classification,
      status: i % 5 === 2 ? 'draft' : 'final'
    });
    let answers = answersFor(questionnaires, rnd, rnd());
    if (country === TIE.to) answers = structuredClone(answersOf.get(TIE.from)!);
    if (PROVISIONAL_STANDARDS.includes(country)) {
      leaveUnanswered(answers, byId.get(STANDARDS)!, 0.4);
    }
    if (country === NOTHING_SCORED) {
      for (const question of questionsOf(byId.get(STRATEGY)!)) {
        answers[`${STRATEGY}/${question.id}`] = { state: 'unknown' };
      }
    }
    answersOf.set(country, answers);
    fixture.assessments.push(assessment);
    fixture.answers[id] = answers;
  });

  // Kenya over time. 2026 is the member assessment above; 2025 differs from it in a few answers.
  const kenya2026 = fixture.answers[KENYA.y2026]!;
  const c = KENYA_CHANGES;
  kenya2026[c.raised.key] = { state: 'level', level: c.raised.after, comment: c.commentAfter };
  kenya2026[c.lowered.key] = { state: 'level', level: c.lowered.after };
  kenya2026[c.toUnknown.key] = { state: 'unknown' };
  const kenya2025: AnswerMap = structuredClone(kenya2026);
  kenya2025[c.raised.key] = { state: 'level', level: c.raised.before, comment: c.commentBefore };
  kenya2025[c.lowered.key] = { state: 'level', level: c.lowered.before };
  kenya2025[c.toUnknown.key] = { state: 'level', level: c.toUnknown.before };
  const a2025 = makeAssessment(KENYA.y2025, 'KE', '2025-03-10', questionnaires);
  fixture.assessments.push(a2025);
  fixture.answers[a2025.id] = kenya2025;
  // A correct cached summary: the app must use it as it is.
  fixture.summaries.push(summaryOf(a2025, questionnaires, kenya2025));

  const pins2024 = questionnaires.map((q) => (q.id === PRIVACY ? legacy : q));
  const a2024 = makeAssessment(KENYA.y2024, 'KE', '2024-02-20', pins2024, {
    classification: 'GREEN'
  });
  const kenya2024 = answersFor(pins2024, rnd, 0.25);
  fixture.assessments.push(a2024);
  fixture.answers[a2024.id] = kenya2024;
  // A stale summary, computed for the current privacy version: the app must not trust it.
  fixture.summaries.push(summaryOf(a2024, questionnaires, kenya2024));
  return fixture;
}

/** Many assessments with cached summaries, spread over the members and seven years. */
export function largeFixture(questionnaires: Questionnaire[], count: number): Fixture {
  const rnd = random(11);
  const summarize = summarizerFor(questionnaires);
  const fixture: Fixture = {
    questionnaires,
    stored: [],
    assessments: [],
    answers: {},
    summaries: []
  };
  for (let i = 0; i < count; i++) {
    const country = MEMBERS[i % MEMBERS.length]!;
    const year = 2020 + (Math.floor(i / MEMBERS.length) % 7);
    const date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const assessment = makeAssessment(assessmentId(i), country, date, questionnaires);
    const answers = answersFor(questionnaires, rnd, rnd());
    fixture.assessments.push(assessment);
    fixture.answers[assessment.id] = answers;
    fixture.summaries.push({
      assessmentId: assessment.id,
      country,
      date,
      revision: 1,
      updatedAt: assessment.updatedAt,
      ...summarize(answers, assessment)
    });
  }
  return fixture;
}

interface SeedBatch {
  assessments: Assessment[];
  answers: { assessmentId: string; answers: AnswerMap }[];
  summaries: SummaryRow[];
  questionnaires: Record<string, unknown>[];
}

/**
 * Writes a fixture into the app's database (Dexie version 1 = native version 10) with plain
 * IndexedDB, in batches. The page must be on the app, which has created the database.
 */
export async function seed(page: Page, fixture: Fixture, batchSize = 250): Promise<void> {
  const stored = [...fixture.questionnaires, ...fixture.stored].map((q) => ({
    key: `${q.id}@${q.version}`,
    id: q.id,
    version: q.version,
    source: fixture.questionnaires.includes(q) ? 'builtin' : 'bundle',
    content: q,
    storedAt: '2026-11-28T00:00:00.000Z'
  }));
  const summaries = new Map(fixture.summaries.map((s) => [s.assessmentId, s]));
  for (let start = 0; start < Math.max(1, fixture.assessments.length); start += batchSize) {
    const assessments = fixture.assessments.slice(start, start + batchSize);
    const batch: SeedBatch = {
      assessments,
      answers: assessments.map((a) => ({ assessmentId: a.id, answers: fixture.answers[a.id]! })),
      summaries: assessments.flatMap((a) => summaries.get(a.id) ?? []),
      questionnaires: start === 0 ? stored : []
    };
    await page.evaluate(async (records: SeedBatch) => {
      // The app has opened (and upgraded) the database already: open it at whatever version it
      // has, so the seed never depends on the app's schema version.
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('ncs-self-assessment');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(
        ['assessments', 'answers', 'summaries', 'questionnaires'],
        'readwrite'
      );
      for (const a of records.assessments) tx.objectStore('assessments').put(a);
      for (const a of records.answers) tx.objectStore('answers').put(a);
      for (const s of records.summaries) tx.objectStore('summaries').put(s);
      for (const q of records.questionnaires) tx.objectStore('questionnaires').put(q);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, batch);
  }
}
