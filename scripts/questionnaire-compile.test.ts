import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileQuestionnaires } from './questionnaire-compile';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ncs-compile-'));
  mkdirSync(join(root, 'questionnaires'));
  for (const [name, from] of Object.entries(files)) {
    copyFileSync(from, join(root, 'questionnaires', name));
  }
  return root;
}

describe('build step for questionnaires', () => {
  it('compiles valid files to JSON assets and an index without the texts', () => {
    // The archived first edition: a fixed input, whatever edition the current file is.
    const root = project({
      'national-strategy.yaml': 'questionnaires/editions/national-strategy-1.0.0.yaml'
    });
    const out = join(root, 'out');
    const { index, editions } = compileQuestionnaires(root, out);
    expect(editions).toEqual([]);
    expect(index).toHaveLength(1);
    expect(index[0]).toMatchObject({
      id: 'national-strategy',
      version: '1.0.0',
      file: 'questionnaires/national-strategy-1.0.0.json'
    });
    expect(JSON.stringify(index)).not.toContain('guidance');
    const asset = JSON.parse(readFileSync(join(out, 'national-strategy-1.0.0.json'), 'utf8'));
    expect(asset.sections.length).toBe(index[0]!.sectionCount);
  });

  it('fails with file, path and message when a file is invalid, and writes nothing', () => {
    const root = project({
      'good.yaml': 'questionnaires/national-strategy.yaml',
      'typo.yaml': 'src/lib/io/fixtures/questionnaires/typo.yaml'
    });
    const out = join(root, 'out');
    expect(() => compileQuestionnaires(root, out)).toThrow(
      'questionnaires/typo.yaml: sections[0].questions[0].levels.2: questionnaire.level-undescribed {"level":2}'
    );
    expect(existsSync(out)).toBe(false);
  });
});
