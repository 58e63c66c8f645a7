/**
 * The workshop record report's request (docs/file-formats.md, "PDF reports"), read at the moment
 * it is asked for: the consensus answers, the group answers and their history, and the pinned
 * questionnaires. Types only from reports: the report code loads when the button is pressed.
 */
import type { Assessment } from '$lib/domain/assessment/model';
import type { ReportRequest } from '$lib/reports/request';
import { getAnswers } from '$lib/storage/assessments';
import { getWorkshop } from '$lib/storage/workshop';
import { chosenPaper } from './brief';
import { loadAllPinned } from './questionnaires';

/** The request for the workshop record of one assessment with groups. */
export async function workshopRecordRequest(assessment: Assessment): Promise<ReportRequest> {
  const [questionnaires, answers, workshop] = await Promise.all([
    loadAllPinned(assessment.questionnaires),
    getAnswers(assessment.id),
    getWorkshop(assessment.id)
  ]);
  return {
    kind: 'workshop',
    assessment,
    questionnaires,
    answers,
    workshop,
    paper: chosenPaper()
  };
}
