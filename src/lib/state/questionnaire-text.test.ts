import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyOverlay } from '$lib/domain/questionnaire/overlay';
import { makeOverlay } from '$lib/domain/testing/overlays';
import { mini } from '$lib/io/testing/workshop-fixture';
import { parseQuestionnaireText } from '$lib/io/questionnaire-file';
import { readAnswersCsv } from '$lib/io/answers-csv';
import { openDatabase, questionnaireKey, useDatabase, type NcsDatabase } from '$lib/storage/db';
import { uuid } from '$lib/storage/uuid';
import { problemMessage } from './problem-text';
import {
  forgetQuestionnaireText,
  loadQuestionnaireText,
  titledIn,
  untranslatedLookup
} from './questionnaire-text';

/** A French overlay of `mini` without a few strings. */
function partial() {
  const o = makeOverlay(mini);
  delete o.sections!['practice']!.title;
  const law = o.sections!['law']!.questions!;
  delete law['regulator']!.text;
  delete law['data-law']!.recommendations!['2'];
  delete o.sections!['practice']!.questions!['breach-notice']!.levels!['partial'];
  return o;
}

describe('the strings a screen marks as English', () => {
  const english = untranslatedLookup([applyOverlay(mini, partial(), 'fr')]);

  it('finds a question by its questionnaire and id, whatever its section', () => {
    expect(english.question('mini', 'regulator')).toBe(true);
    expect(english.question('mini', 'data-law')).toBe(false);
    expect(english.question('mini', 'breach-notice', 'levels', 'partial')).toBe(true);
    expect(english.question('mini', 'breach-notice', 'levels', 'no')).toBe(false);
  });

  it('marks section titles, the title and the recommendation of the level shown', () => {
    expect(english.section('mini', 'practice')).toBe(true);
    expect(english.section('mini', 'law')).toBe(false);
    expect(english.title('mini')).toBe(false);
    expect(english.recommendation('mini', 'data-law', 2)).toBe(true);
    expect(english.recommendation('mini', 'data-law', 3)).toBe(false);
    // No answer, no recommendation shown: nothing to mark.
    expect(english.recommendation('mini', 'data-law', null)).toBe(false);
  });

  it('marks nothing of a questionnaire or question it was not given', () => {
    expect(english.title('elsewhere')).toBe(false);
    expect(english.question('mini', 'nowhere')).toBe(false);
  });

  it('marks everything without an overlay, nothing in English', async () => {
    const none = untranslatedLookup([await loadQuestionnaireText(mini, 'fr', [])]);
    expect(none.title('mini')).toBe(true);
    expect(none.question('mini', 'dpo', 'levels', '5')).toBe(true);
    const en = untranslatedLookup([await loadQuestionnaireText(mini, 'en')]);
    expect(en.title('mini')).toBe(false);
    expect(en.question('mini', 'dpo')).toBe(false);
  });

  it('takes the overlay a kit carries for a version the app has no translation of', async () => {
    const carried = await loadQuestionnaireText(mini, 'fr', [partial()]);
    expect(carried.questionnaire.title).toBe(`[fr] ${mini.title}`);
    expect(untranslatedLookup([carried]).section('mini', 'practice')).toBe(true);
  });
});

describe('the name a cap gives a question', () => {
  const read = parseQuestionnaireText(
    'mini-second.yaml',
    readFileSync(join(process.cwd(), 'src/lib/io/fixtures/mini-second.yaml'), 'utf8')
  );
  if (!read.ok) throw new Error('fixture mini-second.yaml must be valid');
  const second = read.questionnaire;
  const o = makeOverlay(second);
  const response = o.sections!['response']!.questions!;
  delete response['oversight']!.shortTitle;
  delete response['takedown']!.text;
  delete o.sections!['research']!.questions!['research-funding']!.text;
  const english = untranslatedLookup([applyOverlay(second, o, 'fr')]);

  it('is its short title where it has one, else its text', () => {
    expect(english.name('mini-second', 'oversight')).toBe(true);
    // The text is English, but a cap names the question by its translated short title.
    expect(english.question('mini-second', 'takedown')).toBe(true);
    expect(english.name('mini-second', 'takedown')).toBe(false);
    expect(english.name('mini-second', 'research-funding')).toBe(true);
    expect(english.name('mini-second', 'appeal')).toBe(false);
  });
});

describe('questionnaires named in CSV problems', () => {
  let db: NcsDatabase;
  beforeEach(async () => {
    db = openDatabase('test-' + uuid());
    useDatabase(db);
    forgetQuestionnaireText();
    // A ministry's own questionnaire, imported with its French translation.
    await db.questionnaires.put({
      key: questionnaireKey(mini.id, mini.version),
      id: mini.id,
      version: mini.version,
      source: 'bundle',
      content: mini,
      storedAt: '2026-12-01T08:00:00.000Z',
      overlays: { fr: { ...makeOverlay(mini), title: 'Mini protection des données' } }
    });
  });
  afterEach(async () => {
    await db.delete();
  });
  const csv = (level: string) => `questionnaire_id,question_id,level\r\nmini,data-law,${level}\r\n`;

  it('say the French title in the French interface, where a translation has one', async () => {
    const [french] = await titledIn([mini], 'fr');
    expect(french!.title).toBe('Mini protection des données');
    const result = readAnswersCsv('a.csv', csv('7'), [french!]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const sentence = problemMessage(result.problems[0]!, 'fr');
    expect(sentence).toContain('l’échelle de «\u00a0Mini protection des données\u00a0»');
    // The labels a file may write stay the format's English ones.
    expect(sentence).toContain('Established');
    expect(readAnswersCsv('a.csv', csv('Established'), [french!]).ok).toBe(true);
  });

  it('keep the title as written without a translation, and in the English interface', async () => {
    await db.questionnaires.update(questionnaireKey(mini.id, mini.version), { overlays: {} });
    forgetQuestionnaireText();
    expect((await titledIn([mini], 'fr'))[0]!.title).toBe(mini.title);
    expect((await titledIn([mini], 'en'))[0]!.title).toBe(mini.title);
  });
});
