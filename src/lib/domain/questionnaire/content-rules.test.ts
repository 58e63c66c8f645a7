import { describe, expect, it } from 'vitest';
import { contentProblems } from './content-rules';
import { acronymProblems } from './acronyms';
import { questionnaireSchema, type MaturityQuestion, type Questionnaire } from './schema';

const STAGES = ['Start-up', 'Formative', 'Established', 'Strategic', 'Dynamic'];

/** A questionnaire that meets every editorial rule: 3 sections of 8 questions, 8 of them core. */
function good(): Questionnaire {
  return questionnaireSchema.parse({
    id: 'sample',
    version: '2.0.0',
    title: 'Sample',
    theme: 'sample',
    summary: 'Answer with the data protection authority (DPA) and the ministry.',
    scale: STAGES.map((label, i) => ({ value: i + 1, label, description: `Stage ${label}.` })),
    defaultTarget: 3,
    references: [{ id: 'ref', title: 'A reference' }],
    sections: [0, 1, 2].map((s) => ({
      id: `s${s}`,
      title: `Section ${s}`,
      questions: Array.from({ length: 8 }, (_, i) => {
        const n = s * 8 + i;
        return {
          id: `q${n}`,
          type: 'maturity',
          shortTitle: `Question number ${n}`,
          core: s === 0,
          text: `How far has arrangement ${n} gone?`,
          guidance: `The DPA holds the answer for arrangement ${n}; its annual report settles it.`,
          levels: Object.fromEntries(
            [1, 2, 3, 4, 5].map((v) => [
              v,
              `Arrangement ${n} is at stage ${v}: the text describes what the country has in place.`
            ])
          ),
          recommendations: Object.fromEntries(
            [1, 2, 3, 4].map((v) => [v, `Move arrangement ${n} from stage ${v} to the next.`])
          ),
          evidence: ['Annual report'],
          references: ['ref']
        };
      })
    }))
  });
}

function firstQuestion(q: Questionnaire): MaturityQuestion {
  return q.sections[0]!.questions[0] as MaturityQuestion;
}

describe('content rules of the built-in questionnaires', () => {
  it('pass a file that meets them', () => {
    expect(contentProblems(good())).toEqual([]);
  });

  it('want 6 to 10 core questions', () => {
    const q = good();
    for (const question of q.sections[0]!.questions.slice(3)) question.core = false;
    expect(contentProblems(q)).toEqual([
      expect.stringMatching(/^core: 3 questions have core: true; mark 6 to 10/)
    ]);
    const many = good();
    for (const question of many.sections[1]!.questions.slice(0, 3)) question.core = true;
    expect(contentProblems(many)).toEqual([expect.stringMatching(/^core: 11 questions/)]);
  });

  it('find a cap written into a descriptor', () => {
    const sentences = [
      'without independent oversight, rate 2 at most.',
      'the answer is at most 2 unless a judge authorises each warrant.',
      'if any is missing, the level cannot be rated 3.',
      'a measure without appeal is scored no higher than level 2.'
    ];
    for (const sentence of sentences) {
      const q = good();
      const question = firstQuestion(q);
      question.levels['3'] = `${question.levels['3']} ${sentence}`;
      expect(contentProblems(q), sentence).toEqual([
        expect.stringMatching(
          /^sections\[0\]\.questions\[0\] \(q0\)\.levels\.3: ".+" caps the level in the text; put the condition in cap/
        )
      ]);
    }
  });

  it('want treaty status as a choice, never a scored question', () => {
    const q = good();
    firstQuestion(q).text = 'Has the country ratified Convention 108+?';
    q.sections[0]!.questions[1]!.text = 'Has the country endorsed the Cyber Declaration?';
    expect(contentProblems(q)).toEqual([
      expect.stringMatching(
        /^sections\[0\]\.questions\[0\] \(q0\)\.text: asks whether an instrument was signed, ratified or acceded to; make it a choice question/
      ),
      expect.stringMatching(/^sections\[0\]\.questions\[1\] \(q1\)\.text: asks whether/)
    ]);
  });

  it('leave signing that is not about an instrument alone', () => {
    const q = good();
    firstQuestion(q).text = 'Is the country-code top-level domain signed with DNSSEC?';
    expect(contentProblems(q).filter((p) => p.includes('instrument'))).toEqual([]);
  });

  it('want a distinct short title of at most 60 characters on every question', () => {
    const q = good();
    delete firstQuestion(q).shortTitle;
    q.sections[0]!.questions[1]!.shortTitle = 'x'.repeat(61);
    q.sections[0]!.questions[3]!.shortTitle = 'question NUMBER 2';
    expect(contentProblems(q)).toEqual([
      'sections[0].questions[0] (q0).shortTitle: give a plain title of at most 60 characters',
      'sections[0].questions[1] (q1).shortTitle: 61 characters; write at most 60',
      'sections[0].questions[3] (q3).shortTitle: same as sections[0].questions[2] (q2).shortTitle; make each one distinct'
    ]);
  });

  it('find caps that hold each other up', () => {
    const q = good();
    const [a, b] = q.sections[0]!.questions as MaturityQuestion[];
    a!.cap = { atMost: 2, unless: [{ question: 'q1', atLeast: 3 }] };
    b!.cap = { atMost: 2, unless: [{ question: 'q0', atLeast: 3 }] };
    expect(contentProblems(q)).toEqual([
      'cap: "q0" and "q1" cap each other; keep the cap on one of them'
    ]);
  });
});

describe('abbreviations spelled out at first use', () => {
  it('accept "expansion (ABBR)" and "ABBR (expansion)", then the bare abbreviation', () => {
    const q = good();
    q.summary =
      'The computer security incident response team (CSIRT) and the DPA (data protection authority).';
    firstQuestion(q).text = 'How far has the CSIRT, and the TLP (Traffic Light Protocol), gone?';
    q.sections[0]!.questions[1]!.text = 'Does the CSIRT share under TLP and ISO/IEC 27001?';
    expect(acronymProblems(q)).toEqual([]);
  });

  it('name the first use of one left bare, once', () => {
    const q = good();
    firstQuestion(q).text = 'Does the CSIRT take part in FIRST?';
    q.sections[0]!.questions[1]!.text = 'Is the CSIRT funded?';
    expect(acronymProblems(q)).toEqual([
      'sections[0].questions[0] (q0).text: spell out "CSIRT" at its first use, e.g. "… (CSIRT)" or "CSIRT (…)"',
      'sections[0].questions[0] (q0).text: spell out "FIRST" at its first use, e.g. "… (FIRST)" or "FIRST (…)"'
    ]);
  });

  it('count a plural and an expansion given only later as a first use left bare', () => {
    const q = good();
    firstQuestion(q).text = 'Do the CSIRTs share data?';
    q.sections[0]!.questions[1]!.text =
      'Is the computer security incident response team (CSIRT) funded?';
    expect(acronymProblems(q)).toEqual([
      'sections[0].questions[0] (q0).text: spell out "CSIRT" at its first use, e.g. "… (CSIRT)" or "CSIRT (…)"'
    ]);
  });
});
