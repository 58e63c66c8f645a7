/**
 * Chart labels split into lines at spaces, so chart.js draws them whole: it gives a category
 * axis at most half the chart's width and cuts off what does not fit. The screen wraps to the
 * width it has (narrower on a phone); the print renderer to its fixed width.
 */

/**
 * Splits a label into lines of at most `width` characters, at spaces (a longer word stays whole).
 * @example wrapLabel('Legal framework (Privacy and data protection)', 20) // ['Legal framework', '(Privacy and data', 'protection)']
 */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
