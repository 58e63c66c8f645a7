import { error } from '@sveltejs/kit';
import { loadDiff } from '$lib/state/loads';

export async function load({ params }) {
  const loaded = await loadDiff(params.a, params.b);
  if (!loaded) {
    error(404, 'One of the two assessments is not in this browser. It may have been deleted.');
  }
  return loaded;
}
