import { readdirSync, readFileSync } from 'node:fs';
import { englishMessage } from '../../io/testing/problem-words';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaireText } from '../../io/questionnaire-file';
import { contentProblems } from './content-rules';

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

  it('never reuses a level descriptor or recommendation across files', () => {
    const owner = new Map<string, string>();
    const reused: string[] = [];
    for (const { file, q } of loaded) {
      for (const question of q.sections.flatMap((s) => s.questions)) {
        if (question.type === 'choice') continue;
        const texts = [
          ...Object.values(question.levels),
          ...Object.values(question.recommendations)
        ];
        for (const text of texts) {
          if (!text) continue;
          const prior = owner.get(text);
          if (prior && prior !== file) reused.push(`${file} ${question.id} repeats ${prior}`);
          owner.set(text, file);
        }
      }
    }
    expect(reused).toEqual([]);
  });
});
