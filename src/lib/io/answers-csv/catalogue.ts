/**
 * The questionnaires an answers CSV may name, every version: which questionnaire and question a
 * row means, reported with what exists when the row names something else.
 */
import type { Question, Questionnaire } from '../../domain/questionnaire/schema';
import { compareVersions } from '../../domain/questionnaire/version';
import { list } from './format';
import type { Get, Report } from './rows';

/** The questionnaires a file may name, every version, newest first. */
export class Catalogue {
  private readonly byId = new Map<string, Questionnaire[]>();
  private readonly questions = new Map<Questionnaire, Map<string, Question>>();

  constructor(questionnaires: readonly Questionnaire[]) {
    for (const q of questionnaires) {
      this.byId.set(q.id, [...(this.byId.get(q.id) ?? []), q]);
      const entries = q.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const));
      this.questions.set(q, new Map(entries));
    }
    for (const versions of this.byId.values()) {
      versions.sort((a, b) => compareVersions(b.version, a.version));
    }
  }

  /**
   * The questionnaire a row names: its version cell, else the version the assessment pins,
   * else the newest available.
   */
  questionnaire(get: Get, pinned: string | undefined, report: Report): Questionnaire | null {
    const id = get('questionnaire_id');
    const versionText = get('questionnaire_version');
    const versions = this.byId.get(id);
    if (id === '') {
      report(
        'questionnaire_id',
        'questionnaire_id is empty: write the id of the questionnaire this question belongs to'
      );
      return null;
    }
    if (!versions) {
      const known = list([...this.byId.keys()]) || '(none loaded)';
      report(
        'questionnaire_id',
        `unknown questionnaire "${id}": use one of ${known}, or add that questionnaire first`
      );
      return null;
    }
    if (versionText && pinned && versionText !== pinned) {
      report(
        'questionnaire_version',
        `the assessment uses version ${pinned} of "${id}", this row is for ${versionText}: answer the questions of version ${pinned} (export its template) or clear the version cell`
      );
      return null;
    }
    const wanted = versionText || pinned;
    const found = wanted ? versions.find((q) => q.version === wanted) : versions[0];
    if (!found) {
      const available = list(versions.map((q) => q.version));
      report(
        versionText ? 'questionnaire_version' : 'questionnaire_id',
        `version ${wanted} of "${id}" is not available (available: ${available}): add that version first${versionText ? ' or correct the version' : ''}`
      );
      return null;
    }
    return found;
  }

  /** The question a row names in the questionnaire it names. */
  question(questionnaire: Questionnaire, get: Get, report: Report): Question | null {
    const id = get('question_id');
    if (id === '') {
      report(
        'question_id',
        'question_id is empty: write the id of the question (see the answer template)'
      );
      return null;
    }
    const question = this.questions.get(questionnaire)?.get(id);
    if (!question) {
      report(
        'question_id',
        `"${questionnaire.id}" ${questionnaire.version} has no question "${id}": correct the id (the answer template lists them) or delete the row`
      );
      return null;
    }
    return question;
  }
}
