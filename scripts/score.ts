// npm run score -- --questionnaire <file>... --answers <answers.csv> [--spread]
// Scores every assessment of an answers CSV and prints the results CSV the app exports (same
// bytes, BOM included); with --spread, prints the workshop spread CSV of the file's group rows
// instead (the app's export, same bytes). Exit codes: 0 done, 1 bad input (each problem on
// stderr), 2 usage.
import { readFileSync } from 'node:fs';
import { readAnswersCsv } from '../src/lib/io/answers-csv';
import { parseQuestionnaireText } from '../src/lib/io/questionnaire-file';
import { problemLine } from '../src/lib/state/problem-text';
import { writeResultsCsv, type ResultsExportItem } from '../src/lib/io/results-csv';
import { writeSpreadCsv } from '../src/lib/io/spread-csv';
import { scoreAssessment } from '../src/lib/domain/scoring/score';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';

const USAGE =
  'usage: npm run score -- --questionnaire <questionnaire.yaml|json>... --answers <answers.csv> [--spread]';

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(args: string[]): { questionnaires: string[]; answers: string; spread: boolean } {
  const questionnaires: string[] = [];
  const answers: string[] = [];
  let spread = false;
  let target: string[] | null = null;
  for (const arg of args) {
    if (arg === '--spread') {
      spread = true;
    } else if (arg === '--questionnaire' || arg === '--questionnaires') {
      target = questionnaires;
    } else if (arg === '--answers') {
      target = answers;
    } else if (arg.startsWith('-')) {
      usage(`unknown option ${arg}`);
    } else if (target === null) {
      usage(`"${arg}" is not after --questionnaire or --answers`);
    } else {
      target.push(arg);
    }
  }
  if (questionnaires.length === 0) usage('give at least one questionnaire file');
  if (answers.length !== 1) usage('give exactly one answers file');
  return { questionnaires, answers: answers[0]!, spread };
}

function read(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (e) {
    console.error(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
    return null;
  }
}

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const files = parseArgs(args);

let failed = false;
const loaded: { file: string; questionnaire: Questionnaire }[] = [];
for (const file of files.questionnaires) {
  const bytes = read(file);
  if (!bytes) {
    failed = true;
    continue;
  }
  const result = parseQuestionnaireText(file, bytes.toString('utf8'));
  if (!result.ok) {
    console.error(result.problems.map(problemLine).join('\n'));
    failed = true;
    continue;
  }
  const { id, version } = result.questionnaire;
  const twin = loaded.find((l) => l.questionnaire.id === id && l.questionnaire.version === version);
  if (twin) {
    console.error(`${file}: ${id} ${version} is also in ${twin.file}: give each version once`);
    failed = true;
    continue;
  }
  loaded.push({ file, questionnaire: result.questionnaire });
}
const answerBytes = read(files.answers);
if (failed || !answerBytes) process.exit(1);

const questionnaires = loaded.map((l) => l.questionnaire);
const parsed = readAnswersCsv(files.answers, new Uint8Array(answerBytes), questionnaires, {
  createAssessments: true
});
if (!parsed.ok) {
  console.error(parsed.problems.map(problemLine).join('\n'));
  process.exit(1);
}

if (files.spread) {
  process.stdout.write(
    writeSpreadCsv(
      parsed.assessments.map((assessment) => ({
        assessment: {
          id: assessment.id ?? '',
          scope: assessment.details?.scope,
          groups: assessment.groups
        },
        questionnaires: assessment.questionnaires.map((p) =>
          questionnaires.find((q) => q.id === p.id && q.version === p.version)!
        ),
        answers: assessment.answers,
        groupAnswers: assessment.groupAnswers
      }))
    )
  );
  process.exit(0);
}

const items: ResultsExportItem[] = parsed.assessments.map((assessment) => {
  // createAssessments guarantees an id and details; the fallbacks only satisfy the types.
  const details = assessment.details;
  const pinned = assessment.questionnaires.map((p) =>
    questionnaires.find((q) => q.id === p.id && q.version === p.version)!
  );
  return {
    assessment: {
      id: assessment.id ?? '',
      country: details?.country ?? '',
      date: details?.date ?? '',
      scope: details?.scope
    },
    result: scoreAssessment({
      questionnaires: pinned,
      answers: assessment.answers,
      target: details?.target,
      scope: details?.scope
    })
  };
});
process.stdout.write(writeResultsCsv(items));
