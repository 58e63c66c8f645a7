/**
 * The answers CSV and the answer template (docs/file-formats.md): what a ministry fills in a
 * spreadsheet and sends back. One file per idea: `format` (header, columns, words), `write`,
 * `header` (reading the header row), `rows` (one row → one answer), `catalogue` and `group`
 * (which questionnaire a row names, which assessment it belongs to) and `read` (the whole file).
 *
 * Relative imports only: the command line runs this folder with tsx, and a Web Worker imports it.
 */
export type { Problem } from '../csv';
export {
  ANSWERS_HEADER,
  type AnswersColumn,
  type AnswersCsvAssessment,
  type AnswersExportItem
} from './format';
export type { ParsedAssessment, ParsedAssessmentDetails } from './group';
export {
  checkAnswerRows,
  parseAnswersFile,
  readAnswersCsv,
  type AnswersCsvResult,
  type ParseAnswersOptions,
  type ParsedAnswersFile,
  type ReadAnswersOptions,
  type ReadProgress
} from './read';
export type { CsvNote } from './header';
export { scoreRead, type ScoringFields } from './score';
export { writeAnswerTemplate, writeAnswersCsv } from './write';
