import { loadGroupSession } from '$lib/state/group-session';

export async function load({ params }) {
  return { session: await loadGroupSession(params.assessment, params.group) };
}
