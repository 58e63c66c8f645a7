/**
 * Repository for action plans: one record per assessment holding its actions (docs/architecture.md,
 * "Storage shape"). Every change reads the record it changes inside its transaction, so two tabs
 * editing two actions of one plan never overwrite each other.
 */
import { liveQuery } from 'dexie';
import type { Action } from '$lib/domain/actions/model';
import { database } from './db';
import { NotFoundError } from './assessments';

/** The actions of one assessment, in the order they were added. */
export async function getActions(assessmentId: string): Promise<Action[]> {
  return (await database().actions.get(assessmentId))?.actions ?? [];
}

/** Every action of every assessment (the dashboard counts overdue ones; the trend lists done ones). */
export async function listAllActions(): Promise<Action[]> {
  return (await database().actions.toArray()).flatMap((r) => r.actions);
}

/**
 * Adds new actions and replaces those whose id is already in the plan, in one transaction; never
 * deletes one. Refuses when the assessment is not stored.
 * @example await putActions(id, [newAction({ … }, now)])
 */
export async function putActions(assessmentId: string, actions: readonly Action[]): Promise<void> {
  const db = database();
  await db.transaction('rw', [db.assessments, db.actions], async () => {
    if (!(await db.assessments.get(assessmentId))) {
      throw new NotFoundError(`No assessment ${assessmentId} in this browser.`);
    }
    const held = (await db.actions.get(assessmentId))?.actions ?? [];
    const merged = [...held];
    for (const action of actions) {
      const at = merged.findIndex((a) => a.id === action.id);
      const own = { ...action, assessmentId };
      if (at >= 0) merged[at] = own;
      else merged.push(own);
    }
    await db.actions.put({ assessmentId, actions: merged });
  });
}

/**
 * Changes one action by a function of its stored version (read inside the transaction), so a
 * change from another tab to another field is not lost. Returns the stored action.
 */
export async function updateAction(
  assessmentId: string,
  id: string,
  change: (stored: Action) => Action
): Promise<Action> {
  const db = database();
  return db.transaction('rw', [db.actions], async () => {
    const held = (await db.actions.get(assessmentId))?.actions ?? [];
    const at = held.findIndex((a) => a.id === id);
    if (at < 0) throw new NotFoundError(`No action ${id} in this plan.`);
    const next = { ...change(held[at]!), id, assessmentId };
    const actions = held.map((a, i) => (i === at ? next : a));
    await db.actions.put({ assessmentId, actions });
    return next;
  });
}

/** Calls `onChange` with the plan whenever it changes (in this tab or another). */
export function watchActions(
  assessmentId: string,
  onChange: (actions: Action[]) => void
): () => void {
  const subscription = liveQuery(() => database().actions.get(assessmentId)).subscribe({
    next: (record) => onChange(record?.actions ?? [])
  });
  return () => subscription.unsubscribe();
}
