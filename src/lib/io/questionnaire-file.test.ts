import { execFileSync } from 'node:child_process';
import { englishLines, englishMessage } from './testing/problem-words';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaireText } from './questionnaire-file';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

describe('questionnaire files', () => {
  it('names the line of a YAML syntax error', () => {
    const result = parseQuestionnaireText('bad.yaml', 'id: x\nsections: [\n  - a: 1\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]!.code).toBe('questionnaire.not-yaml-at');
      expect(englishMessage(result.problems[0])).toMatch(
        /^not valid YAML at line \d+, column \d+: /
      );
    }
  });

  it('reports an alias without its anchor instead of throwing', () => {
    const result = parseQuestionnaireText('alias.yaml', 'id: x\nscale:\n  - { label: *missing }\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(englishMessage(result.problems[0]!)).toContain('not valid YAML');
  });

  it('reads JSON as well as YAML', () => {
    const result = parseQuestionnaireText('q.json', '{"id": "x"}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((i) => i.path)).toContain('version');
  });

  it('says an empty file is empty', () => {
    const result = parseQuestionnaireText('empty.yaml', '  \n');
    expect(result.ok ? [] : englishLines(result.problems)).toBe('empty.yaml: the file is empty');
  });

  it('npm run validate prints file, path and message for each mistake and exits 1', () => {
    let output = '';
    let status = 0;
    try {
      execFileSync(tsx, ['scripts/validate.ts', 'src/lib/io/fixtures/questionnaires/typo.yaml'], {
        encoding: 'utf8',
        stdio: 'pipe'
      });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status;
      output = err.stderr;
    }
    expect(status).toBe(1);
    const file = 'src/lib/io/fixtures/questionnaires/typo.yaml';
    expect(output).toContain(`${file}: sections[0].questions[0].levels.2: describe level 2`);
    expect(output).toContain(
      `${file}: sections[0].questions[1]: holds keys this format does not have (wieght): remove them or check their spelling`
    );
    // The command line loads the messages of both languages: as slow as the other CLI tests.
  }, 60_000);

  it('npm run validate passes the built-in files', () => {
    const out = execFileSync(
      tsx,
      ['scripts/validate.ts', '--content', 'questionnaires/privacy-data-protection.yaml'],
      {
        encoding: 'utf8'
      }
    );
    expect(out).toMatch(
      /privacy-data-protection\.yaml: valid — privacy-data-protection \d+\.\d+\.\d+, \d+ sections, \d+ questions/
    );
  }, 60_000);
});
