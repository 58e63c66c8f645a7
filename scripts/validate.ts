// npm run validate [-- <files>]: checks questionnaire files and their translation overlays;
// problems are worded in English by the renderer the app uses (docs/languages.md, "Problems").
// Without files: every built-in questionnaire and every overlay in questionnaires/i18n/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestionnaireText } from '../src/lib/io/questionnaire-file';
import { problemLine } from '../src/lib/state/problem-text';
import { contentProblems } from '../src/lib/domain/questionnaire/content-rules';
import { overlayContentProblems } from '../src/lib/domain/questionnaire/overlay-content-rules';
import { applyOverlay } from '../src/lib/domain/questionnaire/overlay';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';
import { checkOverlayFile, overlayFiles, type OverlayFile } from './overlay-compile';

// --content also applies the editorial rules the built-in questionnaires (and their
// translations) must meet; --base <file> names the questionnaire the overlays given translate.
const args = process.argv.slice(2).filter((a) => a !== '--');
const content = args.includes('--content');
const baseAt = args.indexOf('--base');
const baseFile = baseAt >= 0 ? args[baseAt + 1] : undefined;
const files = args.filter(
  (a, i) => a !== '--content' && (baseAt < 0 || (i !== baseAt && i !== baseAt + 1))
);
if (baseAt >= 0 && !baseFile) {
  console.error('usage: npm run validate -- [--content] [--base <questionnaire.yaml>] <file>...');
  process.exit(2);
}
const OVERLAY_PATH = /(?:^|[\\/])i18n[\\/]([^\\/]+)[\\/]([^\\/]+)\.ya?ml$/i;

let failed = 0;
function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
    failed++;
    return undefined;
  }
}

function checkQuestionnaire(file: string): Questionnaire | undefined {
  const text = read(file);
  if (text === undefined) return undefined;
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
  return result.ok ? result.questionnaire : undefined;
}

/** Refused keys fail; strings left in English are listed (they fall back) without failing. */
function checkOverlay(file: OverlayFile, bases: readonly Questionnaire[]): void {
  const checked = checkOverlayFile(file, bases);
  if (!checked.ok) {
    console.error(checked.problems.map(problemLine).join('\n'));
    failed++;
    return;
  }
  const o = checked.overlay;
  const base = bases.find((q) => q.id === o.id)!;
  const problems = content ? overlayContentProblems(base, o) : [];
  if (problems.length > 0) {
    console.error(problems.map((p) => `${file.shown}: ${p}`).join('\n'));
    failed++;
  }
  const total = applyOverlay(base, undefined, o.language).untranslated.size;
  const missing = checked.warnings.length;
  console.log(
    `${file.shown}: ${problems.length > 0 ? 'translation' : 'valid'} — ${o.language} of ` +
      `${o.id} ${o.baseVersion}, ${total - missing} of ${total} strings translated` +
      (missing > 0 ? `; ${missing} not translated yet (shown in English):` : '')
  );
  for (const p of checked.warnings) console.log(`  ${p.path}`);
}

function builtinBases(): Questionnaire[] {
  const out: Questionnaire[] = [];
  for (const name of readdirSync('questionnaires')
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()) {
    const result = parseQuestionnaireText(name, readFileSync(join('questionnaires', name), 'utf8'));
    if (result.ok) out.push(result.questionnaire);
  }
  return out;
}

if (files.length === 0) {
  const bases: Questionnaire[] = [];
  for (const name of readdirSync('questionnaires')
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()) {
    const q = checkQuestionnaire(`questionnaires/${name}`);
    if (q) bases.push(q);
  }
  for (const file of overlayFiles('.')) checkOverlay(file, bases);
} else {
  const base = baseFile ? checkQuestionnaire(baseFile) : undefined;
  const bases = baseFile ? (base ? [base] : []) : builtinBases();
  for (const file of files) {
    const overlay = OVERLAY_PATH.exec(file);
    if (!overlay && !baseFile) {
      checkQuestionnaire(file);
      continue;
    }
    const text = read(file);
    if (text === undefined) continue;
    // With --base, the overlay translates that file whatever its own name says.
    const id = baseFile ? (base?.id ?? '') : overlay![2]!;
    checkOverlay(
      { shown: file, language: overlay?.[1] ?? 'fr', id, text },
      baseFile && !base ? [] : bases
    );
  }
}
process.exit(failed > 0 ? 1 : 0);
