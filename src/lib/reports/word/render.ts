/**
 * Writes a ReportDocument as a Word file (.docx) with the `docx` package: the format ministries
 * edit, and the accessible one — real headings (Heading 1–3, so Word's navigation pane and screen
 * readers see the outline), tables whose header rows repeat and are marked as headers, alt text
 * on every image, the document's language set. The classification is in every page's header and
 * footer; a draft says "DRAFT — not for citation" in every header (Word has no watermark that
 * survives editing). Stage ladders become shaded tables.
 *
 * Loaded only when a Word file is asked for; runs in the browser and in Node alike (the tests
 * build files in Node and open them in LibreOffice).
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType
} from 'docx';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Block, Cell, LadderRow, ReportDocument } from '../document/model';
import { PAPER_SIZES, CONTENT_WIDTH } from '../document/page';
import { cleanText } from '../document/text';

export type Progress = (step: string) => void;

/** A chart already drawn as an image (JPEG bytes), keyed by its block. */
export interface WordImage {
  data: Uint8Array;
  widthPx: number;
  heightPx: number;
}

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
/** Half-points, as Word counts type sizes. */
const BODY = 21;
const SMALL = 19;
const MUTED = '545A63';
const HEAD_FILL = 'E4EAF1';
const GROUP_FILL = 'F3F5F8';
const REACHED = 'CFDFF0';
const HERE = '1F497D';
const AIM = 'B05400';
/** Images at most this wide on the page (CSS pixels at 96 per inch ≈ 170 mm). */
const IMAGE_WIDTH = 640;

/** Runs of a text, its line breaks kept. */
function runs(text: string, style: { bold?: boolean; color?: string; size?: number } = {}) {
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...style }));
}

function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

function widthsOf(columns: { width?: number }[]): number[] {
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const flexible = columns.filter((c) => c.width === undefined).length;
  const share = flexible ? Math.max(15, (CONTENT_WIDTH - fixed) / flexible) : 0;
  const widths = columns.map((c) => c.width ?? share);
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w / total) * 100);
}

function cell(
  children: Paragraph[],
  opts: { fill?: string; span?: number; width?: number } = {}
): TableCell {
  return new TableCell({
    children,
    columnSpan: opts.span,
    width: opts.width === undefined ? undefined : { size: opts.width, type: WidthType.PERCENTAGE },
    shading: opts.fill
      ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill.replace('#', '') }
      : undefined
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const widths = widthsOf(block.columns);
  const size = block.dense ? SMALL : BODY;
  const rows: TableRow[] = [];
  if (block.title) {
    rows.push(
      new TableRow({
        tableHeader: true,
        children: [
          cell([new Paragraph({ children: runs(block.title, { bold: true, size: BODY }) })], {
            span: block.columns.length,
            fill: HEAD_FILL
          })
        ]
      })
    );
  }
  if (block.showHeader !== false) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.columns.map((c, i) =>
          cell([new Paragraph({ children: runs(c.header, { bold: true, size }) })], {
            fill: HEAD_FILL,
            width: widths[i]
          })
        )
      })
    );
  }
  for (const row of block.rows) {
    let column = 0;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: row.cells.map((c) => {
          const spec = block.columns[column];
          const span = typeof c === 'string' ? 1 : (c.span ?? 1);
          const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          const style: Exclude<Cell, string> = typeof c === 'string' ? { text: c } : c;
          return cell(
            [
              new Paragraph({
                alignment: spec?.align === 'right' ? AlignmentType.RIGHT : undefined,
                children: runs(cellText(c), {
                  bold: style.bold || spec?.bold,
                  color: style.colour?.replace('#', '') ?? (style.muted ? MUTED : undefined),
                  size
                })
              })
            ],
            { span, width, fill: style.fill ?? (style.shade ? GROUP_FILL : undefined) }
          );
        })
      })
    );
  }
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** A stage ladder as a table: one row per scope, one shaded cell per stage. */
function ladder(block: Extract<Block, { kind: 'ladder' }>): (Paragraph | Table)[] {
  const stages = Math.max(...block.rows.map((r) => r.rungs.length), 1);
  const first = block.rows[0]?.rungs ?? [];
  const same = block.rows.every((r) => r.rungs.join('\n') === first.join('\n'));
  const scopeWidth = 34;
  const stageWidth = (100 - scopeWidth) / stages;
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell([new Paragraph({ children: runs(block.scopeHeader, { bold: true, size: SMALL }) })], {
        fill: HEAD_FILL,
        width: scopeWidth
      }),
      ...Array.from({ length: stages }, (_, i) =>
        cell(
          [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: runs(same ? (first[i] ?? '') : String(i + 1), { bold: true, size: SMALL })
            })
          ],
          { fill: HEAD_FILL, width: stageWidth }
        )
      )
    ]
  });
  const body = block.rows.map((row: LadderRow) => {
    const scope = [
      new Paragraph({ children: runs(row.title, { bold: true, size: BODY }) }),
      ...(row.detail
        ? [new Paragraph({ children: runs(row.detail, { color: MUTED, size: SMALL }) })]
        : []),
      ...(row.note
        ? [new Paragraph({ children: runs(row.note, { color: MUTED, size: SMALL }) })]
        : [])
    ];
    const rungs = Array.from({ length: stages }, (_, i) => {
      const here = row.here === i;
      const reached = row.here !== null && i <= row.here;
      const marks = [here ? block.here : '', row.aim === i ? block.aim : ''].filter(Boolean);
      const lines: Paragraph[] = [];
      if (!same && row.rungs[i]) {
        lines.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: runs(row.rungs[i]!, { size: SMALL, color: here ? 'FFFFFF' : undefined })
          })
        );
      }
      lines.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: runs(marks.join(' · '), {
            bold: true,
            size: SMALL,
            color: here ? 'FFFFFF' : row.aim === i ? AIM : undefined
          })
        })
      );
      return cell(lines, {
        width: stageWidth,
        fill: here ? HERE : reached ? REACHED : i < row.rungs.length ? undefined : GROUP_FILL
      });
    });
    return new TableRow({
      cantSplit: true,
      children: [cell(scope, { width: scopeWidth }), ...rungs]
    });
  });
  return [
    new Paragraph({ children: runs(block.caption, { color: MUTED, size: SMALL }) }),
    new Table({ rows: [header, ...body], width: { size: 100, type: WidthType.PERCENTAGE } })
  ];
}

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3
} as const;

function blocksOf(
  blocks: Block[],
  images: ReadonlyMap<Block, WordImage>,
  out: (Paragraph | Table)[]
): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(block.text) }));
        if (block.subtitle) {
          out.push(new Paragraph({ children: runs(block.subtitle, { color: MUTED, size: 26 }) }));
        }
        break;
      case 'heading':
        out.push(
          new Paragraph({
            heading: HEADINGS[block.level],
            keepNext: true,
            keepLines: true,
            pageBreakBefore: Boolean(block.newPage) && out.length > 0,
            children: runs(block.text)
          })
        );
        break;
      case 'paragraph':
        out.push(
          new Paragraph({
            children: runs(block.text, {
              bold: block.tone === 'bold',
              color: block.tone === 'muted' ? MUTED : undefined,
              size: block.tone === 'muted' ? SMALL : BODY
            })
          })
        );
        break;
      case 'table':
        out.push(table(block), new Paragraph({ children: [] }));
        break;
      case 'ladder':
        out.push(...ladder(block), new Paragraph({ children: [] }));
        break;
      case 'chart': {
        const image = images.get(block);
        if (image) {
          const width = Math.min(IMAGE_WIDTH, image.widthPx);
          out.push(
            new Paragraph({
              keepNext: true,
              alignment: AlignmentType.CENTER,
              children: [
                new ImageRun({
                  type: 'jpg',
                  data: image.data,
                  transformation: {
                    width,
                    height: Math.round((width * image.heightPx) / image.widthPx)
                  },
                  altText: {
                    name: cleanText(block.caption).slice(0, 60),
                    title: cleanText(block.caption).slice(0, 60),
                    description: cleanText(block.caption)
                  }
                })
              ]
            })
          );
        }
        out.push(new Paragraph({ children: runs(block.caption, { color: MUTED, size: SMALL }) }));
        break;
      }
      case 'choices':
        for (const item of block.items) {
          out.push(
            new Paragraph({
              children: [
                new TextRun({ text: '☐ ' }),
                ...runs(item.label, { bold: true }),
                ...(item.text ? runs(` ${item.text}`) : [])
              ]
            })
          );
        }
        break;
      case 'lines':
        out.push(new Paragraph({ children: runs(block.label) }));
        break;
      case 'group':
        blocksOf(block.blocks, images, out);
        break;
      case 'pageBreak':
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
}

function header(report: ReportDocument): Header {
  const d = report.decor;
  const right = twips(CONTENT_WIDTH);
  const children: Paragraph[] = [
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: right }],
      children: [
        ...runs(d.headerLeft, { color: MUTED, size: 17 }),
        new TextRun({ children: [new Tab()] }),
        ...runs(d.classification, { bold: true, size: 18 })
      ]
    })
  ];
  if (d.watermark) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: runs(d.watermark, { bold: true, color: 'A00000', size: 20 })
      })
    );
  }
  return new Header({ children });
}

function footer(report: ReportDocument): Footer {
  const d = report.decor;
  const locale = report.locale ?? getLocale();
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: twips(CONTENT_WIDTH) }],
        children: [
          ...runs(`${d.footer} · ${d.classification}`, { color: MUTED, size: 16 }),
          new TextRun({ children: [new Tab()] }),
          new TextRun({
            children: [
              m.outputs_word_page({}, { locale }),
              ' ',
              PageNumber.CURRENT,
              ' ',
              m.outputs_word_of({}, { locale }),
              ' ',
              PageNumber.TOTAL_PAGES
            ],
            color: MUTED,
            size: 16
          })
        ]
      })
    ]
  });
}

/** The Word document object (exported for tests that inspect it before packing). */
export function wordDocument(
  report: ReportDocument,
  images: ReadonlyMap<Block, WordImage> = new Map()
): Document {
  const body: (Paragraph | Table)[] = [];
  blocksOf(report.blocks, images, body);
  const paper = PAPER_SIZES[report.paper ?? 'a4'];
  const side = (paper.width - CONTENT_WIDTH) / 2;
  const language = (report.locale ?? getLocale()) === 'fr' ? 'fr-FR' : 'en-GB';
  return new Document({
    title: cleanText(report.title),
    subject: cleanText(report.subject),
    creator: 'NCS Self-Assessment',
    lastModifiedBy: 'NCS Self-Assessment',
    description: cleanText(report.decor.footer),
    styles: {
      default: {
        document: {
          run: { language: { value: language }, size: BODY, font: 'Calibri' },
          paragraph: { spacing: { after: 60 } }
        }
      }
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(paper.width), height: twips(paper.height) },
            margin: {
              top: twips(24),
              bottom: twips(20),
              left: twips(side),
              right: twips(side),
              header: twips(9),
              footer: twips(9)
            }
          }
        },
        headers: { default: header(report) },
        footers: { default: footer(report) },
        children: body
      }
    ]
  });
}

/** The Word file of a document. */
export async function renderWord(
  report: ReportDocument,
  progress: Progress,
  images: ReadonlyMap<Block, WordImage> = new Map()
): Promise<Blob> {
  progress(m.outputs_progress_word());
  await new Promise((resolve) => setTimeout(resolve, 0));
  const blob = await Packer.toBlob(wordDocument(report, images));
  // Packer's blob carries no type in Node; give it the Word type either way.
  return new Blob([blob], {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  });
}
