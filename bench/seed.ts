/**
 * Generated assessments for the benchmark, in the exact shape the app stores (src/lib/storage/
 * db.ts), with summaries computed by the app's own domain code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { newAssessment, type AnswerMap, type Assessment } from '../src/lib/domain/assessment/model';
import { random } from '../src/lib/domain/testing/random';
import { summarizerFor } from '../src/lib/domain/assessment/summary';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';
import { compareVersions } from '../src/lib/domain/questionnaire/version';
import { COMMONWEALTH_MEMBERS, COMMONWEALTH_REGIONS } from '../src/lib/domain/reference/countries';

/**
 * The five built-in questionnaires at their latest shipped version, as a new assessment pins
 * them (the build also ships the earlier versions, for assessments made with them).
 */
export function builtQuestionnaires(buildDir: string): Questionnaire[] {
  const dir = join(buildDir, 'questionnaires');
  const latest = new Map<string, Questionnaire>();
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const q = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Questionnaire;
    const known = latest.get(q.id);
    if (!known || compareVersions(q.version, known.version) > 0) latest.set(q.id, q);
  }
  return [...latest.values()];
}

export const COUNTRIES = COMMONWEALTH_REGIONS.flatMap((r) => [...COMMONWEALTH_MEMBERS[r]]);

export interface SeedRecords {
  assessments: Assessment[];
  answers: { assessmentId: string; answers: AnswerMap }[];
  summaries: Record<string, unknown>[];
  questionnaires: Record<string, unknown>[];
}

export function generate(
  count: number,
  questionnaires: Questionnaire[],
  seed = 1,
  withSummaries = true
): SeedRecords {
  const rnd = random(seed);
  const summarize = summarizerFor(questionnaires);
  const out: SeedRecords = {
    assessments: [],
    answers: [],
    summaries: [],
    questionnaires: questionnaires.map((q) => ({
      key: `${q.id}@${q.version}`,
      id: q.id,
      version: q.version,
      source: 'builtin',
      content: q,
      storedAt: '2026-11-28T00:00:00.000Z'
    }))
  };
  for (let i = 0; i < count; i++) {
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const year = 2020 + (Math.floor(i / COUNTRIES.length) % 7);
    const id = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
    const stamp = `${year}-06-01T00:00:00.000Z`;
    const assessment = newAssessment(
      {
        id,
        country,
        title: `${country} benchmark ${i + 1}`,
        date: `${year}-06-${String(1 + (i % 28)).padStart(2, '0')}`,
        questionnaires: questionnaires.map((q) => ({ id: q.id, version: q.version }))
      },
      stamp
    );
    const answers: AnswerMap = {};
    for (const q of questionnaires) {
      for (const question of q.sections.flatMap((s) => s.questions)) {
        const r = rnd();
        const key = `${q.id}/${question.id}`;
        if (r < 0.05) answers[key] = { state: 'unknown' };
        else if (question.type === 'choice') {
          const options = question.options;
          answers[key] = { state: 'level', option: options[Math.floor(r * options.length)]!.id };
        } else if (question.type === 'binary') {
          answers[key] = { state: 'level', level: r < 0.4 ? 'no' : r < 0.7 ? 'partial' : 'yes' };
        } else {
          answers[key] = {
            state: 'level',
            level: 1 + Math.floor(rnd() * 5),
            comment: rnd() < 0.1 ? 'Seen in the 2025 annual report.' : undefined
          };
        }
        if (answers[key]!.comment === undefined) delete answers[key]!.comment;
      }
    }
    out.assessments.push(assessment);
    out.answers.push({ assessmentId: id, answers });
    if (withSummaries) {
      out.summaries.push({
        assessmentId: id,
        country,
        date: assessment.date,
        revision: 1,
        updatedAt: stamp,
        ...summarize(answers, assessment)
      });
    }
  }
  return out;
}

/**
 * The answers CSV of the import rows: just over 100,000 answer rows, one assessment per country
 * and year, every built-in questionnaire at its latest version (the browser bench and
 * `bench/csv-stages.ts` read the same file).
 */
export async function answersCsvFile(
  questionnaires: Questionnaire[]
): Promise<{ csv: string; count: number }> {
  const { writeAnswersCsv } = await import('../src/lib/io/answers-csv');
  const perAssessment = questionnaires.reduce(
    (n, q) => n + q.sections.reduce((k, s) => k + s.questions.length, 0),
    0
  );
  const count = Math.ceil(100_000 / perAssessment);
  const data = generate(count, questionnaires, 19, false);
  // Comments with accents and a dash, so that the Windows-1252 file differs from the UTF-8 one.
  for (const { answers } of data.answers) {
    for (const answer of Object.values(answers)) {
      if (answer.comment) answer.comment = 'Vu dans le rapport annuel 2025 — révisé.';
    }
  }
  const csv = writeAnswersCsv(
    data.assessments.map((a, i) => ({
      assessment: a,
      questionnaires,
      answers: data.answers[i]!.answers
    }))
  );
  return { csv, count };
}
