/**
 * The one-page method of the reports: docs/scoring.md in plain words, as the "About the method"
 * screen (src/routes/method/+page.svelte) explains it. When a scoring rule changes, change both.
 */
import { PROVISIONAL_BELOW, STAGE_SHARE } from '$lib/domain/scoring/score';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import type { Block } from './document/model';
import { wholePercent } from './labels';
import { inReport, reportLocale } from './report-locale';

/** The lowest and highest value of the scale the report's questionnaires use. */
export interface ScaleRange {
  min: number;
  max: number;
}

/** The rules, step by step, in the interface language. */
function rules(range: ScaleRange | undefined): [string, string][] {
  return [
    [
      m.reports_method_question({}, inReport()),
      range
        ? m.reports_method_question_rule_scale(
            {
              min: formatNumber(range.min, reportLocale()),
              max: formatNumber(range.max, reportLocale())
            },
            inReport()
          )
        : m.reports_method_question_rule({}, inReport())
    ],
    [m.reports_method_section({}, inReport()), m.reports_method_section_rule({}, inReport())],
    [
      m.reports_method_questionnaire({}, inReport()),
      m.reports_method_questionnaire_rule({}, inReport())
    ],
    [m.reports_method_overall({}, inReport()), m.reports_method_overall_rule({}, inReport())],
    [m.reports_method_display({}, inReport()), m.reports_method_display_rule({}, inReport())],
    [
      m.reports_method_stage({}, inReport()),
      m.reports_method_stage_rule({ share: wholePercent(STAGE_SHARE) }, inReport())
    ],
    [
      m.reports_method_stage({}, inReport()),
      m.reports_method_stage_provisional({ threshold: wholePercent(PROVISIONAL_BELOW) }, inReport())
    ],
    [
      m.reports_method_completion({}, inReport()),
      m.reports_method_completion_rule({ threshold: wholePercent(PROVISIONAL_BELOW) }, inReport())
    ],
    [m.reports_method_target({}, inReport()), m.reports_method_target_rule({}, inReport())],
    [m.reports_method_priorities({}, inReport()), m.reports_method_priorities_rule({}, inReport())]
  ];
}

/**
 * The method page, starting on a page of its own; `range` is the scale of the questionnaires
 * reported on, so the example levels are theirs (absent: the five CMM stages, 1 to 5).
 */
export function methodBlocks(range?: ScaleRange): Block[] {
  return [
    {
      kind: 'heading',
      level: 1,
      text: m.reports_method_title({}, inReport()),
      newPage: true,
      bookmark: true
    },
    { kind: 'paragraph', text: m.reports_method_intro({}, inReport()) },
    {
      kind: 'table',
      dense: true,
      columns: [
        { header: m.reports_col_step({}, inReport()), width: 38, bold: true },
        { header: m.reports_col_rule({}, inReport()) }
      ],
      rows: rules(range).map(([step, rule]) => ({ cells: [step, rule] }))
    },
    { kind: 'paragraph', tone: 'muted', text: m.reports_method_same({}, inReport()) }
  ];
}
