/**
 * The opening of a country report: the cover (the assessment's facts and its questionnaires) and
 * the narrative the country wrote (executive summary, context, key findings, decisions sought).
 */
import type { Assessment, ProvenanceMode } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import { countryNameIn } from '$lib/format/countries';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import type { Block } from './document/model';
import { dayText, provenanceNote, tlpMeaning } from './labels';
import { inReport, reportLocale } from './report-locale';

/** How the assessment was made, in the language. */
export function modeText(mode: ProvenanceMode): string {
  switch (mode) {
    case 'desk-review':
      return m.reports_mode_desk_review({}, inReport());
    case 'workshop':
      return m.reports_mode_workshop({}, inReport());
    case 'validated':
      return m.reports_mode_validated({}, inReport());
  }
}

/** A stakeholder group in the language. */
function groupText(group: Assessment['provenance']['participants'][number]['group']): string {
  switch (group) {
    case 'government':
      return m.reports_group_government({}, inReport());
    case 'regulator':
      return m.reports_group_regulator({}, inReport());
    case 'csirt':
      return m.reports_group_csirt({}, inReport());
    case 'law-enforcement':
      return m.reports_group_law_enforcement({}, inReport());
    case 'judiciary':
      return m.reports_group_judiciary({}, inReport());
    case 'critical-infrastructure':
      return m.reports_group_critical_infrastructure({}, inReport());
    case 'industry':
      return m.reports_group_industry({}, inReport());
    case 'academia':
      return m.reports_group_academia({}, inReport());
    case 'civil-society':
      return m.reports_group_civil_society({}, inReport());
    case 'international':
      return m.reports_group_international({}, inReport());
  }
}

/** Paragraphs of free text: blank lines separate them, single line breaks stay. */
function paragraphs(text: string, where: string): Block[] {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
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
        .join(m.reports_list_separator({}, inReport()))
    : m.reports_none_recorded({}, inReport());
  const rows: [string, string, string][] = [
    [
      m.reports_fact_assessment_date({}, inReport()),
      dayText(a.date),
      m.reports_where_assessment_date({}, inReport())
    ],
    [
      m.reports_fact_classification({}, inReport()),
      `TLP:${a.classification} — ${tlpMeaning(a.classification)}`,
      m.reports_where_classification({}, inReport())
    ],
    [
      m.reports_fact_status({}, inReport()),
      a.status === 'final'
        ? m.reports_status_final({}, inReport())
        : m.reports_status_draft({}, inReport()),
      m.reports_where_status({}, inReport())
    ],
    [
      m.reports_fact_how({}, inReport()),
      modeText(p.mode),
      m.reports_where_provenance({}, inReport())
    ],
    [
      m.reports_fact_facilitator({}, inReport()),
      p.facilitator.trim() || '—',
      m.reports_where_facilitator({}, inReport())
    ],
    [
      m.reports_fact_participants({}, inReport()),
      participants,
      m.reports_where_participants({}, inReport())
    ],
    [
      m.reports_fact_respondent({}, inReport()),
      a.respondent.trim() || '—',
      m.reports_where_respondent({}, inReport())
    ],
    [
      m.reports_fact_validation({}, inReport()),
      provenanceNote(a),
      m.reports_where_validation({}, inReport())
    ],
    [
      m.reports_fact_target({}, inReport()),
      a.target === undefined
        ? m.reports_target_default({}, inReport())
        : formatNumber(a.target, reportLocale()),
      m.reports_where_target({}, inReport())
    ],
    [
      m.reports_fact_next_review({}, inReport()),
      a.narrative.nextReviewDate ? dayText(a.narrative.nextReviewDate) : '—',
      m.reports_where_next_review({}, inReport())
    ],
    [
      m.reports_fact_made({}, inReport()),
      dayText(madeOn),
      m.reports_where_report_date({}, inReport())
    ]
  ];
  for (const r of a.reopenings) {
    rows.push([
      m.reports_fact_reopened({}, inReport()),
      m.reports_reopened_on({ date: dayText(r.at.slice(0, 10)), reason: r.reason }, inReport()),
      m.reports_where_reopening({}, inReport())
    ]);
  }
  return [
    {
      kind: 'title',
      text: countryNameIn(a.country, countryName(a.country), reportLocale()),
      subtitle: m.reports_cr_subject({}, inReport())
    },
    {
      kind: 'table',
      // The title is the bold header of this table: the one place it appears in print.
      title: a.title,
      where: m.reports_where_assessment_title_plain({}, inReport()),
      showHeader: false,
      columns: [
        { header: m.reports_col_item({}, inReport()), width: 45, bold: true },
        { header: m.reports_col_detail({}, inReport()) }
      ],
      rows: rows.map(([label, value, where]) => ({ cells: [label, value], where }))
    },
    { kind: 'heading', level: 2, text: m.reports_cr_questionnaires({}, inReport()) },
    {
      kind: 'table',
      columns: [
        { header: m.reports_col_questionnaire({}, inReport()) },
        { header: m.reports_col_id({}, inReport()), width: 52 },
        { header: m.reports_col_version({}, inReport()), width: 20 },
        { header: m.reports_col_questions({}, inReport()), width: 22, align: 'right' }
      ],
      rows: questionnaires.map((q) => ({
        cells: [
          q.title,
          q.id,
          q.version,
          formatNumber(
            q.sections.reduce((n, s) => n + s.questions.length, 0),
            reportLocale()
          )
        ],
        where: m.reports_where_questionnaire({ id: q.id }, inReport())
      }))
    },
    { kind: 'paragraph', tone: 'muted', text: m.reports_cr_cover_note({}, inReport()) }
  ];
}

/**
 * The narrative parts the country wrote, each under its heading, for the summary page; a part
 * left empty prints nothing (the next review date is on the cover).
 */
export function narrativeBlocks(a: Assessment): Block[] {
  const n = a.narrative;
  const parts: [string, string, string][] = [
    [
      m.reports_cr_executive_summary({}, inReport()),
      n.executiveSummary,
      m.reports_where_executive_summary({}, inReport())
    ],
    [m.reports_cr_context({}, inReport()), n.context, m.reports_where_context({}, inReport())],
    [
      m.reports_cr_key_findings({}, inReport()),
      n.keyFindings,
      m.reports_where_key_findings({}, inReport())
    ],
    [
      m.outputs_decisions_heading({}, inReport()),
      n.decisionsSought,
      m.outputs_where_decisions({}, inReport())
    ]
  ];
  return parts.flatMap(([heading, text, where]): Block[] =>
    text.trim() ? [{ kind: 'heading', level: 2, text: heading }, ...paragraphs(text, where)] : []
  );
}
