/**
 * A count with its noun, for messages: "1 assessment", "2,000 assessments".
 * @example plural(2000, 'assessment') // '2,000 assessments'
 */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
