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
import { inReport } from './report-locale';

export function actionStatusWord(s: ActionStatus): string {
  switch (s) {
    case 'planned':
      return m.actions_status_planned({}, inReport());
    case 'in-progress':
      return m.actions_status_in_progress({}, inReport());
    case 'done':
      return m.actions_status_done({}, inReport());
    case 'dropped':
      return m.actions_status_dropped({}, inReport());
  }
}

export function actionPriorityWord(p: ActionPriority): string {
  switch (p) {
    case 'high':
      return m.actions_priority_high({}, inReport());
    case 'medium':
      return m.actions_priority_medium({}, inReport());
    case 'low':
      return m.actions_priority_low({}, inReport());
  }
}

export function strategyPhaseWord(p: StrategyPhase): string {
  switch (p) {
    case 'initiation':
      return m.actions_phase_initiation({}, inReport());
    case 'stocktaking':
      return m.actions_phase_stocktaking({}, inReport());
    case 'production':
      return m.actions_phase_production({}, inReport());
    case 'implementation':
      return m.actions_phase_implementation({}, inReport());
    case 'monitoring':
      return m.actions_phase_monitoring({}, inReport());
  }
}

export function fundingWord(f: FundingSource): string {
  switch (f) {
    case 'budget':
      return m.actions_funding_budget({}, inReport());
    case 'donor':
      return m.actions_funding_donor({}, inReport());
    case 'mixed':
      return m.actions_funding_mixed({}, inReport());
    case 'unknown':
      return m.actions_funding_unknown({}, inReport());
  }
}

/** A calendar day's quarter: "2027 Q1" / "T1 2027". */
export function quarterWord(year: number, quarter: number): string {
  return m.actions_quarter({ year: String(year), quarter: String(quarter) }, inReport());
}
