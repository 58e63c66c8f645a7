/**
 * The group answers of a workshop as the answer screen shows them (docs/architecture.md,
 * "Workshops"): each group's answer to each question, the rule-13 spread, the consensus history,
 * and the writes. A typed group answer shows at once and is written as a keyed update of the one
 * group answers record, in the order typed; other tabs' changes arrive through the same watch.
 * Group answers never change a score; setting the consensus does (through `setConsensusAnswer`).
 */
import type { Answer, Assessment } from '$lib/domain/assessment/model';
import type { Question, ScaleLevel } from '$lib/domain/questionnaire/schema';
import {
  answersByGroup,
  groupAnswerKey,
  type ConsensusChange,
  type GroupAnswers
} from '$lib/domain/workshop/answers';
import type { Group } from '$lib/domain/workshop/groups';
import { spreadOf, type Spread } from '$lib/domain/workshop/spread';
import { saveProblem } from './answer-session.svelte';
import {
  followWorkshop,
  saveGroupAnswer,
  setConsensusAnswer,
  type ConsensusVerdict
} from './workshop';

export type { ConsensusChange, ConsensusVerdict, Spread };

export class WorkshopAnswers {
  /** Every group's answers, keyed `groupId/questionnaireId/questionId`, as the screen shows them. */
  answers = $state.raw<GroupAnswers>({});
  history = $state.raw<ConsensusChange[]>([]);
  /** Writes started and not yet settled. */
  pending = $state(0);
  /** Why the last write failed, in words; null when it did not. */
  error = $state<string | null>(null);
  private chain: Promise<unknown> = Promise.resolve();
  /** Keys typed here and not yet written: the watch must not show an older stored value. */
  private readonly typed = new Map<string, Answer | null>();

  constructor(readonly assessment: Assessment) {}

  get groups(): readonly Group[] {
    return this.assessment.groups ?? [];
  }

  get readonly(): boolean {
    return this.assessment.status === 'final';
  }

  /** Follows the stored record (this tab and others); returns the stop function. */
  follow(): () => void {
    return followWorkshop(this.assessment.id, (record) => {
      const answers = { ...record.answers };
      for (const [key, answer] of this.typed) {
        if (answer === null) delete answers[key];
        else answers[key] = answer;
      }
      this.answers = answers;
      this.history = record.history;
    });
  }

  answerOf(groupId: string, questionnaireId: string, questionId: string): Answer | undefined {
    return this.answers[groupAnswerKey(groupId, questionnaireId, questionId)];
  }

  /** Rule 13 for one question over the groups' answers as shown. */
  spread(
    questionnaireId: string,
    question: Question & { type: 'maturity' | 'binary' },
    scale: readonly ScaleLevel[]
  ): Spread {
    const byGroup = answersByGroup(this.answers, this.groups, questionnaireId, question.id);
    return spreadOf(question, scale, byGroup, this.groups);
  }

  /** The consensus changes of one question, oldest first. */
  historyOf(questionnaireId: string, questionId: string): ConsensusChange[] {
    return this.history.filter(
      (c) => c.questionnaireId === questionnaireId && c.questionId === questionId
    );
  }

  /** Records (or, with null, clears) one group's answer: shown at once, written in order. */
  set(groupId: string, questionnaireId: string, questionId: string, answer: Answer | null): void {
    if (this.readonly) return;
    const key = groupAnswerKey(groupId, questionnaireId, questionId);
    const next = { ...this.answers };
    if (answer === null) delete next[key];
    else next[key] = answer;
    this.answers = next;
    this.typed.set(key, answer);
    this.pending++;
    const write = this.chain.then(() =>
      saveGroupAnswer(this.assessment.id, groupId, questionnaireId, questionId, answer)
    );
    this.chain = write.then(
      () => {
        if (this.typed.get(key) === answer) this.typed.delete(key);
        this.error = null;
      },
      (error: unknown) => {
        this.typed.delete(key);
        this.error = saveProblem(error);
      }
    );
    void this.chain.finally(() => this.pending--);
  }

  /** Sets the consensus of one question with its rationale; the score follows it. */
  async setConsensus(
    questionnaireId: string,
    questionId: string,
    verdict: ConsensusVerdict,
    rationale: string
  ): Promise<Answer | null> {
    await this.chain;
    return setConsensusAnswer(this.assessment, questionnaireId, questionId, verdict, rationale);
  }
}
