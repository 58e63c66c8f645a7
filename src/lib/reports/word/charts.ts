/**
 * Charts for a Word file: the same images the PDF prints (document/charts.ts), as JPEG bytes
 * keyed by their block. Browser only: chart.js draws on a canvas.
 */
import { getLocale } from '$lib/paraglide/runtime.js';
import { renderChart } from '../document/charts';
import type { Block, ReportDocument } from '../document/model';
import type { WordImage } from './render';

function chartBlocks(blocks: Block[]): Extract<Block, { kind: 'chart' }>[] {
  return blocks.flatMap((b) =>
    b.kind === 'group' ? chartBlocks(b.blocks) : b.kind === 'chart' ? [b] : []
  );
}

function bytesOf(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Every chart of the document drawn once. */
export function wordImages(report: ReportDocument): Map<Block, WordImage> {
  const images = new Map<Block, WordImage>();
  const locale = report.locale ?? getLocale();
  for (const block of chartBlocks(report.blocks)) {
    const image = renderChart(block.chart, locale);
    images.set(block, {
      data: bytesOf(image.dataUrl),
      widthPx: image.widthPx,
      heightPx: image.heightPx
    });
  }
  return images;
}
