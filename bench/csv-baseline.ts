/**
 * The CSV row's baseline records (DESIGN's "papaparse parse + bulkPut of the same data as
 * per-assessment records"): papaparse's rows, in header mode, grouped into one assessment record
 * (the assessment columns) and one answers record (every answer column the row fills) per
 * assessment. The bench runs it in the page from its source text, so it holds no named inner
 * function (the bench runner's transpiler would wrap one in a helper the page lacks);
 * `csv-stages.ts` runs it in Node.
 */
export function baselineRecords(
  rows: readonly Record<string, string>[],
  now: string
): { assessments: Record<string, unknown>[]; answers: Record<string, unknown>[] } {
  const TEXT_COLUMNS = [
    ['na_reason', 'naReason'],
    ['regional', 'regional'],
    ['evidence', 'evidence'],
    ['comment', 'comment'],
    ['rationale', 'rationale']
  ];
  const groups = new Map<
    string,
    {
      assessment: Record<string, unknown>;
      pins: { id: string; version: string }[];
      answers: Record<string, unknown>;
    }
  >();
  for (const row of rows) {
    const id = row['assessment_id'] ?? '';
    let group = groups.get(id);
    if (!group) {
      const pins: { id: string; version: string }[] = [];
      group = {
        assessment: {
          id,
          country: row['country'],
          title: row['assessment_title'],
          date: row['assessment_date'],
          respondent: row['respondent'],
          target: row['assessment_target'] ? Number(row['assessment_target']) : undefined,
          scope: row['assessment_scope'] || undefined,
          questionnaires: pins,
          updatedAt: now
        },
        pins,
        answers: {}
      };
      groups.set(id, group);
    }
    if (!group.pins.some((p) => p.id === row['questionnaire_id'])) {
      group.pins.push({
        id: row['questionnaire_id'] ?? '',
        version: row['questionnaire_version'] ?? ''
      });
    }
    const answer: Record<string, unknown> = { state: row['state'] || 'level', updatedAt: now };
    const level = row['level'] ?? '';
    if (level) answer['level'] = /^\d+$/.test(level) ? Number(level) : level;
    if (row['target']) answer['target'] = Number(row['target']);
    for (const [column, field] of TEXT_COLUMNS) if (row[column!]) answer[field!] = row[column!];
    group.answers[`${row['questionnaire_id']}/${row['question_id']}`] = answer;
  }
  return {
    assessments: [...groups.values()].map((g) => g.assessment),
    answers: [...groups].map(([assessmentId, g]) => ({ assessmentId, answers: g.answers }))
  };
}
