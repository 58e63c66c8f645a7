/**
 * The action plan as a PDF: a cover line, the plan's figures, then one table of the actions
 * (priority first, then due date), and the details of each action that has more to say.
 */
import { briefOrder } from '$lib/domain/actions/brief';
import type { Action } from '$lib/domain/actions/model';
import { isOpen, isOverdue } from '$lib/domain/actions/status';
import type { Assessment } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import { countryNameIn } from '$lib/format/countries';
import { formatDate } from '$lib/format/dates';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import {
  actionPriorityWord,
  actionStatusWord,
  fundingWord,
  strategyPhaseWord
} from './action-words';
import type { Block, ReportDocument, TableRow } from './document/model';
import { TLP_COLOURS, draftWatermark, provenanceNote } from './labels';
import { languageOf } from '$lib/domain/assessment/language';
import { inReport, inReportLocale, reportLocale } from './report-locale';

export interface PlanReportInput {
  assessment: Assessment;
  actions: Action[];
  questionnaires: Questionnaire[];
  /** The day the report is made (YYYY-MM-DD): overdue is judged on it. */
  madeOn: string;
}

const day = (d: string | undefined) => (d ? formatDate(d, reportLocale()) : '—');

function details(a: Action, questionnaires: readonly Questionnaire[]): Block[] {
  const where = m.actions_report_where({ title: a.title }, inReport());
  const q = questionnaires.find((x) => x.id === a.questionnaireId);
  const question = q?.sections.flatMap((s) => s.questions).find((x) => x.id === a.questionId)?.text;
  const facts: [string, string][] = [
    [m.actions_field_description({}, inReport()), a.description],
    [m.actions_field_question({}, inReport()), question ? `${q?.title ?? ''} — ${question}` : ''],
    [m.actions_field_supporting({}, inReport()), a.supporting],
    [m.actions_field_start({}, inReport()), a.start ? day(a.start) : ''],
    [m.actions_field_done_on({}, inReport()), a.doneOn ? day(a.doneOn) : ''],
    [m.actions_field_kpi_indicator({}, inReport()), a.kpiIndicator],
    [m.actions_field_kpi_baseline({}, inReport()), a.kpiBaseline],
    [m.actions_field_kpi_target({}, inReport()), a.kpiTarget],
    [m.actions_field_cost({}, inReport()), a.cost],
    [
      m.actions_field_funding({}, inReport()),
      a.funding === 'unknown' ? '' : fundingWord(a.funding)
    ],
    [m.actions_field_objective({}, inReport()), a.objective],
    [m.actions_field_progress({}, inReport()), a.progressNote]
  ];
  const rows: TableRow[] = facts
    .filter(([, text]) => text.trim() !== '')
    .map(([label, text]) => ({ cells: [{ text: label, bold: true }, text], where }));
  if (rows.length === 0) return [];
  return [
    {
      kind: 'group',
      blocks: [
        { kind: 'heading', level: 3, text: a.title, where },
        {
          kind: 'table',
          columns: [{ header: '', width: 45 }, { header: '' }],
          rows,
          showHeader: false,
          dense: true
        }
      ]
    }
  ];
}

/**
 * @example buildPlanReport({ assessment, actions, questionnaires, madeOn: '2027-01-10' }).blocks[0]
 * // { kind: 'title', text: 'Action plan', … }
 */
function planReportIn(input: PlanReportInput): ReportDocument {
  const a = input.assessment;
  const country = countryNameIn(a.country, countryName(a.country), reportLocale());
  const live = input.actions.filter((x) => x.carriedTo === undefined);
  const ordered = briefOrder(live);
  const open = live.filter((x) => isOpen(x)).length;
  const overdue = live.filter((x) => isOverdue(x, input.madeOn)).length;
  const done = live.filter((x) => x.status === 'done').length;
  const blocks: Block[] = [
    {
      kind: 'title',
      text: m.actions_report_title({}, inReport()),
      subtitle: m.actions_report_subtitle(
        { country, title: a.title, date: formatDate(a.date, reportLocale()) },
        inReport()
      )
    },
    {
      kind: 'paragraph',
      text: m.actions_report_counts(
        {
          count: live.length,
          totalText: formatNumber(live.length, reportLocale()),
          open: formatNumber(open, reportLocale()),
          overdue: formatNumber(overdue, reportLocale()),
          done: formatNumber(done, reportLocale()),
          day: formatDate(input.madeOn, reportLocale())
        },
        inReport()
      )
    }
  ];
  if (ordered.length === 0) {
    blocks.push({ kind: 'paragraph', text: m.actions_empty({}, inReport()) });
  } else {
    blocks.push({
      kind: 'table',
      dense: true,
      columns: [
        { header: m.actions_col_action({}, inReport()) },
        { header: m.actions_col_owner({}, inReport()), width: 34 },
        { header: m.actions_col_priority({}, inReport()), width: 20 },
        { header: m.actions_col_status({}, inReport()), width: 24 },
        { header: m.actions_col_due({}, inReport()), width: 28 },
        { header: m.actions_col_phase({}, inReport()), width: 26 }
      ],
      rows: ordered.map((x) => ({
        cells: [
          { text: x.title, bold: true },
          x.owner || '—',
          actionPriorityWord(x.priority),
          isOverdue(x, input.madeOn)
            ? m.actions_status_overdue({ status: actionStatusWord(x.status) }, inReport())
            : actionStatusWord(x.status),
          day(x.due),
          x.phase ? strategyPhaseWord(x.phase) : '—'
        ],
        where: m.actions_report_where({ title: x.title }, inReport())
      }))
    });
    const more = ordered.flatMap((x) => details(x, input.questionnaires));
    if (more.length > 0) {
      blocks.push(
        { kind: 'heading', level: 2, text: m.actions_report_details({}, inReport()) },
        ...more
      );
    }
  }
  return {
    title: m.actions_report_doc_title({ country, title: a.title }, inReport()),
    subject: m.actions_report_title({}, inReport()),
    decor: {
      headerLeft: `${country} · ${a.date}`,
      classification: `TLP:${a.classification}`,
      classificationColour: TLP_COLOURS[a.classification],
      footer: provenanceNote(a),
      watermark: a.status === 'draft' ? draftWatermark() : null
    },
    blocks
  };
}

/** The action plan report in its assessment's language (report-locale.ts). */
export function buildPlanReport(input: PlanReportInput): ReportDocument {
  const locale = languageOf(input.assessment);
  return { ...inReportLocale(locale, () => planReportIn(input)), locale };
}
