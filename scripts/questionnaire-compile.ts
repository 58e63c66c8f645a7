/**
 * Build step for the built-in questionnaires: validates every YAML file in `questionnaires/`
 * and writes one JSON asset per file plus the small index the first load carries. Run by the
 * Vite plugin (every build, dev server and test run) so an invalid file stops all of them.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestionnaireText } from '../src/lib/io/questionnaire-file.ts';
import { problemPlace } from '../src/lib/domain/problems.ts';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';
import {
  questionnaireIndexEntry,
  type QuestionnaireIndexEntry
} from '../src/lib/domain/questionnaire/index-entry.ts';
import { questionnaireDigest } from '../src/lib/domain/known-questionnaires.ts';

export class QuestionnaireBuildError extends Error {}

export function compileQuestionnaires(root: string, outDir: string): QuestionnaireIndexEntry[] {
  const sourceDir = join(root, 'questionnaires');
  const files = readdirSync(sourceDir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort();
  const entries: QuestionnaireIndexEntry[] = [];
  const compiled: Questionnaire[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const shown = `questionnaires/${file}`;
    const result = parseQuestionnaireText(shown, readFileSync(join(sourceDir, file), 'utf8'));
    if (!result.ok) {
      // The build runs before the messages are compiled: it names each problem by its code and
      // params; `npm run validate -- <file>` prints the sentences (docs/languages.md).
      problems.push(
        ...result.problems.map(
          (p) => `${problemPlace(p)}: ${p.code}${p.params ? ` ${JSON.stringify(p.params)}` : ''}`
        )
      );
      continue;
    }
    compiled.push(result.questionnaire);
    entries.push(
      questionnaireIndexEntry(result.questionnaire, questionnaireDigest(result.questionnaire))
    );
  }
  if (problems.length > 0) {
    throw new QuestionnaireBuildError(
      `Invalid questionnaire files (npm run validate -- <file> explains each):\n${problems.join('\n')}`
    );
  }
  const ids = entries.map((e) => e.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new QuestionnaireBuildError(`Two files in questionnaires/ use the id "${dup}"`);

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const q of compiled) {
    writeFileSync(join(outDir, `${q.id}-${q.version}.json`), JSON.stringify(q));
  }
  return entries;
}
