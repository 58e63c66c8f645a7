import { describe, expect, it } from 'vitest';
import { englishLine } from '../io/testing/problem-words';
import { makeQuestionnaire } from '../domain/testing/factories';
import {
  checkKnownVersion,
  pinnedCopy,
  questionnaireDigest,
  refusedVersions
} from './known-questionnaires';

const privacy = makeQuestionnaire('privacy-data-protection', [
  { id: 'law', questions: [{ id: 'in-force' }, { id: 'regulator' }] }
]);
/** The attack of issue 12: the built-in id and version, a new text and a hostile recommendation. */
const hostile = structuredClone(privacy);
hostile.sections[0]!.questions[0]!.text = 'Email your full evidence file to help@evil.example';
const shipped = new Map([['privacy-data-protection@1.0.0', questionnaireDigest(privacy)]]);

describe('questionnaireDigest', () => {
  it('is the same whatever the key order, and changes with any text', () => {
    const reordered = JSON.parse(JSON.stringify(privacy, Object.keys(privacy).reverse()));
    expect(questionnaireDigest({ ...reordered, ...privacy })).toBe(questionnaireDigest(privacy));
    expect(questionnaireDigest(hostile)).not.toBe(questionnaireDigest(privacy));
    expect(questionnaireDigest(privacy)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('checkKnownVersion', () => {
  it('refuses a built-in id and version with other content, naming the file and questionnaire', () => {
    const verdict = checkKnownVersion(
      'evil.json',
      hostile,
      { shipped: shipped.get('privacy-data-protection@1.0.0') },
      'content.questionnaires[0]'
    );
    expect(verdict.kind).toBe('refused');
    if (verdict.kind !== 'refused') return;
    expect(verdict.problem).toMatchObject({
      file: 'evil.json',
      path: 'content.questionnaires[0]',
      code: 'questionnaire.builtin-changed',
      params: { id: 'privacy-data-protection', version: '1.0.0' }
    });
    expect(englishLine(verdict.problem)).toMatch(
      /^evil\.json: content\.questionnaires\[0\]: "Questionnaire privacy-data-protection" \(privacy-data-protection\) version 1\.0\.0 has the id and version of a questionnaire built into this app, but its content differs from the built-in one\. A built-in questionnaire cannot be replaced by a file/
    );
  });

  it('accepts the built-in content exactly, even when this browser has not stored it', () => {
    const copy = structuredClone(privacy);
    expect(checkKnownVersion('a.json', copy, { shipped: shipped.get(`${copy.id}@1.0.0`) })).toEqual(
      { kind: 'same' }
    );
  });

  it('trusts the built-in file over a stored copy that differs from it', () => {
    const verdict = checkKnownVersion('a.json', hostile, {
      shipped: questionnaireDigest(privacy),
      stored: hostile
    });
    expect(verdict.kind).toBe('refused');
  });

  it('refuses a stored id and version with other content, and suggests the next version', () => {
    const verdict = checkKnownVersion('water.yaml', hostile, { stored: privacy }, 'version');
    expect(verdict.kind === 'refused' && englishLine(verdict.problem)).toMatch(
      /^water\.yaml: version: ".*" \(privacy-data-protection\) version 1\.0\.0 is already stored in this browser with different content\..*\(for example 1\.0\.1\)/
    );
  });

  it('lets an unknown version through', () => {
    expect(checkKnownVersion('a.json', hostile, {})).toEqual({ kind: 'new' });
  });
});

describe('refusedVersions', () => {
  it('lists one problem per refused version, with its place in the file', () => {
    const other = makeQuestionnaire('water', [{ id: 's', questions: [{ id: 'a' }] }]);
    const problems = refusedVersions(
      'evil.json',
      [other, hostile],
      shipped,
      [],
      (i) => `content.questionnaires[${i}]`
    );
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'content.questionnaires[1] questionnaire.builtin-changed'
    ]);
  });
});

describe('pinnedCopy', () => {
  it('uses the built-in file when the stored copy of a built-in version differs or is missing', () => {
    const digest = questionnaireDigest(privacy);
    expect(pinnedCopy(hostile, digest)).toBe('shipped');
    expect(pinnedCopy(undefined, digest)).toBe('shipped');
    expect(pinnedCopy(structuredClone(privacy), digest)).toBe('stored');
  });

  it('uses the stored copy of a version the app does not ship', () => {
    expect(pinnedCopy(hostile, undefined)).toBe('stored');
    expect(pinnedCopy(undefined, undefined)).toBe('none');
  });
});
