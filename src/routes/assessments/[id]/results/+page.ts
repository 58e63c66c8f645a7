import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { loadForAnswering } from '$lib/state/assessment-actions';

export async function load({ params }) {
  const loaded = await loadForAnswering(params.id);
  if (!loaded) error(404, m.results_not_found());
  return loaded;
}
