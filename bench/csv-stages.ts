/**
 * The CSV import row of `npm run bench`, stage by stage, in Node: the same 100,035-row file, read
 * by the same code the import worker runs, then the main thread's planning and scoring, each
 * stage timed in this process (docs/performance.md, "CSV import: where the time goes").
 *
 *   npx esbuild bench/csv-stages.ts --bundle --platform=node --format=esm \
 *     --outfile=/tmp/csv-stages.mjs && node /tmp/csv-stages.mjs      # 7 runs after a warm-up
 *   CSV_STAGE_RUNS=3 CSV_STAGE_BASELINE=0 node /tmp/csv-stages.mjs   # quicker, no baseline
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/csv-stages.mjs      # where the time goes
 *
 * Bundled, not run with tsx: tsx names every function it creates (a helper call per closure
 * per row), which the page's build does not do and which hid the reader's own costs.
 *
 * Times are the CPU time of this process (user + system) per stage, which another program on
 * the machine slows less than the wall clock; the wall time is printed beside it. The database
 * writes themselves cannot be measured here: `serialise` is the structured clone of every record
 * the import writes, which IndexedDB pays on each put.
 */
import Papa from 'papaparse';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';
import { summarizerFor } from '../src/lib/domain/assessment/summary';
import { versionKey } from '../src/lib/domain/questionnaire/version';
import { answersCsvFile, builtQuestionnaires } from './seed';
import { baselineRecords } from './csv-baseline';

const BUILD = process.env.BENCH_BUILD_DIR ?? 'build-bench';
const RUNS = Number(process.env.CSV_STAGE_RUNS ?? 7);
/** CSV_STAGE_BASELINE=0 leaves the baseline out (quicker, when only the stages are compared). */
const WITH_BASELINE = process.env.CSV_STAGE_BASELINE !== '0';
(globalThis as unknown as { __APP_VERSION__: string }).__APP_VERSION__ = 'bench';

const { readAnswersCsv } = await import('../src/lib/io/answers-csv');
const { csvBundle } = await import('../src/lib/state/data/import-planning');
const { summaryRecord } = await import('../src/lib/storage/assessments');

/** Every version the build ships, as the data screen's import offers them (both editions). */
function everyVersion(dir: string): Questionnaire[] {
  const folder = join(dir, 'questionnaires');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as Questionnaire);
}

const latest = builtQuestionnaires(BUILD);
const catalogue = everyVersion(BUILD);
const { csv } = await answersCsvFile(latest);
const bytes = new TextEncoder().encode(csv);

type Clock = { wall: number; cpu: number };
const clock = (): Clock => {
  const { user, system } = process.cpuUsage();
  return { wall: performance.now(), cpu: (user + system) / 1000 };
};

/** One import, stage by stage: the stage names and their CPU and wall milliseconds. */
function once(): Map<string, { cpu: number; wall: number }> {
  const stages = new Map<string, { cpu: number; wall: number }>();
  let last = clock();
  const mark = (name: string) => {
    const now = clock();
    const seen = stages.get(name) ?? { cpu: 0, wall: 0 };
    stages.set(name, {
      cpu: seen.cpu + now.cpu - last.cpu,
      wall: seen.wall + now.wall - last.wall
    });
    last = now;
  };

  // Worker: the stages readAnswersCsv reports as progress, each closed by the next one.
  let stage = 'start';
  const read = readAnswersCsv('answers.csv', bytes, catalogue, {
    createAssessments: true,
    onProgress: (p) => {
      const next = p.stage === 'checking' && p.done === p.total ? 'notes' : p.stage;
      if (next !== stage) {
        if (stage !== 'start') {
          mark(
            `worker: ${stage === 'parsing' ? 'parse + header' : stage === 'checking' ? 'check rows' : stage}`
          );
        } else last = clock();
        stage = next;
      }
    }
  });
  mark('worker: notes');
  if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 3)));
  // postMessage: a structured clone of the result, both ends.
  const posted = structuredClone(read);
  mark('post result (structured clone)');

  // Main thread, "Check the file": the bundle the import will write.
  const bundle = csvBundle('answers.csv', posted.assessments, catalogue, new Map(), 'now');
  if (!bundle.ok) throw new Error(JSON.stringify(bundle.problems.slice(0, 3)));
  mark('main: plan (csvBundle)');

  // Main thread, "Import": summaries, then the records written.
  const byKey = new Map(bundle.value.questionnaires.map((q) => [versionKey(q.id, q.version), q]));
  const summaries = bundle.value.items.map(({ assessment, answers }) => {
    const pinned = assessment.questionnaires.map((p) => byKey.get(versionKey(p.id, p.version))!);
    return summaryRecord(assessment, summarizerFor(pinned)(answers, assessment), 0);
  });
  mark('main: summaries');
  structuredClone({
    assessments: bundle.value.items.map((i) => i.assessment),
    answers: bundle.value.items.map((i) => ({ assessmentId: i.assessment.id, answers: i.answers })),
    summaries,
    actions: bundle.value.items.map((i) => ({ assessmentId: i.assessment.id, actions: [] }))
  });
  mark('main: serialise records');
  return stages;
}

/** The bench's baseline: papaparse with a header, then the same per-assessment records. */
function baseline(): Map<string, { cpu: number; wall: number }> {
  const start = clock();
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true
  });
  const records = baselineRecords(parsed.data, new Date().toISOString());
  const parsedAt = clock();
  structuredClone(records);
  const end = clock();
  return new Map([
    [
      'baseline: papaparse + group',
      { cpu: parsedAt.cpu - start.cpu, wall: parsedAt.wall - start.wall }
    ],
    ['baseline: serialise records', { cpu: end.cpu - parsedAt.cpu, wall: end.wall - parsedAt.wall }]
  ]);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

once();
if (WITH_BASELINE) baseline();
const runs: Map<string, { cpu: number; wall: number }>[] = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(new Map([...once(), ...(WITH_BASELINE ? baseline() : [])]));
}
const names = [...runs[0]!.keys()];
const rows = csv.split('\r\n').length - 2;
console.log(
  `${rows} rows, ${bytes.length} bytes, ${RUNS} runs after one warm-up (ms, CPU median / min; wall median)`
);
const total = { cpu: 0, base: 0 };
for (const name of names) {
  const cpu = runs.map((r) => r.get(name)!.cpu);
  const wall = runs.map((r) => r.get(name)!.wall);
  if (name.startsWith('baseline')) total.base += median(cpu);
  else total.cpu += median(cpu);
  console.log(
    `${name.padEnd(34)} ${median(cpu).toFixed(0).padStart(6)} / ${Math.min(...cpu)
      .toFixed(0)
      .padStart(6)}   wall ${median(wall).toFixed(0).padStart(6)}`
  );
}
console.log(
  `import stages (sum of medians) ${total.cpu.toFixed(0)} ms; baseline ${total.base.toFixed(0)} ms`
);
