import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { readAnswersCsv } from '$lib/io/answers-csv';
import { parseQuestionnaireText } from '$lib/io/questionnaire-file';
import { openDatabase, useDatabase } from '$lib/storage/db';
import { importBundle } from '$lib/storage/transfer';
import { uuid } from '$lib/storage/uuid';
import { loadForAnswering } from './assessment-actions';
import { csvBundle } from './data/import-planning';
import { spreadCsvText } from './results-exports';
import { loadWorkshop } from './workshop';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../io/fixtures/${name}`, import.meta.url));

beforeEach(() => {
  useDatabase(openDatabase(`test-${uuid()}`));
});

describe('workshop spread CSV: the app and the command line', () => {
  it('prints the same bytes from `npm run score -- --spread` as the app exports after importing the same answers file', async () => {
    const run = spawnSync(
      'node_modules/.bin/tsx',
      [
        'scripts/score.ts',
        '--spread',
        '--questionnaire',
        fixture('mini.yaml'),
        '--answers',
        fixture('mini-workshop-answers.csv')
      ],
      { cwd: root, encoding: 'utf8', timeout: 60_000 }
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Worked by hand (docs/scoring.md, rule 13): the international partner observes and is not
    // counted; data-law's four levels 4, 1, 2, 3 suggest the lower median 2 and are 3 steps
    // apart; yes beside no is a disagreement; N/A and don't know count apart.
    expect(run.stdout.replace('\uFEFF', '').split('\r\n')).toEqual([
      'assessment_id,questionnaire_id,question_id,groups_answered,groups_other,lowest,highest,suggested,spread,disagree,consensus,rationale',
      'ke-ws,mini,data-law,4,0,1,4,2,3,yes,3,"Law in force, reviewed in 2025"',
      'ke-ws,mini,regulator,2,2,2,3,2,1,no,2,',
      "ke-ws,mini,breach-notice,3,0,no,yes,partial,,yes,partial,'=yes for banks only",
      'ke-ws,mini,dpo,1,1,2,2,2,0,no,,',
      'ke-ws,mini,treaty,3,0,3,4,3,1,no,,',
      ''
    ]);

    // The app: the file imported as a new assessment (the Data screen's path, without its
    // worker), then the results screen's export from what the database holds.
    const questionnaire = parseQuestionnaireText(
      'mini.yaml',
      readFileSync(fixture('mini.yaml'), 'utf8')
    );
    if (!questionnaire.ok) throw new Error('fixture questionnaire is invalid');
    const read = readAnswersCsv(
      'mini-workshop-answers.csv',
      new Uint8Array(readFileSync(fixture('mini-workshop-answers.csv'))),
      [questionnaire.questionnaire],
      { createAssessments: true }
    );
    if (!read.ok) throw new Error('fixture answers are invalid');
    const bundle = csvBundle(
      'mini-workshop-answers.csv',
      read.assessments,
      [questionnaire.questionnaire],
      new Map(),
      '2026-11-20T09:00:00.000Z'
    );
    if (!bundle.ok) throw new Error(JSON.stringify(bundle.problems));
    await importBundle(bundle.value, new Map());

    const loaded = await loadForAnswering('ke-ws');
    if (!loaded) throw new Error('the import wrote nothing');
    expect(loaded.assessment.groups?.map((g) => [g.id, g.kind, g.observer])).toEqual([
      ['government', 'government', false],
      ['academia', 'academia', false],
      ['civil-society', 'other', false],
      ['private-sector', 'private-sector', false],
      ['international-partner', 'international-partner', true]
    ]);
    expect(Object.keys((await loadWorkshop('ke-ws')).answers)).toHaveLength(18);
    const inApp = await spreadCsvText(loaded.assessment, loaded.questionnaires, loaded.answers);
    expect(inApp).toBe(run.stdout);
  }, 90_000);
});
