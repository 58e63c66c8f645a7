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
