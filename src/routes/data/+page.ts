import { loadDataScreen } from '$lib/state/loads';

export function load() {
  return loadDataScreen();
}
