import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseQuestionnaireText } from '../src/lib/io/questionnaire-file';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';
import { compileOverlays } from './overlay-compile';

const fixtures = 'src/lib/io/fixtures';
const parsed = parseQuestionnaireText('mini', readFileSync(`${fixtures}/mini-second.yaml`, 'utf8'));
const mini = (parsed.ok ? parsed.questionnaire : undefined) as Questionnaire;

let root = '';
function withOverlay(name: string, text: string): string {
  root = mkdtempSync(join(tmpdir(), 'overlays-'));
  mkdirSync(join(root, 'questionnaires', 'i18n', 'fr'), { recursive: true });
  writeFileSync(join(root, 'questionnaires', 'i18n', 'fr', name), text);
  return root;
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the build of the translation overlays', () => {
  it('ships a valid overlay under its base id, version and language, missing strings and all', () => {
    const text = readFileSync(`${fixtures}/overlays/mini-second.fr.yaml`, 'utf8');
    const overlays = compileOverlays(withOverlay('mini-second.yaml', text), [mini]);
    expect([...overlays.keys()]).toEqual(['mini-second@2.0.0/fr']);
    expect(overlays.get('mini-second@2.0.0/fr')!.title).toBe('Mini extrémisme en ligne');
  });

  it.each([
    ['stale.fr.yaml', 'baseVersion: overlay.stale-version'],
    ['unknown-key.fr.yaml', 'sections.reserach: overlay.unknown-key']
  ])('stops on %s with the file and the path', (fixture, problem) => {
    root = mkdtempSync(join(tmpdir(), 'overlays-'));
    mkdirSync(join(root, 'questionnaires', 'i18n', 'fr'), { recursive: true });
    copyFileSync(
      `${fixtures}/overlays/${fixture}`,
      join(root, 'questionnaires', 'i18n', 'fr', 'mini-second.yaml')
    );
    expect(() => compileOverlays(root, [mini])).toThrow(
      `questionnaires/i18n/fr/mini-second.yaml: ${problem}`
    );
  });

  it('stops on bad YAML, on another questionnaire id and on a file with no base', () => {
    const bad = withOverlay('mini-second.yaml', 'id: mini-second\ntitle: a: b\n');
    expect(() => compileOverlays(bad, [mini])).toThrow(
      'questionnaires/i18n/fr/mini-second.yaml: questionnaire.not-yaml-at'
    );
    rmSync(bad, { recursive: true });
    const text = readFileSync(`${fixtures}/overlays/mini-second.fr.yaml`, 'utf8');
    const other = withOverlay('mini-second.yaml', text.replace('id: mini-second', 'id: mini'));
    expect(() => compileOverlays(other, [mini])).toThrow(
      'questionnaires/i18n/fr/mini-second.yaml: id: overlay.wrong-id'
    );
    rmSync(other, { recursive: true });
    expect(() => compileOverlays(withOverlay('nothing.yaml', text), [mini])).toThrow(
      'questionnaires/i18n/fr/nothing.yaml: overlay.no-base'
    );
  });
});
