/**
 * A question to open with the focus on it when the answer screen next arrives at its section:
 * "Continue" asks for the first unanswered question. Kept in memory only, so a reload arrives
 * at the section heading as any other arrival does (docs/architecture.md, "The answer screen").
 */
let requested: { questionnaireId: string; questionId: string } | null = null;

export function requestQuestionFocus(questionnaireId: string, questionId: string): void {
  requested = { questionnaireId, questionId };
}

/** The pending request, if any, for this section's questions; the request is used up. */
export function takeQuestionFocus(
  questionnaireId: string,
  questionIds: readonly string[]
): string | null {
  const r = requested;
  requested = null;
  if (!r || r.questionnaireId !== questionnaireId || !questionIds.includes(r.questionId)) {
    return null;
  }
  return r.questionId;
}
