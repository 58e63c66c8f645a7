/**
 * How many generated inputs the fuzz and property tests try: one setting for the whole suite.
 * Test-only. The default is what CI runs; `FUZZ_RUNS=10000 npx vitest run` hunts longer. Each
 * such test states its own time limit, about twenty times what it takes at the default on a
 * two-core machine, so a slow or busy machine never fails it on time alone.
 *
 * It sits beside the test factories in the domain folder because every part of the app may
 * import the domain: no test needs an import the house rules forbid.
 */

const DEFAULT_RUNS = 1000;

function readRuns(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RUNS;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`FUZZ_RUNS must be a whole number of at least 1, not "${value}".`);
  }
  return runs;
}

/** Inputs per fuzz test of an importer (broken files): at least 1,000 unless set lower. */
export const FUZZ_RUNS = readRuns(process.env.FUZZ_RUNS);

/**
 * Inputs per property test of the scoring and comparison rules: each input is a whole generated
 * questionnaire with its answers, several times the work of one broken file.
 */
export const PROPERTY_RUNS = Math.max(1, Math.round(FUZZ_RUNS * 0.3));

/**
 * Inputs per round trip through the (in-memory) database: each one writes, exports, reads back
 * and compares a whole set of assessments.
 */
export const DATABASE_RUNS = Math.max(1, Math.round(FUZZ_RUNS * 0.06));
