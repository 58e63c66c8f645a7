/**
 * A questionnaire as a blank paper form for workshops: each question with its id and guidance,
 * the level descriptors as tick boxes with their level numbers, the other answers a question can
 * have, and ruled space for evidence and notes. Mirrors the print layout of the questionnaire
 * screen (src/routes/questionnaires/[id]/+page.svelte).
 */
import { questionOptions, type QuestionOption } from '$lib/domain/questionnaire/options';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import type { Block, ChoiceItem, ReportDocument } from './document/model';
import { binaryText, stageWord } from './labels';
import { inReport, inReportLocale, reportLocale, type Locale } from './report-locale';

/** An answer option's title in the language: "3 Established", "Partly". */
function optionTitle(o: QuestionOption, scale: Questionnaire['scale']): string {
  if (typeof o.value === 'string') return binaryText(o.value);
  const label = scale.find((l) => l.value === o.value)?.label;
  return label ? `${o.value} ${stageWord(label)}` : o.title;
}

/**
 * @example buildBlankForm(privacy).blocks[0] // { kind: 'title', text: 'Privacy and data protection', … }
 */
function blankFormIn(q: Questionnaire): ReportDocument {
  const where = m.reports_where_in_questionnaire({ id: q.id }, inReport());
  const questionCount = q.sections.reduce((n, s) => n + s.questions.length, 0);
  const blocks: Block[] = [
    {
      kind: 'title',
      text: q.title,
      subtitle: m.reports_bf_subtitle(
        {
          version: q.version,
          sections: q.sections.length,
          sectionsText: formatNumber(q.sections.length, reportLocale()),
          questions: questionCount,
          questionsText: formatNumber(questionCount, reportLocale())
        },
        inReport()
      ),
      where
    },
    { kind: 'paragraph', text: q.summary, where },
    { kind: 'lines', label: m.reports_col_country({}, inReport()), count: 1 },
    { kind: 'lines', label: m.reports_col_date({}, inReport()), count: 1 },
    { kind: 'lines', label: m.reports_bf_respondent({}, inReport()), count: 1 },
    { kind: 'lines', label: m.reports_fact_participants({}, inReport()), count: 2 },
    { kind: 'paragraph', tone: 'muted', text: m.reports_bf_instructions({}, inReport()) },
    { kind: 'heading', level: 2, text: m.reports_bf_scale({}, inReport()) },
    {
      kind: 'table',
      columns: [
        { header: m.reports_col_level({}, inReport()), width: 14, align: 'right' },
        { header: m.reports_col_stage({}, inReport()), width: 28, bold: true },
        { header: m.reports_col_meaning({}, inReport()) }
      ],
      rows: q.scale.map((l) => ({
        cells: [String(l.value), stageWord(l.label), l.description],
        where
      }))
    }
  ];
  let n = 0;
  for (const [i, section] of q.sections.entries()) {
    blocks.push({
      kind: 'heading',
      level: 1,
      text: section.title,
      newPage: i === 0,
      bookmark: true,
      where
    });
    if (section.description) blocks.push({ kind: 'paragraph', text: section.description, where });
    for (const question of section.questions) {
      n++;
      // One question per group: kept on one page when it fits, as a workshop reads it.
      const part: Block[] = [];
      const notes = [
        question.scored ? '' : m.reports_bf_context_question({}, inReport()),
        question.weight !== 1
          ? m.reports_bf_weight(
              { weight: formatNumber(question.weight, reportLocale()) },
              inReport()
            )
          : ''
      ].filter(Boolean);
      part.push({
        kind: 'heading',
        level: 3,
        text: `${formatNumber(n, reportLocale())}. ${question.text} [${question.id}]`,
        where
      });
      if (question.guidance) {
        part.push({ kind: 'paragraph', tone: 'muted', text: question.guidance, where });
      }
      if (notes.length) {
        part.push({ kind: 'paragraph', tone: 'muted', text: notes.join(' '), where });
      }
      part.push({
        kind: 'choices',
        where,
        items: questionOptions(question, q.scale).map((o) => ({
          label: optionTitle(o, q.scale),
          text: o.descriptor
        }))
      });
      const others: ChoiceItem[] = [
        ...(question.naAllowed ? [{ label: m.reports_bf_na({}, inReport()), text: '' }] : []),
        { label: m.reports_answer_unknown({}, inReport()), text: '' },
        { label: m.reports_answer_restricted({}, inReport()), text: '' }
      ];
      part.push({ kind: 'choices', inline: true, items: others });
      if (question.evidence.length) {
        part.push({
          kind: 'paragraph',
          tone: 'muted',
          text: m.reports_bf_evidence(
            {
              examples: question.evidence.join(m.reports_list_separator({}, inReport()))
            },
            inReport()
          ),
          where
        });
      }
      part.push({ kind: 'lines', label: m.reports_bf_notes({}, inReport()), count: 3 });
      blocks.push({ kind: 'group', blocks: part });
    }
  }
  return {
    title: m.reports_bf_doc_title({ title: q.title, version: q.version }, inReport()),
    subject: m.reports_bf_subject({}, inReport()),
    decor: {
      headerLeft: m.reports_bf_header({ title: q.title, version: q.version }, inReport()),
      // Blank, the form holds no country data; once filled in it must be marked.
      classification: m.reports_bf_classification({}, inReport()),
      classificationColour: null,
      footer: m.reports_bf_footer({ id: q.id, version: q.version }, inReport()),
      watermark: null
    },
    blocks
  };
}

/**
 * The blank form in `locale`: the language of the assessment it is printed for, or of the
 * interface. `q` is the questionnaire with its text in that language (questionnaire overlays).
 */
export function buildBlankForm(q: Questionnaire, locale: Locale = reportLocale()): ReportDocument {
  return { ...inReportLocale(locale, () => blankFormIn(q)), locale };
}
