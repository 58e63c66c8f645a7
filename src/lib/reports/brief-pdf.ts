/**
 * The executive brief as a PDF of at most two pages. Long text is cut to a budget first; when a
 * rendering still takes more than two pages (very long titles, a long French summary), the brief
 * is built again with tighter budgets and rendered again, up to the tightest step.
 *
 * Loaded only when a brief is asked for: it brings jsPDF with it.
 */
import { buildBrief, BRIEF_TIGHTEST, type BriefInput } from './brief';
import type { FontFiles } from './document/fonts';
import { renderDocument, type Progress, type RenderedReport } from './document/render';

/** The most pages a brief may take. */
export const BRIEF_PAGES = 2;

export async function renderBrief(
  input: BriefInput,
  fonts: FontFiles,
  progress: Progress
): Promise<RenderedReport> {
  for (let tightness = 0; ; tightness++) {
    const rendered = await renderDocument(buildBrief({ ...input, tightness }), fonts, progress);
    if (rendered.pages <= BRIEF_PAGES || tightness >= BRIEF_TIGHTEST) return rendered;
  }
}
