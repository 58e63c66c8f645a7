/**
 * Test factories: valid objects with every field set, overridden only where a test cares.
 * Used by unit tests across the domain, io and storage layers.
 */
import { newAssessment, type Assessment } from '../assessment/model';
import {
  questionnaireSchema,
  type Cap,
  type Questionnaire,
  type QuestionnaireInput
} from '../questionnaire/schema';

export const CMM_SCALE = [
  { value: 1, label: 'Start-up', description: 'Nothing in place yet.' },
  { value: 2, label: 'Formative', description: 'Some elements exist.' },
  { value: 3, label: 'Established', description: 'Working and resourced.' },
  { value: 4, label: 'Strategic', description: 'Driven by evidence.' },
  { value: 5, label: 'Dynamic', description: 'Adapts continuously.' }
];

type QuestionSpec = {
  id: string;
  type?: 'maturity' | 'binary' | 'choice';
  weight?: number;
  naAllowed?: boolean;
  scored?: boolean;
  /** Second edition: in the core set, a safeguard cap (maturity only). */
  core?: boolean;
  cap?: Cap;
};
type SectionSpec = { id: string; weight?: number; questions: QuestionSpec[] };

/**
 * A valid questionnaire from a compact description.
 * @example makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }] }])
 */
export function makeQuestionnaire(
  id: string,
  sections: SectionSpec[],
  overrides: Partial<QuestionnaireInput> = {}
): Questionnaire {
  const scale = overrides.scale ?? CMM_SCALE;
  const values = scale.map((l) => l.value);
  const top = Math.max(...values);
  const input: QuestionnaireInput = {
    id,
    version: '1.0.0',
    title: `Questionnaire ${id}`,
    theme: 'test',
    summary: 'A questionnaire made for tests.',
    scale,
    defaultTarget: 3,
    references: [{ id: 'ref', title: 'A reference' }],
    sections: sections.map((s) => ({
      id: s.id,
      title: `Section ${s.id}`,
      weight: s.weight ?? 1,
      ...(s.weight !== undefined && s.weight !== 1 ? { weightReason: 'test weight' } : {}),
      questions: s.questions.map((q) =>
        q.type === 'choice'
          ? {
              id: q.id,
              type: 'choice' as const,
              text: `Choice ${q.id}?`,
              ...(q.core ? { core: true } : {}),
              options: [
                { id: 'first-option', label: 'First option' },
                { id: 'second-option', label: 'Second option' }
              ]
            }
          : q.type === 'binary'
            ? {
                id: q.id,
                type: 'binary' as const,
                ...(q.core ? { core: true } : {}),
                text: `Binary ${q.id}?`,
                weight: q.weight ?? 1,
                ...(q.weight !== undefined && q.weight !== 1
                  ? { weightReason: 'test weight' }
                  : {}),
                naAllowed: q.naAllowed ?? false,
                scored: q.scored ?? true,
                levels: { no: 'No.', partial: 'Partly.', yes: 'Yes.' },
                recommendations: { no: `Start ${q.id}.`, partial: `Finish ${q.id}.` },
                references: ['ref']
              }
            : {
                id: q.id,
                type: 'maturity' as const,
                ...(q.core ? { core: true } : {}),
                ...(q.cap ? { cap: q.cap } : {}),
                text: `Maturity ${q.id}?`,
                weight: q.weight ?? 1,
                ...(q.weight !== undefined && q.weight !== 1
                  ? { weightReason: 'test weight' }
                  : {}),
                naAllowed: q.naAllowed ?? false,
                scored: q.scored ?? true,
                levels: Object.fromEntries(values.map((v) => [String(v), `${q.id} at level ${v}`])),
                recommendations: Object.fromEntries(
                  values.filter((v) => v < top).map((v) => [String(v), `Raise ${q.id} from ${v}`])
                ),
                references: ['ref']
              }
      )
    })),
    ...overrides
  };
  return questionnaireSchema.parse(input);
}

let counter = 0;

/** A valid draft assessment; override only the fields under test. */
export function makeAssessment(overrides: Partial<Assessment> = {}): Assessment {
  counter++;
  return newAssessment(
    {
      id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
      country: 'KE',
      title: 'Kenya self-assessment',
      date: '2026-11-01',
      questionnaires: [{ id: 'q', version: '1.0.0' }],
      ...overrides
    },
    '2026-11-01T10:00:00.000Z'
  );
}
