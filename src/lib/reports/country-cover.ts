/**
 * The opening of a country report: the cover (the assessment's facts and its questionnaires) and
 * the narrative the country wrote (executive summary, context, key findings, next review).
 */
import {
  PROVENANCE_LABELS,
  STAKEHOLDER_LABELS,
  type Assessment
} from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import type { Block } from './document/model';
import { provenanceNote, TLP_MEANINGS } from './labels';

/** Paragraphs of free text: blank lines separate them, single line breaks stay. */
function paragraphs(text: string, where: string): Block[] {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return [{ kind: 'paragraph', text: 'Not written.', tone: 'muted' }];
  return parts.map((p) => ({ kind: 'paragraph', text: p, where }));
}

/** The cover: who assessed what, when, how, and how sensitive it is. */
export function coverBlocks(
  a: Assessment,
  questionnaires: readonly Questionnaire[],
  madeOn: string
): Block[] {
  const p = a.provenance;
  const participants = p.participants.length
    ? p.participants.map((x) => `${x.organisation} (${STAKEHOLDER_LABELS[x.group]})`).join('; ')
    : 'None recorded';
  const rows: [string, string, string][] = [
    ['Assessment date', a.date, 'the assessment date'],
    [
      'Classification',
      `TLP:${a.classification} — ${TLP_MEANINGS[a.classification]}`,
      'the classification'
    ],
    ['Status', a.status === 'final' ? 'Final' : 'Draft — not final', 'the status'],
    ['How it was assessed', PROVENANCE_LABELS[p.mode], 'the provenance'],
    ['Facilitator', p.facilitator.trim() || '—', 'the facilitator'],
    ['Participants', participants, 'the participants'],
    ['Respondent', a.respondent.trim() || '—', 'the respondent'],
    ['Validation', provenanceNote(a), 'the validation'],
    [
      'Target level',
      a.target === undefined ? "Each questionnaire's default target" : String(a.target),
      'the target'
    ],
    ['Next review', a.narrative.nextReviewDate || '—', 'the next review date'],
    ['Report made', madeOn, 'the report date']
  ];
  for (const r of a.reopenings) {
    rows.push(['Reopened', `${r.at.slice(0, 10)}: ${r.reason}`, 'a reopening reason']);
  }
  return [
    {
      kind: 'title',
      text: countryName(a.country),
      subtitle: 'National cybersecurity self-assessment — country report'
    },
    {
      kind: 'table',
      // The title is the bold header of this table: the one place it appears in print.
      title: a.title,
      where: 'the assessment title',
      showHeader: false,
      columns: [{ header: 'Item', width: 45, bold: true }, { header: 'Detail' }],
      rows: rows.map(([label, value, where]) => ({ cells: [label, value], where }))
    },
    { kind: 'heading', level: 2, text: 'Questionnaires' },
    {
      kind: 'table',
      columns: [
        { header: 'Questionnaire' },
        { header: 'Id', width: 52 },
        { header: 'Version', width: 20 },
        { header: 'Questions', width: 22, align: 'right' }
      ],
      rows: questionnaires.map((q) => ({
        cells: [
          q.title,
          q.id,
          q.version,
          String(q.sections.reduce((n, s) => n + s.questions.length, 0))
        ],
        where: `the title of questionnaire ${q.id}`
      }))
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text:
        'A self-assessment inspired by the Cybersecurity Capacity Maturity Model (CMM); not a CMM ' +
        'review. Scores describe what the participants reported. How they are calculated is ' +
        'explained on the last page.'
    }
  ];
}

/** The narrative, each part in its own paragraphs, "Not written." where it is empty. */
export function narrativeBlocks(a: Assessment): Block[] {
  const n = a.narrative;
  return [
    { kind: 'heading', level: 1, text: 'Narrative', newPage: true, bookmark: true },
    { kind: 'heading', level: 2, text: 'Executive summary' },
    ...paragraphs(n.executiveSummary, 'the executive summary'),
    { kind: 'heading', level: 2, text: 'Context' },
    ...paragraphs(n.context, 'the context'),
    { kind: 'heading', level: 2, text: 'Key findings' },
    ...paragraphs(n.keyFindings, 'the key findings'),
    { kind: 'heading', level: 2, text: 'Next review' },
    {
      kind: 'paragraph',
      text: n.nextReviewDate ? `The next review is due on ${n.nextReviewDate}.` : 'Not set.'
    }
  ];
}
