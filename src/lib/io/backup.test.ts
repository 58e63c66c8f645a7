import { readFileSync } from 'node:fs';
import { englishLines, englishMessage } from './testing/problem-words';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  describeBackup,
  makeBackup,
  parseBackup,
  type BackupData,
  type BackupResult,
  type ParsedBackup
} from './backup';
import { envelopeText, wrap } from './envelope';
import { questionnaireDigest } from '../domain/known-questionnaires';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/bundles/${name}`, import.meta.url), 'utf8');
}

function parsed(result: BackupResult): ParsedBackup {
  if (!result.ok) throw new Error(englishLines(result.problems));
  return result.backup;
}

function issuesOf(result: BackupResult): string[] {
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.problems.map((i) => `${i.path ?? '(file)'}: ${englishMessage(i)}`);
}

const backup = () => parsed(parseBackup('backup.json', fixture('backup.json')));

function data(): BackupData {
  const { assessments, answers, summaries, questionnaires, meta, actions, groupAnswers } =
    structuredClone(backup());
  return { assessments, answers, summaries, questionnaires, meta, actions, groupAnswers };
}

function rewrapped(content: unknown): string {
  return envelopeText(wrap(BACKUP_FORMAT, content, '0.1.0', '2026-11-28T10:00:00.000Z'));
}

describe('parseBackup', () => {
  it('reads the fixture: every record with its questionnaire source and meta records', () => {
    const result = backup();
    expect(result.file).toBe('backup.json');
    expect(result.exportedAt).toBe('2026-11-28T09:30:00.000Z');
    expect(result.assessments.map((a) => a.country)).toEqual(['KE', 'FJ']);
    expect(result.answers.map((a) => Object.keys(a.answers).length)).toEqual([5, 4]);
    expect(result.questionnaires.map((q) => [q.key, q.source])).toEqual([
      ['privacy@1.0.0', 'builtin'],
      ['standards@1.0.0', 'builtin']
    ]);
    expect(result.meta).toEqual([{ key: 'lastBackupAt', value: '2026-11-01T00:00:00.000Z' }]);
    // Written without summaries: restore computes them.
    expect(result.summaries).toEqual([]);
  });

  it('re-imports its own export identically', () => {
    const original = data();
    const text = envelopeText(makeBackup(original, { appVersion: '0.2.0' }));
    const { assessments, answers, summaries, questionnaires, meta, actions, groupAnswers } = parsed(
      parseBackup('b.json', text)
    );
    expect({
      assessments,
      answers,
      summaries,
      questionnaires,
      meta,
      actions,
      groupAnswers
    }).toEqual(original);
  });

  it('describes what the file holds for the restore confirmation', () => {
    expect(describeBackup(backup())).toEqual({
      file: 'backup.json',
      exportedAt: '2026-11-28T09:30:00.000Z',
      appVersion: '0.1.0',
      assessments: 2,
      countries: ['FJ', 'KE'],
      answers: 9,
      actions: 0,
      questionnaires: [
        { id: 'privacy', version: '1.0.0', title: 'Questionnaire privacy', source: 'builtin' },
        { id: 'standards', version: '1.0.0', title: 'Questionnaire standards', source: 'builtin' }
      ]
    });
  });

  it('refuses a bundle, saying where it belongs', () => {
    expect(issuesOf(parseBackup('kenya.json', fixture('valid.json')))).toEqual([
      '(file): this is an NCS Self-Assessment assessment bundle, not a backup: import it under "Assessment bundles" instead'
    ]);
  });

  it('refuses a stored copy of a built-in questionnaire version whose content differs (issue 12)', () => {
    const stored = backup().questionnaires[0]!;
    const shipped = new Map([
      [stored.key, questionnaireDigest({ ...stored.content, summary: 'The shipped text.' })]
    ]);
    const result = parseBackup('backup.json', fixture('backup.json'), { shipped });
    expect(issuesOf(result)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^content\\.questionnaires\\[0\\]\\.content: ".*" \\(${stored.id}\\) version ${stored.version.replaceAll('.', '\\.')} has the id and version of a questionnaire built into this app`
        )
      )
    ]);
  });

  it('refuses a changed byte', () => {
    const text = fixture('backup.json').replace('"Fiji baseline"', '"Fiji baselinE"');
    expect(issuesOf(parseBackup('b.json', text))[0]).toContain(
      'the file is damaged: its checksum does not match what it holds'
    );
  });

  it('reports orphaned and duplicated answers, duplicates and damaged records, all at once', () => {
    const content = data();
    content.answers.push({ assessmentId: 'gone', answers: {} });
    content.answers.push(structuredClone(content.answers[0]!));
    content.assessments.push(structuredClone(content.assessments[1]!));
    content.questionnaires[1]!.key = 'standards@2.0.0';
    content.meta.push({ key: 'lastBackupAt', value: 'x' });
    expect(issuesOf(parseBackup('b.json', rewrapped(content)))).toEqual([
      'content.questionnaires[1].key: must be "standards@1.0.0" (id@version)',
      'content.assessments[2].id: assessment 0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d is in the file twice: keep one',
      'content.assessments[1].questionnaires[1]: questionnaire standards@1.0.0 is not in the file: export the file again so that it carries the questionnaire versions its assessments use',
      'content.assessments[2].questionnaires[1]: questionnaire standards@1.0.0 is not in the file: export the file again so that it carries the questionnaire versions its assessments use',
      'content.answers[2].assessmentId: no assessment gone in the backup: these answers belong to nothing; remove them',
      'content.answers[3].assessmentId: assessment 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b has two answers records: keep one',
      'content.meta[1].key: setting "lastBackupAt" is in the file twice: keep one'
    ]);
  });

  it('checks answers against the stored questionnaire versions', () => {
    const content = data();
    content.answers[0]!.answers['privacy/law'] = { state: 'level', level: 0 };
    expect(issuesOf(parseBackup('b.json', rewrapped(content)))).toEqual([
      'content.answers[0].answers["privacy/law"].level: 0 is not on the scale of privacy@1.0.0: use one of 1, 2, 3, 4, 5'
    ]);
  });

  it('refuses a stored questionnaire whose content is another version, and an unknown source', () => {
    const content = data() as unknown as { questionnaires: Record<string, unknown>[] };
    const privacy = content.questionnaires[0]!;
    privacy['version'] = '2.0.0';
    privacy['key'] = 'privacy@2.0.0';
    content.questionnaires[1]!['source'] = 'internet';
    const issues = issuesOf(parseBackup('b.json', rewrapped(content)));
    expect(issues).toContain(
      'content.questionnaires[0].content: holds privacy@1.0.0, not privacy@2.0.0: the record is damaged'
    );
    expect(issues.some((i) => i.startsWith('content.questionnaires[1].source: '))).toBe(true);
  });

  it('reports an assessment that fails validation once, not again through its answers', () => {
    const content = data() as unknown as { assessments: Record<string, unknown>[] };
    content.assessments[0]!['date'] = '28/11/2026';
    expect(issuesOf(parseBackup('b.json', rewrapped(content)))).toEqual([
      'content.assessments[0].date: use a real date as YYYY-MM-DD, e.g. 2026-11-01'
    ]);
  });

  it('checks carried summaries: shape, owner, one per assessment', () => {
    const content = data();
    const summary = {
      assessmentId: content.assessments[0]!.id,
      country: 'KE',
      date: '2026-10-15',
      revision: 3,
      updatedAt: '2026-11-20T16:45:00.000Z',
      answered: 5,
      total: 5,
      overall: {
        score: 0.5,
        targetScore: 0.6,
        stage: 2,
        completion: 1,
        coverage: 0.75,
        provisional: false
      },
      questionnaires: []
    };
    content.summaries = [summary];
    const ok = parsed(parseBackup('b.json', rewrapped(content)));
    expect(ok.summaries).toEqual([summary]);

    content.summaries = [
      summary,
      { ...summary },
      { ...summary, assessmentId: 'gone' },
      { ...summary, assessmentId: content.assessments[1]!.id, revision: -1 }
    ];
    expect(issuesOf(parseBackup('b.json', rewrapped(content)))).toEqual([
      'content.summaries[2].assessmentId: no assessment gone in the backup: this summary belongs to nothing; remove it',
      'content.summaries[3].revision: must be at least 0',
      'content.summaries[1].assessmentId: assessment 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b has two summaries: keep one'
    ]);
  });

  it('reports missing lists', () => {
    expect(issuesOf(parseBackup('b.json', rewrapped({ assessments: [] })))).toEqual([
      'content.questionnaires: this value is missing: add it',
      'content.answers: this value is missing: add it',
      'content.meta: this value is missing: add it'
    ]);
  });
});

describe('action plans in backups (format version 3)', () => {
  it('an older backup reads with no plans; a plan goes in and comes back', () => {
    expect(backup().actions).toEqual([]);
    const d = data();
    const kenya = d.assessments[0]!.id;
    d.actions = [
      {
        assessmentId: kenya,
        actions: [
          {
            id: 'act-1',
            assessmentId: kenya,
            title: 'Staff the regulator',
            description: '',
            owner: 'Ministry of ICT',
            supporting: '',
            priority: 'high',
            status: 'done',
            doneOn: '2027-01-20',
            kpiIndicator: '',
            kpiBaseline: '',
            kpiTarget: '',
            cost: '',
            funding: 'unknown',
            objective: '',
            progressNote: '',
            prioritySetByUser: true,
            createdAt: '2027-01-01T00:00:00.000Z',
            updatedAt: '2027-01-20T00:00:00.000Z'
          }
        ]
      }
    ];
    const text = envelopeText(makeBackup(d, { appVersion: '0.2.0' }));
    const back = parsed(parseBackup('b.json', text));
    expect(back.actions).toEqual(d.actions);
    expect(describeBackup(back).actions).toBe(1);
  });

  it('refuses a plan that belongs to no assessment of the backup', () => {
    const d = data();
    d.actions = [{ assessmentId: 'nobody', actions: [] }];
    expect(
      issuesOf(parseBackup('b.json', envelopeText(makeBackup(d, { appVersion: '1' }))))
    ).toEqual([
      'content.actions[0].assessmentId: no assessment nobody in the backup: this plan belongs to nothing; remove it'
    ]);
  });
});
