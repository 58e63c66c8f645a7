/**
 * The workshop record as a document plan (docs/file-formats.md, "PDF reports"): the method and
 * consensus rule, the groups (by letter when the assessment anonymises them), where the groups
 * disagree, question by question the groups' answers, their spread (rule 13 in docs/scoring.md),
 * the consensus and its rationale, the questions not reached, the consensus history and the
 * sign-off lines. Every figure comes from domain/workshop; nothing is computed here.
 */
import type { Answer, AnswerMap, Assessment } from '$lib/domain/assessment/model';
import { answerKey } from '$lib/domain/assessment/model';
import { scopedQuestionnaires } from '$lib/domain/questionnaire/core';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import { answersByGroup, type GroupAnswersRecord } from '$lib/domain/workshop/answers';
import { groupLetter, type Group } from '$lib/domain/workshop/groups';
import { questionSpreads, type QuestionSpread } from '$lib/domain/workshop/spread-rows';
import type { Level } from '$lib/domain/workshop/spread';
import { countryNameIn } from '$lib/format/countries';
import { formatTimestamp } from '$lib/format/dates';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import type { Block, Paper, ReportDocument, TableRow } from './document/model';
import {
  answerText,
  dayText,
  draftWatermark,
  levelValueText,
  provenanceNote,
  TLP_COLOURS
} from './labels';

export interface WorkshopRecordInput {
  assessment: Assessment;
  /** The assessment's questionnaires at their pinned versions, in its order. */
  questionnaires: Questionnaire[];
  /** The consensus answers: the assessment's own answers. */
  answers: AnswerMap;
  workshop: GroupAnswersRecord;
  /** YYYY-MM-DD. */
  madeOn: string;
  paper?: Paper;
}

interface Row extends QuestionSpread {
  questionnaire: Questionnaire;
  text: string;
}

/** Group names as printed: their own, or "Group A", "Group B" … when anonymised. */
function groupNames(a: Assessment): Map<string, string> {
  const groups = a.groups ?? [];
  return new Map(
    groups.map((g, i) => [
      g.id,
      a.anonymiseGroups ? m.reports_wr_group_letter({ letter: groupLetter(i) }) : g.name
    ])
  );
}

function levelWords(q: Questionnaire, level: Level | null): string {
  return levelValueText(q, level);
}

function consensusCell(q: Questionnaire, consensus: Answer | undefined, rationale: string): string {
  if (!consensus?.state) return m.reports_wr_not_reached();
  return `${answerText(q, consensus)}\n${rationale || m.reports_wr_no_rationale()}`;
}

class WorkshopFacts {
  readonly names: Map<string, string>;
  readonly rows: Row[];
  /** The latest rationale of each question's consensus, keyed questionnaire/question. */
  readonly rationale = new Map<string, string>();

  constructor(readonly input: WorkshopRecordInput) {
    const a = input.assessment;
    this.names = groupNames(a);
    const scoped = scopedQuestionnaires(input.questionnaires, a.scope);
    const byId = new Map(scoped.map((q) => [q.id, q]));
    this.rows = questionSpreads({
      questionnaires: scoped,
      groups: a.groups ?? [],
      groupAnswers: input.workshop.answers
    }).map((s) => {
      const questionnaire = byId.get(s.questionnaireId)!;
      const question = questionnaire.sections
        .flatMap((x) => x.questions)
        .find((x) => x.id === s.questionId);
      return { ...s, questionnaire, text: question?.text ?? s.questionId };
    });
    for (const change of input.workshop.history) {
      this.rationale.set(answerKey(change.questionnaireId, change.questionId), change.rationale);
    }
  }

  consensus(row: Row): Answer | undefined {
    return this.input.answers[answerKey(row.questionnaireId, row.questionId)];
  }

  groupAnswers(row: Row): string {
    const groups: Group[] = this.input.assessment.groups ?? [];
    const answers = answersByGroup(
      this.input.workshop.answers,
      groups,
      row.questionnaireId,
      row.questionId
    );
    return groups
      .filter((g) => answers[g.id])
      .map((g) =>
        m.reports_wr_group_answer({
          group: this.names.get(g.id) ?? g.name,
          answer: answerText(row.questionnaire, answers[g.id])
        })
      )
      .join('\n');
  }

  spreadText(row: Row): string {
    const s = row.spread;
    if (s.answered === 0) return m.reports_wr_spread_none();
    const text = m.reports_wr_spread({
      lowest: levelWords(row.questionnaire, s.lowest),
      highest: levelWords(row.questionnaire, s.highest),
      suggested: levelWords(row.questionnaire, s.suggested)
    });
    return s.disagree ? `${text}\n${m.reports_wr_disagree()}` : text;
  }

  questionRows(rows: Row[]): TableRow[] {
    return rows.map((row) => ({
      cells: [
        row.text,
        this.groupAnswers(row),
        this.spreadText(row),
        consensusCell(
          row.questionnaire,
          this.consensus(row),
          this.rationale.get(answerKey(row.questionnaireId, row.questionId)) ?? ''
        )
      ],
      where: m.reports_where_question_text({ id: row.questionId })
    }));
  }
}

const questionColumns = () => [
  { header: m.reports_col_question(), width: 58 },
  { header: m.reports_wr_col_answers(), width: 40 },
  { header: m.reports_wr_col_spread(), width: 30 },
  { header: m.reports_wr_col_consensus() }
];

function groupBlocks(r: WorkshopFacts): Block[] {
  const a = r.input.assessment;
  return [
    { kind: 'heading', level: 1, text: m.reports_wr_groups_heading(), bookmark: true },
    ...(a.anonymiseGroups
      ? [{ kind: 'paragraph', tone: 'muted', text: m.reports_wr_groups_anonymised() } as const]
      : []),
    {
      kind: 'table',
      columns: [{ header: m.reports_wr_col_group() }, { header: m.reports_wr_col_counted() }],
      rows: (a.groups ?? []).map((g) => ({
        cells: [
          r.names.get(g.id) ?? g.name,
          g.observer ? m.reports_wr_observer() : m.reports_wr_counted()
        ],
        where: m.reports_wr_where_group()
      }))
    }
  ];
}

function historyBlocks(r: WorkshopFacts): Block[] {
  const byKey = new Map(r.rows.map((row) => [answerKey(row.questionnaireId, row.questionId), row]));
  const history = r.input.workshop.history;
  return [
    {
      kind: 'heading',
      level: 1,
      text: m.reports_wr_history_heading(),
      newPage: true,
      bookmark: true
    },
    history.length === 0
      ? { kind: 'paragraph', text: m.reports_wr_no_history() }
      : {
          kind: 'table',
          dense: true,
          columns: [
            { header: m.reports_wr_col_when(), width: 30 },
            { header: m.reports_col_question(), width: 62 },
            { header: m.reports_wr_col_change(), width: 38 },
            { header: m.reports_wr_col_consensus() }
          ],
          rows: history.map((change) => {
            const row = byKey.get(answerKey(change.questionnaireId, change.questionId));
            const q = row?.questionnaire;
            return {
              cells: [
                formatTimestamp(change.at),
                row?.text ?? change.questionId,
                m.reports_wr_change({
                  from: answerText(q, change.from ?? undefined),
                  to: answerText(q, change.to ?? undefined)
                }),
                change.rationale || m.reports_wr_no_rationale()
              ],
              where: m.reports_where_question_text({ id: change.questionId })
            };
          })
        }
  ];
}

/**
 * The workshop record of one assessment with groups.
 * @example buildWorkshopRecord({ assessment, questionnaires, answers, workshop, madeOn: '2026-12-07' })
 */
export function buildWorkshopRecord(input: WorkshopRecordInput): ReportDocument {
  const a = input.assessment;
  const r = new WorkshopFacts(input);
  const country = countryNameIn(a.country, countryName(a.country));
  const disagreements = r.rows.filter((row) => row.spread.queued);
  const notReached = r.rows.filter((row) => !r.consensus(row)?.state);
  const blocks: Block[] = [
    {
      kind: 'title',
      text: m.reports_wr_title(),
      subtitle: m.reports_wr_subtitle({ country, title: a.title })
    },
    {
      kind: 'paragraph',
      text: m.reports_wr_made_on({
        day: dayText(input.madeOn),
        questions: formatNumber(r.rows.length),
        groups: formatNumber((a.groups ?? []).length)
      })
    },
    { kind: 'paragraph', tone: 'bold', text: m.reports_wr_chatham() },
    { kind: 'heading', level: 2, text: m.reports_wr_method_heading() },
    { kind: 'paragraph', text: m.reports_wr_method() },
    ...groupBlocks(r),
    {
      kind: 'heading',
      level: 1,
      text: m.reports_wr_disagreements_heading(),
      newPage: true,
      bookmark: true
    },
    disagreements.length === 0
      ? { kind: 'paragraph', text: m.reports_wr_no_disagreement() }
      : {
          kind: 'table',
          dense: true,
          columns: questionColumns(),
          rows: r.questionRows(disagreements)
        },
    {
      kind: 'heading',
      level: 1,
      text: m.reports_wr_questions_heading(),
      newPage: true,
      bookmark: true
    },
    ...input.questionnaires.flatMap((q): Block[] => {
      const rows = r.rows.filter((row) => row.questionnaireId === q.id);
      if (rows.length === 0) return [];
      return [
        { kind: 'heading', level: 2, text: q.title },
        { kind: 'table', dense: true, columns: questionColumns(), rows: r.questionRows(rows) }
      ];
    }),
    {
      kind: 'heading',
      level: 1,
      text: m.reports_wr_not_reached_heading(),
      newPage: true,
      bookmark: true
    },
    notReached.length === 0
      ? { kind: 'paragraph', text: m.reports_wr_not_reached_none() }
      : {
          kind: 'table',
          dense: true,
          columns: [
            { header: m.reports_col_question() },
            { header: m.reports_wr_col_spread(), width: 50 }
          ],
          rows: notReached.map((row) => ({
            cells: [`${row.text}\n${row.questionnaire.title}`, r.spreadText(row)],
            where: m.reports_where_question_text({ id: row.questionId })
          }))
        },
    ...historyBlocks(r),
    { kind: 'heading', level: 1, text: m.reports_wr_signoff_heading(), bookmark: true },
    { kind: 'lines', label: m.reports_wr_signoff_facilitator(), count: 2 },
    { kind: 'lines', label: m.reports_wr_signoff_rapporteur(), count: 2 }
  ];
  return {
    title: m.reports_wr_doc_title({ country, title: a.title }),
    subject: m.reports_wr_subject(),
    paper: input.paper ?? 'a4',
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
