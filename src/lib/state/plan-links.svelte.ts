/**
 * Which questions of an assessment are already in its plan, kept live (another tab's change
 * shows too), so every gap-list row can say "in the plan" or offer "Add to plan".
 */
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { QuestionResult } from '$lib/domain/scoring/types';
import { addGapToPlan, watchActions } from './action-plan';
import { attempt } from './notices.svelte';
import { m } from '$lib/paraglide/messages.js';

class PlanLinks {
  #linked = $state<ReadonlySet<string>>(new Set());
  #adding = $state<ReadonlySet<string>>(new Set());
  #stop: () => void;

  constructor(readonly assessmentId: string) {
    this.#stop = watchActions(assessmentId, (actions) => {
      this.#linked = new Set(
        actions
          .filter((a) => a.questionnaireId !== undefined && a.carriedTo === undefined)
          .map((a) => `${a.questionnaireId}/${a.questionId}`)
      );
    });
  }

  has(row: Pick<QuestionResult, 'questionnaireId' | 'questionId'>): boolean {
    return this.#linked.has(`${row.questionnaireId}/${row.questionId}`);
  }

  adding(row: Pick<QuestionResult, 'questionnaireId' | 'questionId'>): boolean {
    return this.#adding.has(`${row.questionnaireId}/${row.questionId}`);
  }

  /** Adds the row at `index` of the gap list; a second click while it is saved does nothing. */
  async add(
    gapList: readonly QuestionResult[],
    index: number,
    questionnaire: Questionnaire | undefined
  ): Promise<void> {
    const row = gapList[index];
    if (!row || this.has(row) || this.adding(row)) return;
    const key = `${row.questionnaireId}/${row.questionId}`;
    this.#adding = new Set([...this.#adding, key]);
    const added = await attempt(m.actions_gap_add_failed(), () =>
      addGapToPlan(this.assessmentId, gapList, index, questionnaire)
    );
    if (added) this.#linked = new Set([...this.#linked, key]);
    this.#adding = new Set([...this.#adding].filter((k) => k !== key));
  }

  stop(): void {
    this.#stop();
  }
}

let current: PlanLinks | null = null;

/** The links of one assessment's plan, shared by every row of its gap list. */
export function planLinks(assessmentId: string): PlanLinks {
  if (current?.assessmentId !== assessmentId) {
    current?.stop();
    current = new PlanLinks(assessmentId);
  }
  return current;
}
