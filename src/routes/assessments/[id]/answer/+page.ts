import { linkParams } from '$lib/format/links';
import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';

export async function load({ parent, params }) {
  const { questionnaires } = await parent();
  const first = questionnaires[0];
  const section = first?.sections[0];
  if (!first || !section) return {};
  redirect(
    307,
    resolve(
      '/assessments/[id]/answer/[questionnaire]/[section]',
      linkParams({
        id: params.id,
        questionnaire: first.id,
        section: section.id
      })
    )
  );
}
