import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaireText } from '../../io/questionnaire-file';
import { parseOverlayText } from '../../io/overlay-file';
import { answerKey, type AnswerMap } from '../assessment/model';
import { scoreAssessment } from '../scoring/score';
import { makeOverlay } from '../testing/overlays';
import { random } from '../testing/random';
import {
  applyOverlay,
  isBlockingOverlayProblem,
  isUntranslated,
  overlayProblems,
  questionPath
} from './overlay';
import type { QuestionnaireOverlay } from './overlay-schema';
import type { Questionnaire } from './schema';

function load(path: string): Questionnaire {
  const result = parseQuestionnaireText(path, readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path} does not load`);
  return result.questionnaire;
}

const dir = join(process.cwd(), 'questionnaires');
const builtins = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => load(join(dir, f)));
const privacy = builtins.find((q) => q.id === 'privacy-data-protection')!;
const mini = load('src/lib/io/fixtures/mini-second.yaml');
const fixtureFile = 'src/lib/io/fixtures/overlays/mini-second.fr.yaml';
const FR = (s: string) => `[fr] ${s}`;

/** Every string of a questionnaire with where it is (JSON path) — the text a reader sees. */
function strings(value: unknown, at = ''): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') out.set(path, v);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    }
  };
  walk(value, at);
  return out;
}

/** Keys that hold ids, types and the like, never text. */
const NOT_TEXT = /\.(id|version|theme|type|url|question|atLeast)$|\.references\[\d+\]$/;

describe('applyOverlay', () => {
  it.each(builtins)('a complete overlay replaces every string of $id', (base) => {
    const localized = applyOverlay(base, makeOverlay(base, FR));
    expect(localized.language).toBe('fr');
    expect([...localized.untranslated]).toEqual([]);
    const before = strings(base);
    const after = strings(localized.questionnaire);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, english] of before) {
      expect(after.get(path), path).toBe(NOT_TEXT.test(path) ? english : FR(english));
    }
  });

  it.each(builtins)('leaves the scoring inputs of $id untouched', (base) => {
    const localized = applyOverlay(base, makeOverlay(base, FR)).questionnaire;
    const shape = (q: Questionnaire) =>
      JSON.stringify(q, (key, v: unknown) =>
        typeof v === 'string' && !['id', 'version', 'type', 'question', 'atLeast'].includes(key)
          ? ''
          : v
      );
    expect(shape(localized)).toBe(shape(base));
  });

  it('scores an assessment the same in English and in French', () => {
    const rnd = random(21);
    const answers: AnswerMap = {};
    for (const q of builtins) {
      for (const question of q.sections.flatMap((s) => s.questions)) {
        const pick = rnd();
        if (pick < 0.15) continue;
        const key = answerKey(q.id, question.id);
        if (question.type === 'choice') {
          answers[key] = { state: 'level', option: question.options[0]!.id };
        } else if (pick < 0.25) answers[key] = { state: 'unknown' };
        else if (question.type === 'binary') {
          answers[key] = {
            state: 'level',
            level: (['no', 'partial', 'yes'] as const)[Math.floor(rnd() * 3)]!
          };
        } else answers[key] = { state: 'level', level: 1 + Math.floor(rnd() * 5) };
      }
    }
    const french = builtins.map((q) => applyOverlay(q, makeOverlay(q, FR)).questionnaire);
    const en = scoreAssessment({ questionnaires: builtins, answers, target: 4 });
    const fr = scoreAssessment({ questionnaires: french, answers, target: 4 });
    expect(en.score).not.toBeNull();
    // The results repeat the question texts, titles and labels: those follow the language.
    const figures = (r: unknown) =>
      JSON.stringify(r, (key, v: unknown) =>
        ['text', 'title', 'label'].includes(key) ? undefined : v
      );
    expect(figures(fr)).toBe(figures(en));
    expect(fr.gapList[0]!.text).toBe(FR(en.gapList[0]!.text));
  });

  it('lists exactly the strings a partial overlay leaves out, and keeps them English', () => {
    const overlay = makeOverlay(privacy, FR);
    const section = privacy.sections[1]!;
    const question = section.questions.find((q) => q.guidance && q.evidence.length > 1)!;
    const reference = privacy.references[0]!;
    delete overlay.summary;
    delete overlay.scale!['3']!.description;
    delete overlay.references![reference.id];
    overlay.sections![section.id]!.title = '  ';
    const oq = overlay.sections![section.id]!.questions![question.id]!;
    delete oq.guidance;
    delete oq.levels!['2'];
    oq.evidence = oq.evidence!.slice(0, 1);
    const localized = applyOverlay(privacy, overlay);
    const missing = [
      'summary',
      'scale.3.description',
      `references.${reference.id}`,
      `sections.${section.id}.title`,
      questionPath(section.id, question.id, 'guidance'),
      questionPath(section.id, question.id, 'levels', 2),
      ...question.evidence
        .slice(1)
        .map((_, i) => questionPath(section.id, question.id, 'evidence', i + 1))
    ];
    expect([...localized.untranslated].sort()).toEqual(missing.sort());
    const lq = localized.questionnaire.sections[1]!.questions.find((q) => q.id === question.id)!;
    expect(lq.guidance).toBe(question.guidance);
    expect(lq.text).toBe(FR(question.text));
    expect(isUntranslated(localized, 'summary')).toBe(true);
    expect(isUntranslated(localized, 'title')).toBe(false);
    expect(localized.questionnaire.summary).toBe(privacy.summary);
  });

  it('marks every string when French has no overlay or a stale one, and none in English', () => {
    const all = applyOverlay(privacy, undefined, 'fr');
    expect(all.language).toBe('fr');
    expect(all.questionnaire).toEqual(privacy);
    expect(all.untranslated.size).toBe(
      applyOverlay(privacy, { ...makeOverlay(privacy), baseVersion: '1.0.0' }).untranslated.size
    );
    expect(all.untranslated.has('title')).toBe(true);
    expect(all.untranslated.size).toBeGreaterThan(500);
    const english = applyOverlay(privacy, makeOverlay(privacy), 'en');
    expect(english).toEqual({ questionnaire: privacy, language: 'en', untranslated: new Set() });
  });
});

describe('overlayProblems', () => {
  const file = 'fr/mini-second.yaml';
  const complete = (): QuestionnaireOverlay => makeOverlay(mini, FR);

  it('finds nothing in a complete overlay', () => {
    expect(overlayProblems(mini, complete(), file)).toEqual([]);
  });

  it('names each unknown key with its file and path', () => {
    const overlay = complete();
    const response = overlay.sections!['response']!;
    response.description = 'Une description que la base n’a pas';
    response.questions!['takedwon'] = { text: 'faute de frappe' };
    response.questions!['takedown']!.levels!['6'] = 'hors échelle';
    response.questions!['takedown']!.guidance = 'pas d’indications dans la base';
    response.questions!['takedown']!.evidence = ['en trop'];
    response.questions!['appeal']!.options = { yes: 'Oui' };
    overlay.scale!['9'] = { label: 'Neuf' };
    overlay.references = { 'no-such': 'Titre' };
    expect(overlayProblems(mini, overlay, file)).toEqual([
      { file, path: 'scale.9', code: 'overlay.unknown-key', params: { key: '9' } },
      { file, path: 'references.no-such', code: 'overlay.unknown-key', params: { key: 'no-such' } },
      {
        file,
        path: 'sections.response.description',
        code: 'overlay.unknown-key',
        params: { key: 'description' }
      },
      {
        file,
        path: 'sections.response.questions.takedwon',
        code: 'overlay.unknown-key',
        params: { key: 'takedwon' }
      },
      {
        file,
        path: 'sections.response.questions.takedown.guidance',
        code: 'overlay.unknown-key',
        params: { key: 'guidance' }
      },
      {
        file,
        path: 'sections.response.questions.takedown.levels.6',
        code: 'overlay.unknown-key',
        params: { key: '6' }
      },
      {
        file,
        path: 'sections.response.questions.takedown.evidence.0',
        code: 'overlay.unknown-key',
        params: { key: 0 }
      },
      {
        file,
        path: 'sections.response.questions.appeal.options',
        code: 'overlay.unknown-key',
        params: { key: 'options' }
      }
    ]);
  });

  it('refuses an overlay of another base version, or of another questionnaire', () => {
    expect(overlayProblems(mini, { ...complete(), baseVersion: '1.0.0' }, file)).toEqual([
      {
        file,
        path: 'baseVersion',
        code: 'overlay.stale-version',
        params: { baseVersion: '1.0.0', version: '2.0.0' }
      }
    ]);
    expect(overlayProblems(mini, { ...complete(), id: 'mini' }, file)).toEqual([
      {
        file,
        path: 'id',
        code: 'overlay.wrong-id',
        params: { id: 'mini', expected: 'mini-second' }
      }
    ]);
  });

  it('reports every missing string of a file, without refusing it', () => {
    const result = parseOverlayText(mini, fixtureFile, readFileSync(fixtureFile, 'utf8'));
    expect(result.ok).toBe(true);
    const warnings = result.ok ? result.warnings : [];
    expect(warnings.map((p) => [p.file, p.path, p.code])).toEqual([
      [fixtureFile, 'summary', 'overlay.untranslated'],
      [fixtureFile, 'scale.5.description', 'overlay.untranslated'],
      [
        fixtureFile,
        'sections.response.questions.takedown.recommendations.4',
        'overlay.untranslated'
      ],
      [
        fixtureFile,
        'sections.cooperation.questions.christchurch-call.options.listed',
        'overlay.untranslated'
      ]
    ]);
    expect(warnings.some(isBlockingOverlayProblem)).toBe(false);
  });

  it('refuses bad YAML and a misspelt field with the file and the place', () => {
    const bad = parseOverlayText(
      mini,
      'fr.yaml',
      'id: mini-second\ntitle: Titre : avec deux points: ici\n'
    );
    expect(
      bad.ok ? [] : bad.problems.map((p) => [p.file, p.code, p.params?.['line']])
    ).toContainEqual(['fr.yaml', 'questionnaire.not-yaml-at', 2]);
    const text = readFileSync(fixtureFile, 'utf8').replace('title: Réponse', 'titel: Réponse');
    const misspelt = parseOverlayText(mini, fixtureFile, text);
    expect(misspelt.ok ? [] : misspelt.problems.map((p) => [p.file, p.path, p.code])).toEqual([
      [fixtureFile, 'sections.response', 'schema.unknown-keys']
    ]);
  });
});
