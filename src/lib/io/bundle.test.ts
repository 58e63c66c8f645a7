import { readFileSync } from 'node:fs';
import { englishLines, englishMessage } from './testing/problem-words';
import { describe, expect, it } from 'vitest';
import { makeAssessment, makeQuestionnaire } from '../domain/testing/factories';
import {
  canonicalJson,
  makeBundle,
  parseBundle,
  sanitiseItem,
  type BundleItem,
  type BundleResult,
  type ParsedBundle
} from './bundle';
import { BUNDLE_FORMAT, UPGRADERS, envelopeHash, envelopeText, wrap } from './envelope';
import { questionnaireDigest } from '../domain/known-questionnaires';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/bundles/${name}`, import.meta.url), 'utf8');
}

function parsed(result: BundleResult): ParsedBundle {
  if (!result.ok) throw new Error(englishLines(result.problems));
  return result.bundle;
}

function issuesOf(result: BundleResult): string[] {
  if (result.ok) throw new Error('expected the bundle to be refused');
  return result.problems.map((i) => `${i.path ?? '(file)'}: ${englishMessage(i)}`);
}

/** The content of a bundle with a checksum that matches it (as a faulty exporter would write). */
function rewrapped(content: unknown): string {
  return envelopeText(wrap(BUNDLE_FORMAT, content, '0.1.0', '2026-11-28T09:30:00.000Z'));
}

const valid = () => parsed(parseBundle('valid.json', fixture('valid.json')));

describe('parseBundle on fixtures', () => {
  it('reads the valid bundle: two assessments, the two questionnaire versions they pin', () => {
    const bundle = valid();
    expect(bundle.file).toBe('valid.json');
    expect(bundle.appVersion).toBe('0.1.0');
    expect(bundle.exportedAt).toBe('2026-11-28T09:30:00.000Z');
    expect(bundle.sanitised).toBe(false);
    expect(bundle.items.map((i) => i.assessment.country)).toEqual(['KE', 'FJ']);
    expect(bundle.questionnaires.map((q) => `${q.id}@${q.version}`)).toEqual([
      'privacy@1.0.0',
      'standards@1.0.0'
    ]);
    expect(bundle.items[0]!.answers['privacy/law']).toMatchObject({
      state: 'level',
      level: 4,
      evidence: 'Data Protection Act 2019, s. 25'
    });
    expect(bundle.items[0]!.assessment.provenance.participants).toHaveLength(3);
  });

  it('reads the sanitised bundle: no participants, facilitator, respondent, evidence or comments', () => {
    const bundle = parsed(parseBundle('sanitised.json', fixture('sanitised.json')));
    expect(bundle.sanitised).toBe(true);
    for (const { assessment, answers } of bundle.items) {
      expect(assessment.provenance.participants).toEqual([]);
      expect(assessment.provenance.facilitator).toBe('');
      expect(assessment.respondent).toBe('');
      for (const answer of Object.values(answers)) {
        expect(answer).not.toHaveProperty('evidence');
        expect(answer).not.toHaveProperty('comment');
      }
    }
    const kenya = bundle.items[0]!;
    // Kept: the N/A reason, the narrative, levels, flags.
    expect(kenya.answers['privacy/breach-notice']).toEqual({
      state: 'na',
      naReason: 'No breach regime applies to this sector'
    });
    expect(kenya.answers['privacy/training']).toEqual({ state: 'unknown', flagged: true });
    expect(kenya.assessment.narrative.executiveSummary).toBe(
      'Law in force; regulator staffed; training lags.'
    );
    expect(kenya.assessment.provenance.mode).toBe('workshop');
  });

  it('refuses the tampered bundle with the checksum message naming the file', () => {
    const result = parseBundle('tampered.json', fixture('tampered.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(englishLines(result.problems)).toMatch(
      /^tampered\.json: the file is damaged: its checksum does not match what it holds/
    );
  });

  it('refuses a copy of a built-in questionnaire version whose content differs (issue 12)', () => {
    const { questionnaires } = valid();
    // The app ships privacy 1.0.0 with other content than the file's; standards as in the file.
    const shipped = new Map([
      ['privacy@1.0.0', questionnaireDigest({ ...questionnaires[0]!, title: 'Privacy' })],
      ['standards@1.0.0', questionnaireDigest(questionnaires[1]!)]
    ]);
    const result = parseBundle('evil.json', fixture('valid.json'), { shipped });
    expect(issuesOf(result)).toEqual([
      expect.stringMatching(
        /^content\.questionnaires\[0\]: "Questionnaire privacy" \(privacy\) version 1\.0\.0 has the id and version of a questionnaire built into this app, but its content differs/
      )
    ]);
    expect(englishLines(result.ok ? [] : result.problems)).toMatch(/^evil\.json: /);
    // The same file is fine where the built-in content is the file's.
    const same = new Map([['privacy@1.0.0', questionnaireDigest(questionnaires[0]!)]]);
    expect(parseBundle('valid.json', fixture('valid.json'), { shipped: same }).ok).toBe(true);
  });

  it('refuses a newer format version with "update the app"', () => {
    expect(issuesOf(parseBundle('newer.json', fixture('newer-version-5.json')))[0]).toContain(
      'made by a newer version of the app: update the app'
    );
  });

  it('refuses foreign JSON', () => {
    expect(issuesOf(parseBundle('package.json', fixture('foreign.json')))).toEqual([
      '(file): this is not an NCS Self-Assessment bundle: choose a file the app exported as an assessment bundle'
    ]);
  });

  it('refuses a backup, saying where to restore it', () => {
    expect(issuesOf(parseBundle('backup.json', fixture('backup.json')))[0]).toContain(
      'this is an NCS Self-Assessment backup'
    );
  });

  it('upgrades the test-only version 0 through a registered chain to the same data as version 1', () => {
    const upgradeV0 = (content: unknown): unknown => {
      const old = content as {
        records: { meta: unknown; responses: unknown }[];
        instruments: unknown;
      };
      return {
        assessments: old.records.map((r) => ({ assessment: r.meta, answers: r.responses })),
        questionnaires: old.instruments
      };
    };
    const bundle = parsed(
      parseBundle('version-0.json', fixture('version-0.json'), {
        upgraders: { ...UPGRADERS[BUNDLE_FORMAT], 0: upgradeV0 }
      })
    );
    expect(bundle.upgradedFrom).toBe(0);
    expect(bundle.items).toEqual(valid().items);
    expect(bundle.questionnaires).toEqual(valid().questionnaires);
    // The app registers no version 0: the same file is refused, not misread.
    expect(issuesOf(parseBundle('version-0.json', fixture('version-0.json')))[0]).toContain(
      'format version 0 is too old'
    );
  });

  it('reports every problem of a bundle with a valid checksum but invalid content, with paths', () => {
    const issues = issuesOf(parseBundle('invalid.json', fixture('invalid-content.json')));
    expect(issues).toEqual([
      'content.assessments[0].assessment.country: use an assigned ISO 3166-1 alpha-2 code in capitals, such as KE or GB',
      'content.assessments[1].assessment.questionnaires[2]: questionnaire extremism@1.0.0 is not in the file: export the file again so that it carries the questionnaire versions its assessments use',
      'content.assessments[1].answers["privacy/law"].level: 7 is not on the scale of privacy@1.0.0: use one of 1, 2, 3, 4, 5',
      'content.assessments[1].answers["standards/iso-27001"].state: N/A is not allowed for iso-27001 in standards@1.0.0: use a level, "unknown" or "restricted"',
      'content.assessments[1].answers["privacy/nope"]: privacy@1.0.0 has no question "nope": remove the answer'
    ]);
  });
});

describe('parseBundle checks', () => {
  const content = () => JSON.parse(JSON.stringify(valid())) as ParsedBundle;
  const bundleOf = (bundle: ParsedBundle) =>
    rewrapped({ assessments: bundle.items, questionnaires: bundle.questionnaires });

  it('reports zod problems inside answers by their key', () => {
    const bundle = content();
    bundle.items[0]!.answers['privacy/law'] = { state: 'na' } as never;
    bundle.items[0]!.answers['privacy/regulator'] = { state: 'level' } as never;
    expect(issuesOf(parseBundle('b.json', bundleOf(bundle)))).toEqual([
      'content.assessments[0].answers["privacy/law"].naReason: N/A needs a reason',
      'content.assessments[0].answers["privacy/regulator"].level: a level is given exactly when the state is "level"'
    ]);
  });

  it('checks binary levels and own targets against the question type and scale', () => {
    const bundle = content();
    bundle.items[1]!.answers['privacy/regulator'] = { state: 'level', level: 2 };
    bundle.items[1]!.answers['standards/national-body'] = {
      state: 'level',
      level: 'yes',
      target: 9
    };
    bundle.items[1]!.answers['standards/iso-27001'] = { state: 'level', level: 'yes', target: 3 };
    expect(issuesOf(parseBundle('b.json', bundleOf(bundle)))).toEqual([
      'content.assessments[1].answers["privacy/regulator"].level: regulator is a yes/partial/no question: use one of no, partial, yes',
      'content.assessments[1].answers["standards/national-body"].level: "yes" is not on the scale of standards@1.0.0: use one of 1, 2, 3, 4, 5',
      'content.assessments[1].answers["standards/national-body"].target: 9 is not on the scale of standards@1.0.0: use one of 1, 2, 3, 4, 5',
      'content.assessments[1].answers["standards/iso-27001"].target: iso-27001 is a yes/partial/no question, which has no target of its own: remove it'
    ]);
  });

  it('refuses answers to questionnaires the assessment does not pin, and keys without a slash', () => {
    const bundle = content();
    bundle.items[0]!.answers['standards/national-body'] = { state: 'unknown' };
    bundle.items[0]!.answers['law'] = { state: 'unknown' };
    expect(issuesOf(parseBundle('b.json', bundleOf(bundle)))).toEqual([
      'content.assessments[0].answers["standards/national-body"]: is not "questionnaire-id/question-id" for a questionnaire this assessment uses (privacy): remove the answer or pin the questionnaire',
      'content.assessments[0].answers.law: is not "questionnaire-id/question-id" for a questionnaire this assessment uses (privacy): remove the answer or pin the questionnaire'
    ]);
  });

  it('reports a "__proto__" answer key instead of dropping it silently', () => {
    const text = bundleOf(valid()).replace(
      '"answers":{',
      '"answers":{"__proto__":{"state":"unknown"},'
    );
    const data = JSON.parse(text) as { sha256: string };
    data.sha256 = envelopeHash({ ...data, sha256: undefined });
    expect(issuesOf(parseBundle('b.json', JSON.stringify(data)))).toEqual([
      'content.assessments[0].answers.__proto__: is not a question key: remove it'
    ]);
  });

  it('refuses duplicate assessments, duplicate questionnaire versions and double pins', () => {
    const bundle = content();
    bundle.items.push(structuredClone(bundle.items[0]!));
    bundle.questionnaires.push(structuredClone(bundle.questionnaires[0]!));
    bundle.items[1]!.assessment.questionnaires.push({ id: 'privacy', version: '1.0.0' });
    expect(issuesOf(parseBundle('b.json', bundleOf(bundle)))).toEqual([
      'content.questionnaires[2]: questionnaire privacy@1.0.0 is in the file twice: keep one',
      'content.assessments[1].assessment.questionnaires[2]: questionnaire "privacy" is listed twice: an assessment uses one version of each questionnaire',
      'content.assessments[2].assessment.id: assessment 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b is in the file twice: keep one'
    ]);
  });

  it('reports the shape of the content when it is not a bundle at all', () => {
    expect(issuesOf(parseBundle('b.json', rewrapped([1, 2])))).toEqual([
      'content: the content must be an object with "assessments" and "questionnaires": export the bundle again'
    ]);
    expect(
      issuesOf(parseBundle('b.json', rewrapped({ assessments: 'all', sanitised: 1 })))
    ).toEqual([
      'content.sanitised: must be true or false',
      'content.questionnaires: this value is missing: add it',
      'content.assessments: must be a list'
    ]);
  });

  it('reports a broken questionnaire and the assessment that relies on it', () => {
    const bundle = content();
    (bundle.questionnaires[1] as { scale: unknown }).scale = [];
    const issues = issuesOf(parseBundle('b.json', bundleOf(bundle)));
    expect(issues[0]).toBe('content.questionnaires[1].scale: needs at least 2 entries');
    expect(issues).toContain(
      'content.assessments[1].assessment.questionnaires[1]: questionnaire standards@1.0.0 is not in the file: export the file again so that it carries the questionnaire versions its assessments use'
    );
  });
});

describe('makeBundle', () => {
  const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }]);
  const other = makeQuestionnaire('other', [{ id: 's', questions: [{ id: 'x' }] }]);
  const item = (): BundleItem => ({
    assessment: makeAssessment({
      provenance: {
        mode: 'workshop',
        participants: [{ organisation: 'CERT', group: 'csirt' }],
        facilitator: 'F. Name',
        validatedBy: 'Regional body',
        validatedOn: ''
      },
      respondent: 'R. Name'
    }),
    answers: {
      'q/a': { state: 'level', level: 2, evidence: 'E', comment: 'C', regional: 'R' },
      'q/b': { state: 'unknown', comment: 'why' }
    }
  });

  it('includes each pinned questionnaire version once and nothing else', () => {
    const envelope = makeBundle([item(), item()], [other, q], { appVersion: '0.1.0' });
    expect(envelope.format).toBe(BUNDLE_FORMAT);
    expect(envelope.content.questionnaires).toEqual([q]);
    expect(envelope.content.sanitised).toBe(false);
  });

  it('throws, naming the version, when a pinned questionnaire is not given', () => {
    expect(() => makeBundle([item()], [other], { appVersion: '0.1.0' })).toThrow(
      'questionnaire version q@1.0.0 is not stored'
    );
  });

  it('re-imports its own export identically', () => {
    const empty = { actions: [], groupAnswers: {}, consensusHistory: [] };
    const items = [
      { ...item(), ...empty },
      { ...item(), ...empty }
    ];
    const text = envelopeText(makeBundle(items, [q], { appVersion: '0.1.0' }));
    const bundle = parsed(parseBundle('own.json', text));
    expect(bundle.items).toEqual(items);
    expect(bundle.questionnaires).toEqual([q]);
  });

  it('sanitises a copy, leaving the original untouched', () => {
    const original = item();
    const before = structuredClone(original);
    const envelope = makeBundle([original], [q], { appVersion: '0.1.0', sanitise: true });
    expect(original).toEqual(before);
    expect(envelope.content.sanitised).toBe(true);
    const [copy] = envelope.content.assessments;
    expect(copy).toEqual(sanitiseItem(original));
    expect(copy!.answers).toEqual({
      'q/a': { state: 'level', level: 2, regional: 'R' },
      'q/b': { state: 'unknown' }
    });
    expect(copy!.assessment.provenance).toEqual({
      mode: 'workshop',
      participants: [],
      facilitator: '',
      validatedBy: 'Regional body',
      validatedOn: ''
    });
    expect(copy!.assessment.respondent).toBe('');
    const text = envelopeText(envelope);
    for (const secret of ['F. Name', 'R. Name', 'CERT', '"E"', '"C"', 'why']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('helpers', () => {
  it('canonicalJson ignores key order, not array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 })
    );
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});

describe('action plans in bundles (format version 3)', () => {
  const plan = (assessmentId: string) => [
    {
      id: 'act-1',
      assessmentId,
      title: 'Staff the regulator',
      description: 'Recruit ten officers',
      questionnaireId: 'privacy',
      questionId: 'regulator',
      owner: 'Ministry of ICT',
      supporting: 'Public Service Commission',
      priority: 'high' as const,
      status: 'in-progress' as const,
      due: '2027-06-30',
      kpiIndicator: 'Officers in post',
      kpiBaseline: '2',
      kpiTarget: '12',
      cost: 'USD 300,000',
      funding: 'budget' as const,
      objective: 'A working regulator',
      progressNote: 'Dr Otieno leads the recruitment',
      prioritySetByUser: false,
      createdAt: '2027-01-01T00:00:00.000Z',
      updatedAt: '2027-01-01T00:00:00.000Z'
    }
  ];

  it('carries each assessment’s plan and reads it back', () => {
    const [kenya] = valid().items;
    const item = { ...kenya!, actions: plan(kenya!.assessment.id) };
    const text = envelopeText(makeBundle([item], valid().questionnaires, { appVersion: '0.2.0' }));
    expect(JSON.parse(text).formatVersion).toBe(4);
    expect(parsed(parseBundle('plan.json', text)).items[0]!.actions).toEqual(item.actions);
  });

  it('the sanitised copy keeps the plan without owners, supporting agencies and progress notes', () => {
    const [kenya] = valid().items;
    const clean = sanitiseItem({ ...kenya!, actions: plan(kenya!.assessment.id) });
    expect(clean.actions![0]).toMatchObject({
      title: 'Staff the regulator',
      owner: '',
      supporting: '',
      progressNote: '',
      kpiTarget: '12',
      cost: 'USD 300,000',
      due: '2027-06-30'
    });
  });

  it('a file of format version 1 or 2 is upgraded to empty plans', () => {
    expect(valid().items.map((i) => i.actions)).toEqual([[], []]);
    const v2 = envelopeText(
      wrap(BUNDLE_FORMAT, JSON.parse(fixture('valid.json')).content, '0.1.0', undefined, 2)
    );
    expect(parsed(parseBundle('v2.json', v2)).items.map((i) => i.actions)).toEqual([[], []]);
  });

  it('refuses an action that belongs elsewhere or links to a question the assessment lacks', () => {
    const [kenya] = valid().items;
    const bad = plan('someone-else').map((a) => ({ ...a, questionId: 'missing' }));
    const content = JSON.parse(
      envelopeText(
        makeBundle([{ ...kenya!, actions: [] }], valid().questionnaires, { appVersion: '1' })
      )
    ).content;
    content.assessments[0].actions = bad;
    expect(issuesOf(parseBundle('bad.json', rewrapped(content)))).toEqual([
      expect.stringContaining(
        'content.assessments[0].actions[0].assessmentId: belongs to assessment someone-else'
      ),
      expect.stringContaining(
        'content.assessments[0].actions[0].questionId: privacy/missing is not a question'
      )
    ]);
  });
});
