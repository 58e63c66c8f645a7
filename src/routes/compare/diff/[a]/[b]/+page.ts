import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { loadDiff } from '$lib/state/diff-load';

export async function load({ params }) {
  const loaded = await loadDiff(params.a, params.b);
  if (!loaded) {
    error(404, m.compare_diff_missing());
  }
  return loaded;
}
