/**
 * The facilitator's control window (docs/workshop.md, docs/architecture.md "The facilitator
 * view"): where the room is in the assessment, the walk through every question (core ones
 * first on request) or through the disagreement queue, the reveal and descriptor toggles, the
 * agenda clock, and what the projector is sent. Group answers and the consensus are written
 * through `WorkshopAnswers`; the consensus shown follows the stored answers (any tab).
 */
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import { answerKey } from '$lib/domain/assessment/model';
import { hasCoreSet, scopeOf } from '$lib/domain/questionnaire/core';
import type { Question, Questionnaire, Section } from '$lib/domain/questionnaire/schema';
import {
  enterSection,
  newClock,
  pauseClock,
  sectionPace,
  startClock,
  DEFAULT_MINUTES_PER_QUESTION,
  type ClockState
} from '$lib/domain/workshop/agenda-clock';
import { projectorView, type ProjectorView } from '$lib/domain/workshop/channel-messages';
import {
  facilitatorOrder,
  placeIndex,
  queueOrder,
  sectionKey,
  type QuestionPlace
} from '$lib/domain/workshop/facilitator-order';
import { groupLetter } from '$lib/domain/workshop/groups';
import { questionSpreads } from '$lib/domain/workshop/spread-rows';
import type { Spread } from '$lib/domain/workshop/spread';
import { m } from '$lib/paraglide/messages.js';
import { watchAnswers } from './answer-session.svelte';
import { WorkshopAnswers } from './workshop-answers.svelte';

export type LevelQuestionOf = Question & { type: 'maturity' | 'binary' };

/** One question of the walk with everything the screens show about it. */
export interface Current {
  place: QuestionPlace;
  questionnaire: Questionnaire;
  section: Section;
  question: LevelQuestionOf;
}

export interface FacilitatorInput {
  assessment: Assessment;
  answers: AnswerMap;
  questionnaires: Questionnaire[];
}

export class Facilitator {
  readonly workshop: WorkshopAnswers;
  /** The assessment's own answers: the consensus. */
  consensus = $state.raw<AnswerMap>({});
  coreFirst = $state(false);
  /** Walking the disagreement queue (a list taken when the queue was opened). */
  queue = $state.raw<QuestionPlace[] | null>(null);
  index = $state(0);
  revealed = $state(false);
  descriptors = $state(false);
  clock = $state.raw<ClockState>(newClock(''));
  minutesPerQuestion = $state(DEFAULT_MINUTES_PER_QUESTION);
  /** The time the clock figures are read at; moved on by `tick`. */
  now = $state(Date.now());

  constructor(private readonly input: FacilitatorInput) {
    this.workshop = new WorkshopAnswers(input.assessment);
    this.consensus = input.answers;
    const first = this.order[0];
    if (first) this.clock = newClock(sectionKey(first));
  }

  get assessment(): Assessment {
    return this.input.assessment;
  }

  get questionnaires(): Questionnaire[] {
    return this.input.questionnaires;
  }

  /** A full assessment whose questionnaires have a core set can take it first. */
  get canTakeCoreFirst(): boolean {
    return scopeOf(this.assessment) === 'full' && this.questionnaires.some(hasCoreSet);
  }

  /** Every level question in the walk's order. */
  readonly all = $derived.by(() => facilitatorOrder(this.input.questionnaires, this.coreFirst));

  /** The list being walked: every question, or the queue. */
  get order(): QuestionPlace[] {
    return this.queue ?? this.all;
  }

  /** The disagreement queue over the group answers as they stand now. */
  readonly liveQueue = $derived.by(() =>
    queueOrder(
      questionSpreads({
        questionnaires: this.input.questionnaires,
        groups: this.workshop.groups,
        groupAnswers: this.workshop.answers
      })
    )
  );

  readonly current: Current | null = $derived.by(() => {
    const place = this.order[Math.min(this.index, this.order.length - 1)];
    if (!place) return null;
    const questionnaire = this.input.questionnaires.find((q) => q.id === place.questionnaireId);
    const section = questionnaire?.sections.find((s) => s.id === place.sectionId);
    const question = section?.questions.find((q) => q.id === place.questionId);
    if (!questionnaire || !section || !question) return null;
    if (question.type !== 'maturity' && question.type !== 'binary') return null;
    return { place, questionnaire, section, question };
  });

  readonly spread: Spread | null = $derived.by(() => {
    const c = this.current;
    return c ? this.workshop.spread(c.questionnaire.id, c.question, c.questionnaire.scale) : null;
  });

  /** Starts following the stored group answers and consensus; returns the stop function. */
  follow(): () => void {
    const stopGroups = this.workshop.follow();
    const stopAnswers = watchAnswers(this.assessment.id, (answers) => (this.consensus = answers));
    return () => {
      stopGroups();
      stopAnswers();
    };
  }

  /** Opens a question by its ids (a deep link); false when it is not in the walk. */
  open(questionnaireId: string, questionId: string): boolean {
    let i = placeIndex(this.order, questionnaireId, questionId);
    if (i < 0 && this.queue) {
      this.queue = null;
      i = placeIndex(this.order, questionnaireId, questionId);
    }
    if (i < 0) return false;
    this.go(i);
    return true;
  }

  go(index: number): void {
    const next = Math.max(0, Math.min(this.order.length - 1, index));
    if (next === this.index && this.current) return;
    this.index = next;
    this.revealed = false;
    const place = this.order[next];
    if (place) this.clock = enterSection(this.clock, sectionKey(place), Date.now());
  }

  next(): void {
    this.go(this.index + 1);
  }

  previous(): void {
    this.go(this.index - 1);
  }

  /** Takes the core questions first or not, staying on the same question. */
  setCoreFirst(on: boolean): void {
    const place = this.current?.place;
    this.coreFirst = on;
    if (place && !this.queue) {
      this.index = Math.max(0, placeIndex(this.all, place.questionnaireId, place.questionId));
    }
  }

  /** Works through the disagreement queue as it stands now (or back to every question). */
  setQueue(on: boolean): void {
    const place = this.current?.place;
    this.queue = on ? [...this.liveQueue] : null;
    const i = place ? placeIndex(this.order, place.questionnaireId, place.questionId) : -1;
    this.index = -1;
    this.go(Math.max(0, i));
  }

  reveal(on = true): void {
    this.revealed = on;
  }

  startClock(): void {
    this.clock = startClock(this.clock, Date.now());
    this.tick();
  }

  pauseClock(): void {
    this.clock = pauseClock(this.clock, Date.now());
    this.tick();
  }

  tick(): void {
    this.now = Date.now();
  }

  get clockRunning(): boolean {
    return this.clock.runningSince !== null;
  }

  /** Each section of the walk in order, with its questions left and its time against the plan. */
  readonly sections = $derived.by(() => {
    const out: { key: string; title: string; questions: number; left: number }[] = [];
    for (const place of this.all) {
      const key = sectionKey(place);
      let row = out.find((r) => r.key === key);
      if (!row) {
        const q = this.input.questionnaires.find((x) => x.id === place.questionnaireId);
        const title = q?.sections.find((s) => s.id === place.sectionId)?.title ?? place.sectionId;
        row = { key, title, questions: 0, left: 0 };
        out.push(row);
      }
      row.questions++;
      if (!this.consensus[answerKey(place.questionnaireId, place.questionId)]?.state) row.left++;
    }
    return out;
  });

  paceOf(section: { key: string; questions: number }) {
    return sectionPace(
      this.clock,
      section.key,
      section.questions,
      this.minutesPerQuestion,
      this.now
    );
  }

  /** Questions of the walk with no consensus yet. */
  get questionsLeft(): number {
    return this.sections.reduce((n, s) => n + s.left, 0);
  }

  /** What the projector shows now: never a rationale, group names as the room may see them. */
  projector(): ProjectorView | null {
    const c = this.current;
    const spread = this.spread;
    if (!c || !spread) return null;
    const groups = this.workshop.groups;
    const label = (groupId: string) => {
      const i = groups.findIndex((g) => g.id === groupId);
      return this.assessment.anonymiseGroups
        ? m.workshop_group_letter({ letter: groupLetter(i) })
        : (groups[i]?.name ?? groupId);
    };
    const consensus = this.consensus[answerKey(c.questionnaire.id, c.question.id)];
    return projectorView({
      assessmentId: this.assessment.id,
      questionnaireId: c.questionnaire.id,
      questionId: c.question.id,
      descriptors: this.descriptors,
      revealed: this.revealed,
      levels: spread.levels.map((l) => ({ label: label(l.groupId), level: l.level })),
      other: spread.other,
      consensus: consensus?.state
        ? consensus.state === 'level' && consensus.level !== undefined
          ? { state: 'level', level: consensus.level }
          : { state: consensus.state }
        : null
    });
  }
}
