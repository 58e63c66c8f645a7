/**
 * A questionnaire as a blank paper form for workshops: each question with its id and guidance,
 * the level descriptors as tick boxes with their level numbers, the other answers a question can
 * have, and ruled space for evidence and notes. Mirrors the print layout of the questionnaire
 * screen (src/routes/questionnaires/[id]/+page.svelte).
 */
import { questionOptions } from '$lib/domain/questionnaire/options';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { Block, ChoiceItem, ReportDocument } from './document/model';

/**
 * @example buildBlankForm(privacy).blocks[0] // { kind: 'title', text: 'Privacy and data protection', … }
 */
export function buildBlankForm(q: Questionnaire): ReportDocument {
  const where = `the questionnaire ${q.id}`;
  const questionCount = q.sections.reduce((n, s) => n + s.questions.length, 0);
  const blocks: Block[] = [
    {
      kind: 'title',
      text: q.title,
      subtitle: `Blank form · version ${q.version} · ${q.sections.length} sections · ${questionCount} questions`,
      where
    },
    { kind: 'paragraph', text: q.summary, where },
    { kind: 'lines', label: 'Country', count: 1 },
    { kind: 'lines', label: 'Date', count: 1 },
    { kind: 'lines', label: 'Respondent or workshop', count: 1 },
    { kind: 'lines', label: 'Participants', count: 2 },
    {
      kind: 'paragraph',
      tone: 'muted',
      text:
        'Tick one box per question: the level that describes the country today, or one of the ' +
        'other answers. Note the evidence that supports it. Enter the answers in the app ' +
        'afterwards; the question ids in brackets match the app.'
    },
    { kind: 'heading', level: 2, text: 'The scale' },
    {
      kind: 'table',
      columns: [
        { header: 'Level', width: 14, align: 'right' },
        { header: 'Stage', width: 28, bold: true },
        { header: 'What it means' }
      ],
      rows: q.scale.map((l) => ({ cells: [String(l.value), l.label, l.description], where }))
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
        question.scored ? '' : 'Context question, not scored.',
        question.weight !== 1 ? `Counts ${question.weight}× in its section.` : ''
      ].filter(Boolean);
      part.push({
        kind: 'heading',
        level: 3,
        text: `${n}. ${question.text} [${question.id}]`,
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
          label: o.title,
          text: o.descriptor
        }))
      });
      const others: ChoiceItem[] = [
        ...(question.naAllowed
          ? [{ label: 'Not applicable (give the reason below)', text: '' }]
          : []),
        { label: "Don't know", text: '' },
        { label: 'Cannot disclose', text: '' }
      ];
      part.push({ kind: 'choices', inline: true, items: others });
      if (question.evidence.length) {
        part.push({
          kind: 'paragraph',
          tone: 'muted',
          text: `Evidence, for example: ${question.evidence.join('; ')}.`,
          where
        });
      }
      part.push({ kind: 'lines', label: 'Evidence and notes', count: 3 });
      blocks.push({ kind: 'group', blocks: part });
    }
  }
  return {
    title: `${q.title} ${q.version} — blank form`,
    subject: 'National cybersecurity self-assessment — blank questionnaire',
    decor: {
      headerLeft: `${q.title} · version ${q.version} · blank form`,
      // Blank, the form holds no country data; once filled in it must be marked.
      classification: 'TLP: ________ (when completed)',
      classificationColour: null,
      footer: `Questionnaire ${q.id} ${q.version} — answers to be entered in NCS Self-Assessment`,
      watermark: null
    },
    blocks
  };
}
