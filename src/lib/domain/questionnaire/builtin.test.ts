import { readdirSync, readFileSync } from 'node:fs';
import { englishMessage } from '../../io/testing/problem-words';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaireText } from '../../io/questionnaire-file';
import { contentProblems } from './content-rules';
import type { Questionnaire } from './schema';

// The current editions only: earlier ones in questionnaires/editions/ stay as published.
const dir = join(process.cwd(), 'questionnaires');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const results = files.map((file) => ({
  file,
  result: parseQuestionnaireText(file, readFileSync(join(dir, file), 'utf8'))
}));
const loaded = results.flatMap(({ file, result }) =>
  result.ok ? [{ file, q: result.questionnaire }] : []
);

describe('built-in questionnaires', () => {
  it.each(results)('$file is a valid questionnaire', ({ result }) => {
    const issues = result.ok ? [] : result.problems.map((i) => `${i.path}: ${englishMessage(i)}`);
    expect(issues).toEqual([]);
  });

  it.each(loaded)('$file meets the content rules', ({ q }) => {
    expect(contentProblems(q)).toEqual([]);
  });

  it('ships the five themes with 120 questions or more', () => {
    expect(loaded.map((l) => l.q.id).sort()).toEqual([
      'cross-border-cooperation',
      'cyber-standards',
      'cyberspace-extremism',
      'national-strategy',
      'privacy-data-protection'
    ]);
    const total = loaded.reduce(
      (n, l) => n + l.q.sections.reduce((m, s) => m + s.questions.length, 0),
      0
    );
    expect(total).toBeGreaterThanOrEqual(120);
  });

  // One case per file, so a file still being rewritten shows by name.
  it.each(loaded)(
    '$file reuses no level descriptor or recommendation of another file',
    ({ file }) => {
      const textsOf = (q: Questionnaire) =>
        q.sections
          .flatMap((s) => s.questions)
          .flatMap((question) =>
            question.type === 'choice'
              ? []
              : [...Object.values(question.levels), ...Object.values(question.recommendations)].map(
                  (text) => ({ id: question.id, text: (text ?? '').trim().toLowerCase() })
                )
          )
          .filter((t) => t.text !== '');
      const others = new Map<string, string>();
      for (const other of loaded) {
        if (other.file === file) continue;
        for (const t of textsOf(other.q)) others.set(t.text, `${other.file} ${t.id}`);
      }
      const own = loaded.find((l) => l.file === file)!.q;
      const reused = textsOf(own).flatMap((t) =>
        others.has(t.text) ? [`${t.id} repeats ${others.get(t.text)}`] : []
      );
      expect(reused).toEqual([]);
    }
  );
});
