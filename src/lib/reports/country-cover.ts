/**
 * The opening of a country report: the cover (the assessment's facts and its questionnaires) and
 * the narrative the country wrote (executive summary, context, key findings, next review).
 */
import type { Assessment, ProvenanceMode } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import { countryNameIn } from '$lib/format/countries';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import type { Block } from './document/model';
import { dayText, provenanceNote, tlpMeaning } from './labels';

/** How the assessment was made, in the language. */
export function modeText(mode: ProvenanceMode): string {
  switch (mode) {
    case 'desk-review':
      return m.reports_mode_desk_review();
    case 'workshop':
      return m.reports_mode_workshop();
    case 'validated':
      return m.reports_mode_validated();
  }
}

/** A stakeholder group in the language. */
function groupText(group: Assessment['provenance']['participants'][number]['group']): string {
  switch (group) {
    case 'government':
      return m.reports_group_government();
    case 'regulator':
      return m.reports_group_regulator();
    case 'csirt':
      return m.reports_group_csirt();
    case 'law-enforcement':
      return m.reports_group_law_enforcement();
    case 'judiciary':
      return m.reports_group_judiciary();
    case 'critical-infrastructure':
      return m.reports_group_critical_infrastructure();
    case 'industry':
      return m.reports_group_industry();
    case 'academia':
      return m.reports_group_academia();
    case 'civil-society':
      return m.reports_group_civil_society();
    case 'international':
      return m.reports_group_international();
  }
}

/** Paragraphs of free text: blank lines separate them, single line breaks stay. */
function paragraphs(text: string, where: string): Block[] {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) {
    return [{ kind: 'paragraph', text: m.reports_not_written(), tone: 'muted' }];
  }
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
    ? p.participants
        .map((x) => `${x.organisation} (${groupText(x.group)})`)
        .join(m.reports_list_separator())
    : m.reports_none_recorded();
  const rows: [string, string, string][] = [
    [m.reports_fact_assessment_date(), dayText(a.date), m.reports_where_assessment_date()],
    [
      m.reports_fact_classification(),
      `TLP:${a.classification} — ${tlpMeaning(a.classification)}`,
      m.reports_where_classification()
    ],
    [
      m.reports_fact_status(),
      a.status === 'final' ? m.reports_status_final() : m.reports_status_draft(),
      m.reports_where_status()
    ],
    [m.reports_fact_how(), modeText(p.mode), m.reports_where_provenance()],
    [m.reports_fact_facilitator(), p.facilitator.trim() || '—', m.reports_where_facilitator()],
    [m.reports_fact_participants(), participants, m.reports_where_participants()],
    [m.reports_fact_respondent(), a.respondent.trim() || '—', m.reports_where_respondent()],
    [m.reports_fact_validation(), provenanceNote(a), m.reports_where_validation()],
    [
      m.reports_fact_target(),
      a.target === undefined ? m.reports_target_default() : formatNumber(a.target),
      m.reports_where_target()
    ],
    [
      m.reports_fact_next_review(),
      a.narrative.nextReviewDate ? dayText(a.narrative.nextReviewDate) : '—',
      m.reports_where_next_review()
    ],
    [m.reports_fact_made(), dayText(madeOn), m.reports_where_report_date()]
  ];
  for (const r of a.reopenings) {
    rows.push([
      m.reports_fact_reopened(),
      m.reports_reopened_on({ date: dayText(r.at.slice(0, 10)), reason: r.reason }),
      m.reports_where_reopening()
    ]);
  }
  return [
    {
      kind: 'title',
      text: countryNameIn(a.country, countryName(a.country)),
      subtitle: m.reports_cr_subject()
    },
    {
      kind: 'table',
      // The title is the bold header of this table: the one place it appears in print.
      title: a.title,
      where: m.reports_where_assessment_title_plain(),
      showHeader: false,
      columns: [
        { header: m.reports_col_item(), width: 45, bold: true },
        { header: m.reports_col_detail() }
      ],
      rows: rows.map(([label, value, where]) => ({ cells: [label, value], where }))
    },
    { kind: 'heading', level: 2, text: m.reports_cr_questionnaires() },
    {
      kind: 'table',
      columns: [
        { header: m.reports_col_questionnaire() },
        { header: m.reports_col_id(), width: 52 },
        { header: m.reports_col_version(), width: 20 },
        { header: m.reports_col_questions(), width: 22, align: 'right' }
      ],
      rows: questionnaires.map((q) => ({
        cells: [
          q.title,
          q.id,
          q.version,
          formatNumber(q.sections.reduce((n, s) => n + s.questions.length, 0))
        ],
        where: m.reports_where_questionnaire({ id: q.id })
      }))
    },
    { kind: 'paragraph', tone: 'muted', text: m.reports_cr_cover_note() }
  ];
}

/** The narrative, each part in its own paragraphs, "Not written." where it is empty. */
export function narrativeBlocks(a: Assessment): Block[] {
  const n = a.narrative;
  return [
    { kind: 'heading', level: 1, text: m.reports_cr_narrative(), newPage: true, bookmark: true },
    { kind: 'heading', level: 2, text: m.reports_cr_executive_summary() },
    ...paragraphs(n.executiveSummary, m.reports_where_executive_summary()),
    { kind: 'heading', level: 2, text: m.reports_cr_context() },
    ...paragraphs(n.context, m.reports_where_context()),
    { kind: 'heading', level: 2, text: m.reports_cr_key_findings() },
    ...paragraphs(n.keyFindings, m.reports_where_key_findings()),
    { kind: 'heading', level: 2, text: m.reports_fact_next_review() },
    {
      kind: 'paragraph',
      text: n.nextReviewDate
        ? m.reports_cr_next_review_on({ date: dayText(n.nextReviewDate) })
        : m.reports_not_set()
    }
  ];
}
