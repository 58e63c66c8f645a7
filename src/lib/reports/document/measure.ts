/**
 * Heights of blocks as the renderer will lay them out (estimates for tables), so a heading stays
 * with what follows it, a chart with its caption, and a group (one question of a blank form) on
 * one page.
 */
import type { jsPDF } from 'jspdf';
import { barsHeight, barsLead } from './bars';
import type { ChartImage } from './charts';
import { choiceHeight, LINE_SPACING } from './forms';
import { fitHeading } from './headings';
import { ladderHeight, ladderRowHeight } from './ladders';
import type { Block } from './model';
import {
  BOTTOM,
  CAPTION_ROOM,
  CONTENT_WIDTH,
  HEADING_SIZES,
  lineCount,
  lineHeight,
  MARGIN,
  PAGE_ROOM,
  paragraphSize
} from './page';
import { firstRowsHeight } from './tables';

/** The size a chart is printed at: the content width, or less when it would not fit a page. */
export function chartBox(image: Pick<ChartImage, 'widthPx' | 'heightPx'>): {
  width: number;
  height: number;
} {
  const room = BOTTOM - MARGIN.top - CAPTION_ROOM;
  let width = CONTENT_WIDTH;
  let height = (width * image.heightPx) / image.widthPx;
  if (height > room) {
    height = room;
    width = (height * image.widthPx) / image.heightPx;
  }
  return { width, height };
}

/**
 * Heights as drawBlocks will use them (estimates for tables), to keep a heading with what
 * follows it and a group (one question of a blank form) on one page.
 */
export class Measure {
  constructor(
    readonly doc: jsPDF,
    readonly charts: Map<Block, ChartImage>
  ) {}

  full(block: Block): number {
    switch (block.kind) {
      case 'title':
        return (
          18 +
          lineCount(this.doc, fitHeading(block.text, 'title'), 26, true) * lineHeight(26) +
          (block.subtitle ? 1 + lineCount(this.doc, block.subtitle, 13) * lineHeight(13) : 0) +
          8
        );
      case 'heading': {
        const size = HEADING_SIZES[block.level];
        return (
          (block.level === 1 ? 2 : 3) +
          lineCount(this.doc, fitHeading(block.text, 'heading'), size, true) * lineHeight(size) +
          (block.level === 1 ? 3 : 1.5)
        );
      }
      case 'paragraph': {
        const size = paragraphSize(block.tone);
        return lineCount(this.doc, block.text, size, block.tone === 'bold') * lineHeight(size) + 2;
      }
      case 'table':
        return firstRowsHeight(this.doc, block, block.rows.length) + 4;
      case 'chart': {
        if (block.chart.type === 'bar') return barsHeight(this.doc, block.chart) + CAPTION_ROOM;
        const image = this.charts.get(block);
        return image ? chartBox(image).height + CAPTION_ROOM : 0;
      }
      case 'ladder':
        return ladderHeight(this.doc, block);
      case 'choices':
        return block.inline
          ? 7
          : block.items.reduce((sum, item) => sum + choiceHeight(this.doc, item), 0) + 1;
      case 'lines':
        return block.count * LINE_SPACING + 2;
      case 'group':
        return block.blocks.reduce((sum, b) => sum + this.full(b), 0);
      case 'pageBreak':
        return 0;
    }
  }

  /**
   * What must follow a heading on its page, from `blocks[index]` on: a run of headings (a
   * chapter's title, then its first section's) and the start of what comes after them, so no
   * heading is left alone at the foot of a page.
   */
  leadAfter(blocks: Block[], index: number): number {
    const block = blocks[index];
    if (block?.kind === 'heading') return this.full(block) + this.leadAfter(blocks, index + 1);
    return this.lead(block);
  }

  /** The least of a block that must follow a heading on the same page. */
  lead(block: Block | undefined): number {
    if (!block) return 0;
    switch (block.kind) {
      case 'paragraph': {
        const size = paragraphSize(block.tone);
        const lines = lineCount(this.doc, block.text, size, block.tone === 'bold');
        return Math.min(lines, 2) * lineHeight(size);
      }
      case 'table':
        return firstRowsHeight(this.doc, block, 1) + 2;
      case 'ladder': {
        const first = block.rows[0];
        return first ? ladderRowHeight(this.doc, first) : 0;
      }
      case 'choices': {
        const first = block.items[0];
        return block.inline || !first ? 7 : choiceHeight(this.doc, first);
      }
      case 'lines':
        return LINE_SPACING;
      case 'chart':
        return block.chart.type === 'bar'
          ? Math.min(this.full(block), barsLead(this.doc, block.chart) + 10)
          : Math.min(this.full(block), PAGE_ROOM / 2);
      case 'group': {
        const full = this.full(block);
        return full <= PAGE_ROOM ? full : this.lead(block.blocks[0]);
      }
      default:
        return Math.min(this.full(block), PAGE_ROOM / 2);
    }
  }
}
