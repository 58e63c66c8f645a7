import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { loadPlan } from '$lib/state/action-plan';

export async function load({ params }) {
  const loaded = await loadPlan(params.id);
  if (!loaded) error(404, m.actions_not_found());
  return loaded;
}
