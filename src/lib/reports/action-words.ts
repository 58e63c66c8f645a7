/**
 * The words for an action's status, priority, phase and funding, in the interface language:
 * one place for the plan screen (through state) and the plan report.
 */
import type {
  ActionPriority,
  ActionStatus,
  FundingSource,
  StrategyPhase
} from '$lib/domain/actions/model';
import { m } from '$lib/paraglide/messages.js';

export function actionStatusWord(s: ActionStatus): string {
  switch (s) {
    case 'planned':
      return m.actions_status_planned();
    case 'in-progress':
      return m.actions_status_in_progress();
    case 'done':
      return m.actions_status_done();
    case 'dropped':
      return m.actions_status_dropped();
  }
}

export function actionPriorityWord(p: ActionPriority): string {
  switch (p) {
    case 'high':
      return m.actions_priority_high();
    case 'medium':
      return m.actions_priority_medium();
    case 'low':
      return m.actions_priority_low();
  }
}

export function strategyPhaseWord(p: StrategyPhase): string {
  switch (p) {
    case 'initiation':
      return m.actions_phase_initiation();
    case 'stocktaking':
      return m.actions_phase_stocktaking();
    case 'production':
      return m.actions_phase_production();
    case 'implementation':
      return m.actions_phase_implementation();
    case 'monitoring':
      return m.actions_phase_monitoring();
  }
}

export function fundingWord(f: FundingSource): string {
  switch (f) {
    case 'budget':
      return m.actions_funding_budget();
    case 'donor':
      return m.actions_funding_donor();
    case 'mixed':
      return m.actions_funding_mixed();
    case 'unknown':
      return m.actions_funding_unknown();
  }
}

/** A calendar day's quarter: "2027 Q1" / "T1 2027". */
export function quarterWord(year: number, quarter: number): string {
  return m.actions_quarter({ year: String(year), quarter: String(quarter) });
}
