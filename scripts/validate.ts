// npm run validate -- <files>: checks questionnaire files; problems are worded in English by
// the renderer the app uses (docs/languages.md, "Problems").
import { readFileSync } from 'node:fs';
import { parseQuestionnaireText } from '../src/lib/io/questionnaire-file';
import { problemLine } from '../src/lib/state/problem-text';
import { contentProblems } from '../src/lib/domain/questionnaire/content-rules';

// --content also applies the editorial rules the built-in questionnaires must meet.
const args = process.argv.slice(2).filter((a) => a !== '--');
const content = args.includes('--content');
const files = args.filter((a) => a !== '--content');
if (files.length === 0) {
  console.error('usage: npm run validate -- [--content] <questionnaire.yaml|json>...');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
    failed++;
    continue;
  }
  const result = parseQuestionnaireText(file, text);
  const problems = result.ok && content ? contentProblems(result.questionnaire) : [];
  if (problems.length > 0) {
    console.error(problems.map((p) => `${file}: ${p}`).join('\n'));
    failed++;
  } else if (result.ok) {
    const q = result.questionnaire;
    const count = q.sections.reduce((n, s) => n + s.questions.length, 0);
    console.log(
      `${file}: valid — ${q.id} ${q.version}, ${q.sections.length} sections, ${count} questions`
    );
  } else {
    console.error(result.problems.map(problemLine).join('\n'));
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
