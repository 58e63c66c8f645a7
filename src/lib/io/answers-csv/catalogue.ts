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
      report('questionnaire_id', 'csv.questionnaire-empty');
      return null;
    }
    if (!versions) {
      // Named by title, with the id a cell must hold.
      const known = list([...this.byId].map(([key, versions]) => `${versions[0]!.title} (${key})`));
      report('questionnaire_id', known ? 'csv.questionnaire-unknown' : 'csv.questionnaire-none', {
        id,
        known
      });
      return null;
    }
    if (versionText && pinned && versionText !== pinned) {
      report('questionnaire_version', 'csv.version-not-pinned', {
        id,
        pinned,
        version: versionText
      });
      return null;
    }
    const wanted = versionText || pinned;
    const found = wanted ? versions.find((q) => q.version === wanted) : versions[0];
    if (!found) {
      const available = list(versions.map((q) => q.version));
      report(
        versionText ? 'questionnaire_version' : 'questionnaire_id',
        versionText ? 'csv.version-unavailable' : 'csv.pinned-version-unavailable',
        { id, version: wanted ?? '', available }
      );
      return null;
    }
    return found;
  }

  /** The question a row names in the questionnaire it names. */
  question(questionnaire: Questionnaire, get: Get, report: Report): Question | null {
    const id = get('question_id');
    if (id === '') {
      report('question_id', 'csv.question-empty');
      return null;
    }
    const question = this.questions.get(questionnaire)?.get(id);
    if (!question) {
      report('question_id', 'csv.question-unknown', {
        questionnaire: questionnaire.title,
        version: questionnaire.version,
        id
      });
      return null;
    }
    return question;
  }
}
