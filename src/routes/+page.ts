import { listAssessments, listSummaries } from '$lib/storage/assessments';

export async function load() {
  const [assessments, summaries] = await Promise.all([listAssessments(), listSummaries()]);
  return { assessments, summaries };
}
