import { loadGroupSession } from '$lib/state/group-session';

export function load({ params }) {
  return { session: loadGroupSession(params.assessment, params.group) };
}
