import type { MaturityQuestion, Questionnaire } from '../questionnaire/schema';

const scale = [
  { value: 1, label: 'Start-up', description: 'Little or nothing is in place.' },
  { value: 2, label: 'Formative', description: 'Some elements exist.' },
  { value: 3, label: 'Established', description: 'Adopted, resourced and working.' },
  { value: 4, label: 'Strategic', description: 'Driven by evidence about risk.' },
  { value: 5, label: 'Dynamic', description: 'Adapts continuously.' }
];

function question(
  id: string,
  text: string,
  weight = 1
): Questionnaire['sections'][number]['questions'][number] {
  return {
    id,
    type: 'maturity',
    text,
    weight,
    ...(weight !== 1 ? { weightReason: 'The law is the base of everything else.' } : {}),
    naAllowed: false,
    scored: true,
    core: false,
    levels: Object.fromEntries(scale.map((l) => [String(l.value), l.description])),
    recommendations: {},
    evidence: [],
    references: []
  };
}

/** A small questionnaire for the worked example (already in parsed form). */
export function makeQuestionnaireForExample(): Questionnaire {
  return {
    id: 'example',
    version: '1.0.0',
    title: 'Worked example',
    theme: 'example',
    summary: 'A two-section example.',
    scale,
    defaultTarget: 3,
    references: [],
    sections: [
      {
        id: 'legal',
        title: 'Legal framework',
        weight: 1,
        questions: [
          question('law-in-force', 'Is a data protection law in force?', 2),
          question('rights', 'Can people exercise their rights?'),
          question('breach-rules', 'Must breaches be notified?')
        ]
      },
      {
        id: 'authority',
        title: 'Supervisory authority',
        weight: 2,
        weightReason: 'Enforcement decides whether the law has effect.',
        questions: [
          question('independence', 'Is the authority independent?'),
          question('enforcement', 'Does the authority enforce the law?')
        ]
      }
    ]
  };
}

/**
 * A small questionnaire for the method page's example of rules 11 and 12: a capped core question,
 * its safeguard (core) and a section without core questions.
 */
export function makeCapQuestionnaireForExample(): Questionnaire {
  const takedown: MaturityQuestion = {
    ...(question('takedown', 'Are takedown orders based on law?') as MaturityQuestion),
    core: true,
    cap: { atMost: 2, unless: [{ question: 'oversight', atLeast: 3 }] }
  };
  return {
    id: 'cap-example',
    version: '1.0.0',
    title: 'Worked example of a cap',
    theme: 'example',
    summary: 'A safeguard cap and a core set.',
    scale,
    defaultTarget: 3,
    references: [],
    sections: [
      {
        id: 'response',
        title: 'Response',
        weight: 1,
        questions: [
          takedown,
          { ...question('oversight', 'Are the orders overseen independently?'), core: true }
        ]
      },
      {
        id: 'research',
        title: 'Research',
        weight: 1,
        questions: [question('funding', 'Is research funded?')]
      }
    ]
  };
}
