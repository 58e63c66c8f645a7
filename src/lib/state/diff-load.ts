/**
 * What the item diff of two assessments reads: both assessments, their answers and pinned
 * questionnaires, and for a workshop its groups' answers. Kept apart from loads.ts so that the
 * workshop store (and the schemas it brings) stays out of the dashboard's first load
 * (docs/performance.md).
 */
import { getAnswers, getAssessment } from '$lib/storage/assessments';
import { getWorkshop } from '$lib/storage/workshop';
import type { Assessment } from '$lib/domain/assessment/model';
import type { WorkshopSide } from '$lib/domain/comparison/group-diff';
import { loadAllPinned } from './questionnaires';

/**
 * The item diff of two assessments, which reads answers, unlike the rest of the comparison;
 * null when either is not in this browser.
 */
export async function loadDiff(a: string, b: string) {
  const [before, after] = await Promise.all([getAssessment(a), getAssessment(b)]);
  if (!before || !after) return null;
  const [answersBefore, answersAfter, questionnairesBefore, questionnairesAfter, groups] =
    await Promise.all([
      getAnswers(before.id),
      getAnswers(after.id),
      loadAllPinned(before.questionnaires),
      loadAllPinned(after.questionnaires),
      Promise.all([workshopSide(before), workshopSide(after)])
    ]);
  return {
    before,
    after,
    answersBefore,
    answersAfter,
    questionnairesBefore,
    questionnairesAfter,
    groupsBefore: groups[0],
    groupsAfter: groups[1]
  };
}

/**
 * A workshop's groups and their answers for the item diff (shown beside the consensus, never
 * compared); null for an assessment without groups.
 */
async function workshopSide(assessment: Assessment): Promise<WorkshopSide | null> {
  const groups = assessment.groups ?? [];
  if (groups.length === 0) return null;
  const record = await getWorkshop(assessment.id);
  return { groups, anonymise: assessment.anonymiseGroups ?? false, answers: record.answers };
}
