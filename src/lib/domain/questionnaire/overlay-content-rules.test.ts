import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOverlayText } from '../../io/overlay-file';
import { parseQuestionnaireText } from '../../io/questionnaire-file';
import { makeOverlay } from '../testing/overlays';
import { acronymProblems } from './acronyms';
import { overlayContentProblems } from './overlay-content-rules';
import type { Questionnaire } from './schema';

function load(path: string): Questionnaire {
  const result = parseQuestionnaireText(path, readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path} does not load`);
  return result.questionnaire;
}

// Whatever translations exist when the tests run: none, some or all (docs/languages.md).
const i18n = join(process.cwd(), 'questionnaires', 'i18n');
const overlays = (existsSync(i18n) ? readdirSync(i18n) : []).flatMap((language) =>
  readdirSync(join(i18n, language))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => ({ file: `questionnaires/i18n/${language}/${f}`, id: f.replace(/\.ya?ml$/, '') }))
);

describe('built-in translations', () => {
  // One test over every file, so it also runs (and passes) while no translation exists yet.
  it('every translation is a valid overlay of its base and meets the content rules', () => {
    const problems: Record<string, unknown[]> = {};
    for (const o of overlays) {
      const basePath = join('questionnaires', `${o.id}.yaml`);
      if (!existsSync(basePath)) {
        problems[o.file] = [`no questionnaires/${o.id}.yaml to translate`];
        continue;
      }
      const base = load(basePath);
      const result = parseOverlayText(base, o.file, readFileSync(o.file, 'utf8'));
      const found = result.ok ? overlayContentProblems(base, result.overlay) : result.problems;
      if (found.length > 0) problems[o.file] = found;
    }
    expect(problems).toEqual({});
  });
});

describe('content rules of a translation', () => {
  const mini = load('src/lib/io/fixtures/mini-second.yaml');
  const french = () => makeOverlay(mini, (s) => `Texte traduit : ${s}`);

  it('passes a complete translation', () => {
    expect(overlayContentProblems(mini, french())).toEqual([]);
  });

  it('refuses an empty string', () => {
    const overlay = french();
    overlay.sections!['research']!.questions!['research-funding']!.levels!['2'] = ' ';
    expect(overlayContentProblems(mini, overlay)).toEqual([
      'sections.research.questions.research-funding.levels.2: empty; translate it or leave the key out'
    ]);
  });

  it('refuses two levels of one question with the same text', () => {
    const overlay = french();
    const levels = overlay.sections!['response']!.questions!['oversight']!.levels!;
    levels['4'] = levels['2']!;
    expect(overlayContentProblems(mini, overlay)).toEqual([
      'sections.response.questions.oversight.levels.4: same text as level 2; make each level distinct'
    ]);
  });

  it('wants each French abbreviation spelled out where it is first read', () => {
    const overlay = french();
    overlay.summary = 'Les normes ISO et l’ONU, puis l’UIT et la CEDEAO.';
    overlay.sections!['response']!.title =
      'Union internationale des télécommunications (UIT) et CEDEAO (Communauté économique des États de l’Afrique de l’Ouest)';
    expect(overlayContentProblems(mini, overlay)).toEqual([
      'summary: spell out "UIT" at its first use, e.g. "… (UIT)" or "UIT (…)"',
      'summary: spell out "CEDEAO" at its first use, e.g. "… (CEDEAO)" or "CEDEAO (…)"'
    ]);
  });

  it('reads accented capitals as letters and spelled-out French as an expansion', () => {
    const base = {
      ...mini,
      title: 'ÉTAT des lieux',
      summary: 'équipe de réponse aux incidents (CSIRT) ; le CSIRT.'
    };
    expect(acronymProblems(base, 'fr')).toEqual([
      'title: spell out "ÉTAT" at its first use, e.g. "… (ÉTAT)" or "ÉTAT (…)"'
    ]);
    expect(acronymProblems({ ...mini, summary: 'L’UE et les USA.' }, 'fr')).toEqual([
      'summary: spell out "USA" at its first use, e.g. "… (USA)" or "USA (…)"'
    ]);
    expect(acronymProblems({ ...mini, summary: 'The EU and the USA.' }, 'en')).toEqual([]);
  });
});
