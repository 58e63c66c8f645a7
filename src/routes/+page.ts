import { loadDashboard } from '$lib/state/loads';

export function load() {
  return loadDashboard();
}
