/**
 * A report as plain data: what to print, not how. Report builders (country report, blank form,
 * later the comparison report) return a `ReportDocument`; the renderer lays it out with jsPDF.
 * Keeping the two apart lets every string be checked for printability before anything heavy
 * loads, and lets builders be unit-tested without a browser.
 */
import type { ChartShape } from '$lib/charts/types';
import type { Locale } from '$lib/paraglide/runtime.js';

/** A table cell: text, or text with emphasis / spanning. */
export type Cell =
  | string
  | {
      text: string;
      bold?: boolean;
      /** Number of columns the cell spans (group rows such as a section title). */
      span?: number;
      /** Light grey background, for group rows. */
      shade?: boolean;
      muted?: boolean;
      /** Background colour as #rrggbb (e.g. a heat-map cell); overrides `shade`. */
      fill?: string;
      /** Text colour as #rrggbb; overrides `muted`. */
      colour?: string;
    };

export interface TableRow {
  cells: Cell[];
  /** Where the row's text comes from, named for the user when it cannot be printed. */
  where?: string;
}

export interface ColumnSpec {
  header: string;
  /** Width in millimetres; omitted columns share what is left. */
  width?: number;
  align?: 'left' | 'right';
  bold?: boolean;
}

/** A chart as the builders in `$lib/charts` shape it, at a size for paper. */
export interface ChartSpec extends ChartShape {
  /** Size of the drawing in CSS pixels; it is drawn at a higher pixel ratio for print. */
  widthPx: number;
  heightPx: number;
}

export interface ChoiceItem {
  /** Bold part, e.g. "3 Established" or "Don't know". */
  label: string;
  /** Descriptor after the label; may be empty. */
  text: string;
}

/** One scope on a stage ladder: the scale's stages as rungs, where it stands and where it aims. */
export interface LadderRow {
  /** The scope: "Overall" or a questionnaire title. */
  title: string;
  /** Figures under the title, e.g. "Score 62.5 of 100 · level 3.5 of 5". */
  detail: string;
  /** Stage names, lowest first. */
  rungs: string[];
  /** Index in `rungs` of the stage reached; null when the scope has no stage. */
  here: number | null;
  /** Index in `rungs` of the stage aimed at; null when none. */
  aim: number | null;
  /** What the picture cannot say: provisional, capped, no stage. Empty when nothing. */
  note: string;
}

export type Block =
  /** Large centred-left title for a cover. */
  | { kind: 'title'; text: string; subtitle?: string; where?: string }
  | {
      kind: 'heading';
      level: 1 | 2 | 3;
      text: string;
      /** Start a new page first. */
      newPage?: boolean;
      /** Add to the PDF's bookmarks (outline). */
      bookmark?: boolean;
      where?: string;
    }
  | { kind: 'paragraph'; text: string; tone?: 'normal' | 'muted' | 'bold'; where?: string }
  | {
      kind: 'table';
      columns: ColumnSpec[];
      rows: TableRow[];
      /** A bold header row spanning every column, above the column headers. */
      title?: string;
      /** Smaller type for dense tables. */
      dense?: boolean;
      /** Print the column headers (default true). */
      showHeader?: boolean;
      where?: string;
    }
  | { kind: 'chart'; chart: ChartSpec; caption: string }
  /**
   * Stage ladders, one row per scope: drawn as vector rungs in a PDF, a shaded table in Word.
   * `here` and `aim` name the two marks; `scopeHeader` heads the first column of the table.
   */
  | {
      kind: 'ladder';
      rows: LadderRow[];
      here: string;
      aim: string;
      scopeHeader: string;
      /** A sentence for readers who cannot see the drawing (Word alt text, PDF caption). */
      caption: string;
      where?: string;
    }
  /** Tick boxes, one per line (`inline`: all on one line, labels only). */
  | { kind: 'choices'; items: ChoiceItem[]; inline?: boolean; where?: string }
  /** Ruled lines to write on, with a label before the first. */
  | { kind: 'lines'; label: string; count: number }
  /** Blocks kept on one page when they fit on one (e.g. one question of a blank form). */
  | { kind: 'group'; blocks: Block[] }
  | { kind: 'pageBreak' };

/** What every page carries (docs/file-formats.md, "PDF reports": classification, provenance note, page numbers). */
export interface PageDecor {
  /** Left of the running header, e.g. "Kenya · 2026-11-28". */
  headerLeft: string;
  /** Right of the running header: the classification, e.g. "TLP:AMBER". */
  classification: string;
  /** TLP colour of the classification label; null prints it plain. */
  classificationColour: string | null;
  /** Left of the footer, e.g. "Self-assessment — not independently validated". */
  footer: string;
  /** Diagonal text across every page, e.g. for drafts; null for none. */
  watermark: string | null;
}

export type Paper = 'a4' | 'letter';

export interface ReportDocument {
  /** PDF metadata. */
  title: string;
  subject: string;
  /** Paper size; A4 when not given. */
  paper?: Paper;
  /**
   * The language the document is written in (its assessment's; report-locale.ts): the PDF and
   * Word language, page numbers and chart numbers follow it. The interface language when absent.
   */
  locale?: Locale;
  decor: PageDecor;
  blocks: Block[];
}

/** Every printed string of a document with where it comes from, for the printability check. */
export function documentTexts(doc: ReportDocument): { text: string; where: string }[] {
  const out: { text: string; where: string }[] = [];
  const add = (text: string | undefined, where: string | undefined) => {
    if (text) out.push({ text, where: where ?? 'the report text' });
  };
  add(doc.decor.headerLeft, 'the page header');
  add(doc.decor.classification, 'the page header');
  add(doc.decor.footer, 'the page footer');
  add(doc.decor.watermark ?? undefined, 'the watermark');
  addBlocks(doc.blocks, add);
  return out;
}

function addBlocks(
  blocks: Block[],
  add: (text: string | undefined, where: string | undefined) => void
): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        add(block.text, block.where);
        add(block.subtitle, block.where);
        break;
      case 'heading':
      case 'paragraph':
        add(block.text, block.where);
        break;
      case 'table':
        add(block.title, block.where);
        for (const c of block.columns) add(c.header, block.where);
        for (const row of block.rows) {
          for (const cell of row.cells) {
            add(typeof cell === 'string' ? cell : cell.text, row.where ?? block.where);
          }
        }
        break;
      case 'choices':
        for (const item of block.items) {
          add(item.label, block.where);
          add(item.text, block.where);
        }
        break;
      case 'lines':
        add(block.label, undefined);
        break;
      case 'ladder':
        for (const t of [block.here, block.aim, block.scopeHeader, block.caption]) {
          add(t, block.where);
        }
        for (const row of block.rows) {
          for (const t of [row.title, row.detail, row.note, ...row.rungs]) add(t, block.where);
        }
        break;
      // Chart labels are drawn by the browser's canvas, which shapes every script.
      case 'chart':
        add(block.caption, undefined);
        break;
      case 'group':
        addBlocks(block.blocks, add);
        break;
      case 'pageBreak':
        break;
    }
  }
}
