import { loadNewAssessment } from '$lib/state/loads';

export function load() {
  return loadNewAssessment();
}
