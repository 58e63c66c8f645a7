/**
 * Build step for the built-in questionnaires: validates every YAML file in `questionnaires/`
 * (the current editions) and in `questionnaires/editions/` (earlier editions, kept byte for byte
 * so assessments pinned to them keep their scores), writes one JSON asset per edition, and
 * returns the small index the first load carries plus the list of earlier editions
 * (docs/file-formats.md, "Editions of the built-in questionnaires"). Run by the Vite plugin
 * (every build, dev server and test run) so an invalid file stops all of them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestionnaireText } from '../src/lib/io/questionnaire-file.ts';
import { problemPlace } from '../src/lib/domain/problems.ts';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';
import {
  editionIndexEntry,
  questionnaireIndexEntry,
  type EditionIndexEntry,
  type QuestionnaireIndexEntry
} from '../src/lib/domain/questionnaire/index-entry.ts';
import { compareVersions } from '../src/lib/domain/questionnaire/version.ts';
import { questionnaireDigest } from '../src/lib/domain/known-questionnaires.ts';

export class QuestionnaireBuildError extends Error {}

/** What the build ships: current editions (offered for new assessments) and earlier ones. */
export interface CompiledQuestionnaires {
  index: QuestionnaireIndexEntry[];
  editions: EditionIndexEntry[];
  /** The current editions themselves (the translation overlays are checked against them). */
  current: Questionnaire[];
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile() && /\.ya?ml$/i.test(f.name))
    .map((f) => f.name)
    .sort();
}

function parseAll(dir: string, shownDir: string, problems: string[]) {
  const parsed: { file: string; shown: string; q: Questionnaire }[] = [];
  for (const file of yamlFiles(dir)) {
    const shown = `${shownDir}/${file}`;
    const result = parseQuestionnaireText(shown, readFileSync(join(dir, file), 'utf8'));
    if (result.ok) parsed.push({ file, shown, q: result.questionnaire });
    else {
      // The build runs before the messages are compiled: it names each problem by its code and
      // params; `npm run validate -- <file>` prints the sentences (docs/languages.md).
      problems.push(
        ...result.problems.map(
          (p) => `${problemPlace(p)}: ${p.code}${p.params ? ` ${JSON.stringify(p.params)}` : ''}`
        )
      );
    }
  }
  return parsed;
}

/** Problems with the earlier editions against the current ones, one line each. */
function editionProblems(
  current: readonly Questionnaire[],
  earlier: readonly { file: string; shown: string; q: Questionnaire }[]
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { file, shown, q } of earlier) {
    const expected = `${q.id}-${q.version}`;
    if (file.replace(/\.ya?ml$/i, '') !== expected) {
      problems.push(`${shown}: name the file ${expected}.yaml after its id and version`);
    }
    const now = current.find((c) => c.id === q.id);
    if (!now) {
      problems.push(`${shown}: no current file in questionnaires/ has the id "${q.id}"`);
    } else if (q.version === now.version) {
      if (questionnaireDigest(q) !== questionnaireDigest(now)) {
        problems.push(
          `${shown}: version ${q.version} is also the current file's version, with other ` +
            `content; give the current file a new version`
        );
      }
    } else if (compareVersions(q.version, now.version) > 0) {
      problems.push(
        `${shown}: version ${q.version} is not earlier than the current ${now.version}; ` +
          `an earlier edition keeps its old version, and the current file takes a new one`
      );
    }
    if (seen.has(expected)) problems.push(`${shown}: a second file for ${q.id} ${q.version}`);
    seen.add(expected);
  }
  return problems;
}

export function compileQuestionnaires(root: string, outDir: string): CompiledQuestionnaires {
  const sourceDir = join(root, 'questionnaires');
  const problems: string[] = [];
  const current = parseAll(sourceDir, 'questionnaires', problems);
  const earlier = parseAll(join(sourceDir, 'editions'), 'questionnaires/editions', problems);
  if (problems.length > 0) {
    throw new QuestionnaireBuildError(`Invalid questionnaire file(s):\n${problems.join('\n')}`);
  }
  const ids = current.map((c) => c.q.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new QuestionnaireBuildError(`Two files in questionnaires/ use the id "${dup}"`);
  const wrong = editionProblems(
    current.map((c) => c.q),
    earlier
  );
  if (wrong.length > 0) {
    throw new QuestionnaireBuildError(`Earlier editions out of order:\n${wrong.join('\n')}`);
  }

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const { q } of [...current, ...earlier]) {
    writeFileSync(join(outDir, `${q.id}-${q.version}.json`), JSON.stringify(q));
  }
  return {
    index: current.map(({ q }) => questionnaireIndexEntry(q, questionnaireDigest(q))),
    current: current.map(({ q }) => q),
    // An archived copy of the current edition itself (kept while the new edition is written)
    // is the current file: shipped once.
    editions: earlier
      .filter(({ q }) => !current.some((c) => c.q.id === q.id && c.q.version === q.version))
      .map(({ q }) => editionIndexEntry(q, questionnaireDigest(q)))
  };
}
