/**
 * What the answer screen's keys act on (docs/architecture.md, "The answer screen"): the
 * question cards on screen, the option a digit names, and scrolling a card's top into view
 * below the sticky save bar.
 */
import type { Question, ScaleLevel } from '$lib/domain/questionnaire/schema';
import { questionOptions, type QuestionOption } from '$lib/domain/questionnaire/options';

/** The question cards of the open section, in screen order. */
export function questionFieldsets(): HTMLFieldSetElement[] {
  return [...document.querySelectorAll<HTMLFieldSetElement>('fieldset.question')];
}

/**
 * The answer a digit key gives a question: k is its k-th option (binary: 1 no, 2 partly,
 * 3 yes), 0 is "don't know"; undefined when the question has no such option.
 * @example answerByKey(maturityQuestion, scale, '3')?.value // 3
 */
export function answerByKey(
  question: Question,
  scale: readonly ScaleLevel[],
  key: string
): QuestionOption | 'unknown' | undefined {
  if (key === '0') return 'unknown';
  return questionOptions(question, scale)[Number(key) - 1];
}

/** The height of the bars that stick to the top of the window as the page scrolls. */
function stickyHeight(): number {
  let height = 0;
  for (const el of document.querySelectorAll<HTMLElement>('[data-sticky-top]')) {
    height = Math.max(height, el.getBoundingClientRect().height);
  }
  return height;
}

/**
 * Moves the focus into a question (its chosen option, else its first, else the card itself)
 * and scrolls so the card's top, with the question's text, sits just below the sticky bar.
 */
export function focusQuestion(card: HTMLFieldSetElement): void {
  const radio =
    card.querySelector<HTMLInputElement>('input[type=radio]:checked:not(:disabled)') ??
    card.querySelector<HTMLInputElement>('input[type=radio]:not(:disabled)');
  (radio ?? card).focus({ preventScroll: true });
  const gap = 8;
  const top = card.getBoundingClientRect().top - stickyHeight() - gap;
  window.scrollBy({ top, behavior: 'instant' });
}
