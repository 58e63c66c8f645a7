/**
 * The rows of one assessment in an answers CSV, gathered as they are read: its details (which
 * every row may repeat but none may contradict), the questionnaire versions it uses and its
 * answers.
 */
import type { AnswerMap } from '../../domain/assessment/model';
import type { GroupAnswers } from '../../domain/workshop/answers';
import {
  GROUP_KINDS,
  GROUP_NAME_MAX,
  newGroup,
  sameGroupName,
  type Group as WorkshopGroup,
  type GroupKind
} from '../../domain/workshop/groups';
import type { AssessmentScope } from '../../domain/questionnaire/core';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { isCalendarDate, isCountryCode } from '../../domain/field-rules';
import { INTEGER, type AnswersColumn } from './format';
import type { Get, Report } from './rows';

export interface ParsedAssessmentDetails {
  country: string;
  title: string;
  date: string;
  respondent: string;
  target: number | undefined;
  /** `assessment_scope`: `core`, or `full` when the file says full or nothing. */
  scope: AssessmentScope;
}

export interface ParsedAssessment {
  /** `assessment_id` from the file; null when the file has no such column or the cells are blank. */
  id: string | null;
  /** The assessment columns, when the file fills them (always when creating assessments). */
  details: ParsedAssessmentDetails | null;
  /** Questionnaires named in its rows, in first-appearance order. */
  questionnaires: { id: string; version: string }[];
  answers: AnswerMap;
  /**
   * Stakeholder groups its rows name in the `group` column: when the file creates the
   * assessment, one per distinct value in order of appearance; otherwise none (the rows use the
   * assessment's own groups).
   */
  groups: WorkshopGroup[];
  /** The group rows' answers, keyed `groupId/questionnaireId/questionId`. */
  groupAnswers: GroupAnswers;
  /** Spreadsheet row of its first line, and how many rows it has (previews). */
  firstRow: number;
  rowCount: number;
}

const DETAIL_COLUMNS: readonly AnswersColumn[] = [
  'country',
  'assessment_title',
  'assessment_date',
  'respondent',
  'assessment_target',
  'assessment_scope'
];

/** The code of what is wrong with an assessment cell, or null when it is fine. Dates and
 * countries follow the rules bundles and backups use (domain/field-rules.ts). */
function detailProblem(column: AnswersColumn, text: string): string | null {
  switch (column) {
    case 'country':
      return isCountryCode(text.toUpperCase()) ? null : 'csv.country-invalid';
    case 'assessment_date':
      return isCalendarDate(text) ? null : 'csv.date-invalid';
    case 'assessment_target':
      return INTEGER.test(text) ? null : 'csv.assessment-target-invalid';
    case 'assessment_scope':
      return SCOPE_WORDS.has(text.toLowerCase()) ? null : 'csv.scope-invalid';
    default:
      return null;
  }
}

const SCOPE_WORDS = new Set(['full', 'core']);

/** `ke` and `KE` are the same country, `Core` and `core` the same scope; titles keep their case. */
function sameDetail(column: AnswersColumn, a: string, b: string): boolean {
  return (
    a === b ||
    ((column === 'country' || column === 'assessment_scope') && a.toUpperCase() === b.toUpperCase())
  );
}

/** Most groups an assessment holds (the assessment schema's limit). */
const MAX_GROUPS = 100;

/** The rows of one assessment_id, gathered as they are read. */
export class Group {
  readonly answers: AnswerMap = {};
  readonly groupAnswers: GroupAnswers = {};
  /** Groups the file creates for this assessment, with the row each first appeared on. */
  readonly workshopGroups: WorkshopGroup[] = [];
  private readonly groupRows: number[] = [];
  rowCount = 0;
  /** First non-blank value of each assessment column and its row: later rows must agree. */
  private readonly values = new Map<AnswersColumn, { text: string; row: number }>();
  /** The version of each questionnaire, in first-appearance order, and its first row. */
  private readonly versions = new Map<string, { version: string; row: number }>();
  /** The scope the first filled `assessment_scope` cell names (asked on every row). */
  private namedScope: AssessmentScope = 'full';

  constructor(
    readonly id: string | null,
    readonly firstRow: number
  ) {}

  /** Records the row's assessment cells; a blank cell means "as on the other rows". */
  readDetails(row: number, get: Get, report: Report): void {
    this.rowCount++;
    for (const column of DETAIL_COLUMNS) {
      const text = get(column);
      const first = this.values.get(column);
      if (text === '') continue;
      if (!first) {
        this.values.set(column, { text, row });
        if (column === 'assessment_scope' && text.toLowerCase() === 'core') {
          this.namedScope = 'core';
        }
        const wrong = detailProblem(column, text);
        if (wrong) report(column, wrong, { text });
      } else if (!sameDetail(column, first.text, text)) {
        report(column, 'csv.detail-differs', { text, first: first.text, row: first.row });
      }
    }
  }

  /** Pins the questionnaire's version; false (and a problem) when the group pinned another. */
  pin(questionnaire: Questionnaire, row: number, report: Report): boolean {
    const pinned = this.versions.get(questionnaire.id);
    if (!pinned) {
      this.versions.set(questionnaire.id, { version: questionnaire.version, row });
    } else if (pinned.version !== questionnaire.version) {
      report('questionnaire_version', 'csv.version-mixed', {
        id: questionnaire.id,
        version: questionnaire.version,
        other: pinned.version,
        row: pinned.row
      });
      return false;
    }
    return true;
  }

  /**
   * The id of the group a row's `group` cell names (docs/file-formats.md, the answers CSV's
   * `group` column), or null after reporting why it cannot be used. In an existing assessment
   * (`existing` given) the cell names one of its groups, by id, then by name (trimmed,
   * case-insensitive); when the file creates the assessment each new value becomes a group: a
   * value equal to a kind gets that kind, any other is a group of kind "other" with that name.
   */
  groupOf(
    value: string,
    row: number,
    existing: readonly WorkshopGroup[] | null,
    report: Report
  ): string | null {
    const known = existing ?? this.workshopGroups;
    const found =
      known.find((g) => g.id === value) ?? known.find((g) => sameGroupName(g.name, value));
    if (found) return found.id;
    if (existing) {
      if (existing.length === 0) report('group', 'csv.group-needs-workshop');
      else {
        report('group', 'workshop.csv-group-unknown', {
          group: value,
          known: existing.map((g) => g.name).join(', ')
        });
      }
      return null;
    }
    if (value.length > GROUP_NAME_MAX) {
      report('group', 'workshop.csv-group-too-long', { max: GROUP_NAME_MAX });
      return null;
    }
    if (this.workshopGroups.length >= MAX_GROUPS) {
      report('group', 'workshop.csv-too-many-groups', { max: MAX_GROUPS });
      return null;
    }
    const lower = value.toLowerCase();
    const kind: GroupKind = (GROUP_KINDS as readonly string[]).includes(lower)
      ? (lower as GroupKind)
      : 'other';
    const group = newGroup(this.workshopGroups, { name: value, kind });
    this.workshopGroups.push(group);
    this.groupRows.push(row);
    return group.id;
  }

  /** The row of the only group the file names for this assessment, when it names just one. */
  loneGroup(): { name: string; row: number } | null {
    return this.workshopGroups.length === 1
      ? { name: this.workshopGroups[0]!.name, row: this.groupRows[0]! }
      : null;
  }

  /** The scope the rows name so far: core only when a row says so. */
  scope(): AssessmentScope {
    return this.namedScope;
  }

  /** Assessment columns that creating an assessment needs but no row fills. */
  missingDetails(): AnswersColumn[] {
    const needed: AnswersColumn[] = ['country', 'assessment_title', 'assessment_date'];
    return needed.filter((column) => !this.values.has(column));
  }

  result(): ParsedAssessment {
    const value = (column: AnswersColumn) => this.values.get(column)?.text;
    const [country, title, date] = [
      value('country'),
      value('assessment_title'),
      value('assessment_date')
    ];
    const target = value('assessment_target');
    return {
      id: this.id,
      details:
        country && title && date
          ? {
              country: country.toUpperCase(),
              title,
              date,
              respondent: value('respondent') ?? '',
              target: target === undefined ? undefined : Number(target),
              scope: this.scope()
            }
          : null,
      questionnaires: [...this.versions].map(([id, { version }]) => ({ id, version })),
      answers: this.answers,
      groups: this.workshopGroups,
      groupAnswers: this.groupAnswers,
      firstRow: this.firstRow,
      rowCount: this.rowCount
    };
  }
}
