/**
 * The executive brief (docs/file-formats.md, "Executive brief"): two pages a minister reads, in
 * this order — cover line, executive summary, stage ladders, change since the previous
 * assessment, the five highest-priority open actions (or, without an action plan, gaps),
 * decisions sought, what is provisional, where groups disagreed, next review. Every list stops
 * at five and says "and n more"; long text is cut to a budget, and `tightness` cuts harder when a
 * first rendering took more than two pages (generate.ts asks again).
 */
import type { Action } from '$lib/domain/actions/model';
import { classificationRank } from '$lib/domain/assessment/classification';
import type { Assessment, Classification } from '$lib/domain/assessment/model';
import { delta } from '$lib/domain/comparison/change';
import { shownPercent } from '$lib/domain/scoring/display';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import type { AssessmentResult, Figures } from '$lib/domain/scoring/types';
import { countryNameIn } from '$lib/format/countries';
import { formatDecimal } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import {
  actionFacts,
  cutText,
  firstFive,
  gapFacts,
  isProvisional,
  ladderRows,
  moreText,
  openActionsInOrder,
  provisionalScopes
} from './brief-parts';
import { modeText } from './country-cover';
import type { Block, Paper, ReportDocument } from './document/model';
import { dayText, draftWatermark, provenanceNote, shareText, TLP_COLOURS } from './labels';
import { languageOf } from '$lib/domain/assessment/language';
import { inReport, inReportLocale, reportLocale } from './report-locale';

export interface BriefPrevious {
  assessment: Assessment;
  result: AssessmentResult;
}

export interface BriefInput {
  assessment: Assessment;
  /** The assessment's questionnaires at their pinned versions, in its order. */
  questionnaires: Questionnaire[];
  /** scoreAssessment's result for exactly these questionnaires and answers. */
  result: AssessmentResult;
  /** The assessment this one was started from, scored the same way; null when none. */
  previous: BriefPrevious | null;
  /**
   * The assessment's action plan. When it holds actions, the brief lists the open ones; when it
   * is null or empty (no plan yet), the brief lists the highest-priority gaps instead.
   */
  actions: readonly Action[] | null;
  /** Where the workshop's groups disagreed, as short question titles; null when not a workshop. */
  disagreements: readonly string[] | null;
  /** The brief's classification: the assessment's, or a lower one the user confirmed. */
  classification: Classification;
  paper: Paper;
  /** YYYY-MM-DD, printed in the cover line. */
  madeOn: string;
  /** 0 on the first try; each step cuts long text harder. */
  tightness?: number;
}

/** Character budgets per tightness step: summary, decisions, one list item's title. */
const BUDGETS = [
  { summary: 1500, decisions: 700, item: 150 },
  { summary: 900, decisions: 450, item: 110 },
  { summary: 500, decisions: 250, item: 80 }
] as const;

export const BRIEF_TIGHTEST = BUDGETS.length - 1;

const heading = (text: string): Block => ({ kind: 'heading', level: 2, text });
const para = (text: string, where?: string): Block => ({ kind: 'paragraph', text, where });
const muted = (text: string): Block => ({ kind: 'paragraph', text, tone: 'muted' });

/** A list as a borderless two-line table: bold title, facts beneath, "and n more" after. */
function list(items: { title: string; facts: string }[], more: number, where: string): Block[] {
  const blocks: Block[] = [
    {
      kind: 'table',
      showHeader: false,
      columns: [
        { header: '#', width: 8, align: 'right' },
        { header: m.outputs_col_item({}, inReport()) }
      ],
      rows: items.map((item, i) => ({
        cells: [String(i + 1), `${item.title}\n${item.facts}`],
        where
      })),
      where
    }
  ];
  const tail = moreText(more);
  if (tail) blocks.push(muted(tail));
  return blocks;
}

function cover(input: BriefInput, country: string, budget: (typeof BUDGETS)[number]): Block[] {
  const a = input.assessment;
  const lower = classificationRank(input.classification) < classificationRank(a.classification);
  const parts = [
    m.outputs_cover_date({ date: dayText(a.date) }, inReport()),
    lower
      ? m.outputs_cover_classification_lowered(
          {
            label: `TLP:${input.classification}`,
            assessment: `TLP:${a.classification}`
          },
          inReport()
        )
      : `TLP:${input.classification}`,
    modeText(a.provenance.mode),
    provenanceNote(a),
    a.status === 'final'
      ? m.reports_status_final({}, inReport())
      : m.reports_status_draft({}, inReport())
  ];
  return [
    {
      kind: 'heading',
      level: 1,
      text: m.outputs_brief_heading({ country }, inReport()),
      bookmark: true
    },
    {
      kind: 'paragraph',
      tone: 'bold',
      text: cutText(a.title, budget.item),
      where: m.reports_where_assessment_title_plain({}, inReport())
    },
    muted(
      `${parts.join(' · ')} · ${m.outputs_cover_made({ date: dayText(input.madeOn) }, inReport())}`
    )
  ];
}

function change(input: BriefInput): Block[] {
  const prev = input.previous;
  if (!prev) return [];
  const rows: { title: string; after: Figures; before: Figures }[] = [
    { title: m.outputs_overall({}, inReport()), after: input.result, before: prev.result }
  ];
  for (const q of input.result.questionnaires) {
    const before = prev.result.questionnaires.find((p) => p.id === q.id);
    if (before) rows.push({ title: q.title, after: q, before });
  }
  const lines = rows.map(({ title, after, before }) => {
    const d = shownPercent(delta(after.score, before.score));
    const text =
      d === null
        ? m.outputs_change_none({ title }, inReport())
        : m.outputs_change_line(
            {
              title,
              before: shareText(before.score),
              after: shareText(after.score),
              points: `${d > 0 ? '+' : ''}${formatDecimal(d, reportLocale())}`
            },
            inReport()
          );
    return isProvisional(after) || isProvisional(before)
      ? `${text} ${m.outputs_change_provisional({}, inReport())}`
      : text;
  });
  const { shown, more } = firstFive(lines);
  return [
    heading(m.outputs_change_heading({ date: dayText(prev.assessment.date) }, inReport())),
    ...shown.map((line) => para(line)),
    ...(moreText(more) ? [muted(moreText(more)!)] : [])
  ];
}

function work(input: BriefInput, budget: (typeof BUDGETS)[number]): Block[] {
  const plan = input.actions ?? [];
  if (plan.length > 0) {
    const open = openActionsInOrder(plan);
    if (open.length === 0) {
      return [
        heading(m.outputs_actions_heading({}, inReport())),
        para(m.outputs_actions_none_open({}, inReport()))
      ];
    }
    const { shown, more } = firstFive(open);
    return [
      heading(m.outputs_actions_heading({}, inReport())),
      ...list(
        shown.map((a) => ({ title: cutText(a.title, budget.item), facts: actionFacts(a) })),
        more,
        m.outputs_where_action({}, inReport())
      )
    ];
  }
  const byId = new Map(input.questionnaires.map((q) => [q.id, q]));
  const gaps = input.result.gapList;
  if (gaps.length === 0) {
    return [
      heading(m.outputs_gaps_heading({}, inReport())),
      para(m.reports_cr_no_gap({}, inReport()))
    ];
  }
  const { shown, more } = firstFive(gaps);
  return [
    heading(m.outputs_gaps_heading({}, inReport())),
    ...list(
      shown.map((g) => {
        const q = byId.get(g.questionnaireId);
        return {
          title: cutText(g.text, budget.item),
          facts: gapFacts(q, g, cutText(q?.title ?? g.questionnaireId, 60))
        };
      }),
      more,
      m.outputs_where_gap({}, inReport())
    )
  ];
}

function provisional(input: BriefInput): Block[] {
  const scopes = provisionalScopes(input.result);
  if (scopes.length === 0) return [];
  const { shown, more } = firstFive(scopes);
  return [
    heading(m.outputs_provisional_heading({}, inReport())),
    muted(m.outputs_provisional_note({}, inReport())),
    ...shown.map((s) =>
      para(m.outputs_provisional_line({ title: s.title, basis: s.basis }, inReport()))
    ),
    ...(moreText(more) ? [muted(moreText(more)!)] : [])
  ];
}

function disagreements(input: BriefInput, budget: (typeof BUDGETS)[number]): Block[] {
  const list = input.disagreements;
  if (!list) return [];
  if (list.length === 0) {
    return [
      heading(m.outputs_disagreed_heading({}, inReport())),
      para(m.outputs_disagreed_none({}, inReport()))
    ];
  }
  const { shown, more } = firstFive(list);
  return [
    heading(m.outputs_disagreed_heading({}, inReport())),
    ...shown.map((t) => para(`• ${cutText(t, budget.item)}`)),
    ...(moreText(more) ? [muted(moreText(more)!)] : [])
  ];
}

/**
 * The executive brief of one assessment.
 * @example buildBrief({ assessment, questionnaires, result, previous: null, actions: null, disagreements: null, classification: 'AMBER', paper: 'a4', madeOn: '2026-12-06' })
 */
function briefIn(input: BriefInput): ReportDocument {
  const a = input.assessment;
  const budget = BUDGETS[Math.min(input.tightness ?? 0, BRIEF_TIGHTEST)]!;
  const country = countryNameIn(a.country, countryName(a.country), reportLocale());
  const n = a.narrative;
  const blocks: Block[] = [...cover(input, country, budget)];
  if (n.executiveSummary.trim()) {
    blocks.push(
      heading(m.reports_cr_executive_summary({}, inReport())),
      para(
        cutText(n.executiveSummary, budget.summary),
        m.reports_where_executive_summary({}, inReport())
      )
    );
  }
  blocks.push(heading(m.outputs_ladders_heading({}, inReport())), {
    kind: 'ladder',
    rows: ladderRows(a, input.questionnaires, input.result),
    here: m.outputs_ladder_here({}, inReport()),
    aim: m.outputs_ladder_aim({}, inReport()),
    scopeHeader: m.reports_col_scope({}, inReport()),
    caption: m.outputs_ladder_caption({}, inReport()),
    where: m.outputs_where_ladder({}, inReport())
  });
  blocks.push(...change(input), ...work(input, budget));
  if (n.decisionsSought.trim()) {
    blocks.push(
      heading(m.outputs_decisions_heading({}, inReport())),
      para(cutText(n.decisionsSought, budget.decisions), m.outputs_where_decisions({}, inReport()))
    );
  }
  blocks.push(...provisional(input), ...disagreements(input, budget));
  blocks.push(
    heading(m.reports_fact_next_review({}, inReport())),
    para(
      n.nextReviewDate
        ? m.reports_cr_next_review_on({ date: dayText(n.nextReviewDate) }, inReport())
        : m.outputs_next_review_not_set({}, inReport())
    )
  );
  return {
    title: m.outputs_doc_title({ country, title: a.title }, inReport()),
    subject: m.outputs_subject({}, inReport()),
    paper: input.paper,
    decor: {
      headerLeft: `${country} · ${a.date} · ${m.outputs_subject({}, inReport())}`,
      classification: `TLP:${input.classification}`,
      classificationColour: TLP_COLOURS[input.classification],
      footer: provenanceNote(a),
      watermark: a.status === 'draft' ? draftWatermark() : null
    },
    blocks
  };
}

/**
 * The brief in its assessment's language (report-locale.ts), whatever the interface language.
 */
export function buildBrief(input: BriefInput): ReportDocument {
  const locale = languageOf(input.assessment);
  return { ...inReportLocale(locale, () => briefIn(input)), locale };
}
