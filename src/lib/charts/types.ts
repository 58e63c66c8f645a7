/** What a chart shows, as plain data: the same object feeds the canvas and its data table. */
export interface ChartSeries {
  label: string;
  /** Percentages 0–100 or null (not scored), already rounded for display. */
  values: (number | null)[];
}

export interface ChartData {
  labels: string[];
  series: ChartSeries[];
}

/**
 * The numbers behind a chart as a table a reader (or a screen reader) can use instead of the
 * drawing: a header over the value columns, then one row per line of the table.
 */
export interface ChartTable {
  /** Header of the first column, which names each row. */
  corner: string;
  /** Headers of the value columns. */
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

/** How a chart is drawn: its kind and value axis, and the numbers it draws. */
export interface ChartShape {
  type: 'radar' | 'bar';
  data: ChartData;
  /** Bars run left to right, one category per line (long labels stay readable). */
  horizontal?: boolean;
  /** Title of the value axis of a bar chart. */
  axisLabel?: string;
  /** Top of the value axis; absent: 100 for a radar, chart.js's choice for bars. */
  max?: number;
}

/**
 * A chart as both the screen and the PDF draw it: its shape, what it shows in words, and the
 * numbers behind it. Built once, from domain results, by the builders in this folder.
 */
export interface ChartPlan extends ChartShape {
  /** What it shows, lower case, e.g. "current and target score (0–100) per questionnaire". */
  summary: string;
  table: ChartTable;
}
