// A Thai official document (หนังสือ/เอกสารราชการ) as DOCX, built with the `docx` library: cover page,
// foreword, table of contents, numbered headings, paragraphs, lists, tables with Thai headers (repeated on
// every page), signature blocks. A4, the margins of the correspondence rules (ระเบียบงานสารบรรณ: left 3 cm,
// right 2 cm, top 2.5 cm, bottom 2 cm), Sarabun 16 pt (embedded), page numbers at the top centre from the
// second page, Thai digits throughout as an option. Callers (measures, provincial plans) describe content
// only; the layout lives here.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  type ISectionOptions,
  LevelFormat,
  LineRuleType,
  convertMillimetersToTwip as mm,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { digits } from '../../core/documents/thai-text.ts';
import { SARABUN, sarabunFaces } from './fonts.ts';

export type Align = 'left' | 'center' | 'right' | 'justify';

/**
 * A table cell: text (lines separated by "\n"), or several lines, bold, aligned, spanning columns; `verbatim`
 * lines (web addresses, file names) keep their digits in a Thai-digit document, or they would no longer work.
 */
export type OfficialCell =
  | string
  | { lines: string[]; bold?: boolean; align?: Align; span?: number; bullets?: boolean; verbatim?: boolean };

export type OfficialBlock =
  | {
      kind: 'heading';
      level: 1 | 2 | 3;
      text: string;
      /** Numbered "1.", "1.1", "1.1.1" by the builder, in order of appearance. */
      numbered?: boolean;
      /** In the table of contents (levels 1 and 2 only). Default true. */
      inContents?: boolean;
      pageBreakBefore?: boolean;
      align?: Align;
    }
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: Align; bold?: boolean }
  | { kind: 'list'; items: string[]; numbered?: boolean }
  | {
      kind: 'table';
      columns: { header: string; width: number; align?: Align }[];
      rows: OfficialCell[][];
      /** Bold header cells on grey, repeated at the top of every page the table runs onto. */
      caption?: string;
    }
  | { kind: 'signature'; lines: string[] }
  | { kind: 'pageBreak' };

export interface OfficialDocument {
  /** Document title (file properties). */
  title: string;
  cover: {
    /** The big title, one entry per line. */
    titleLines: string[];
    /** Under the title: the agency, its province… */
    organisationLines: string[];
    /** Bottom of the cover: the month and year as agencies write it ("กุมภาพันธ์ 2566"). */
    dateLine: string;
  };
  foreword?: { heading: string; paragraphs: string[]; signOff: string[] };
  /** Heading of the table of contents ("สารบัญ"); no table when absent. */
  contents?: { heading: string; pageLabel: string };
  body: OfficialBlock[];
  thaiDigits: boolean;
}

/** Sizes in half-points (docx's unit): 16 pt body, 14 pt in tables, 20 pt chapter headings, 24 pt cover title. */
const SIZE = { body: 32, table: 28, h1: 40, h2: 36, h3: 32, cover: 48, coverSub: 36 } as const;
const A4 = { width: mm(210), height: mm(297) } as const;
const MARGIN = { top: mm(25), bottom: mm(20), left: mm(30), right: mm(20), header: mm(12), footer: mm(10) };
/** Width of the text column: 210 − 30 − 20 = 160 mm. */
const TEXT_WIDTH = mm(160);
const FIRST_LINE_INDENT = mm(25); // the customary 2.5 cm first-line indent of Thai official paragraphs

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.THAI_DISTRIBUTE,
};

/** The DOCX file of a document. */
export async function officialDocx(doc: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(officialDocument(doc));
}

/** The `docx` Document (exported for tests that inspect the structure). */
export function officialDocument(doc: OfficialDocument): Document {
  const t = (s: string) => digits(s, doc.thaiDigits);
  const faces = sarabunFaces();
  const front = frontMatter(doc, t);
  const sections: ISectionOptions[] = [
    // The cover and the front matter (foreword, contents) carry no page number; the body starts at 1.
    { properties: pageProperties(), children: coverPage(doc, t) },
    ...(front.length ? [{ properties: pageProperties(), children: front }] : []),
    {
      properties: {
        page: {
          ...pageProperties().page,
          // Word numbers the pages ๑ ๒ ๓ in a Thai-digit document; LibreOffice's PDF keeps 1 2 3 (below).
          pageNumbers: { start: 1, ...(doc.thaiDigits ? { formatType: NumberFormat.THAI_NUMBERS } : {}) },
        },
      },
      headers: { default: pageNumberHeader() },
      children: bodyBlocks(doc.body, t),
    },
  ];
  return new Document({
    title: doc.title,
    creator: 'Prongsai',
    fonts: [{ name: SARABUN, data: faces.regular, bold: faces.bold }],
    // Page numbers of the contents worked out from the pages laid out with Sarabun's own widths; Thai has no
    // spaces between words, so lines are a guess (Word and LibreOffice break by dictionary): a best guess,
    // which the PDF conversion corrects when the guess was off (see pdf.ts).
    pageNumbers: estimatePageNumbersWith({
      fonts: [
        { data: faces.regular, name: SARABUN },
        { data: faces.bold, name: SARABUN },
      ],
      guess: true,
    }),
    styles: documentStyles(),
    numbering: {
      config: [
        {
          reference: 'numbered-list',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections,
  });
}

function pageProperties() {
  return { page: { size: A4, margin: MARGIN } } satisfies ISectionOptions['properties'];
}

/** "- ๒ -" at the top centre, as Thai official documents number their pages. */
function pageNumberHeader(): Header {
  // A Thai-digit document asks for w:fmt="thaiNumbers" (the section's page numbering above): Word shows ๑ ๒ ๓,
  // LibreOffice (7.4) and so the PDF show 1 2 3 — no way found gives Thai digits in LibreOffice's PDF. Tried, rendered and read back from the PDF's text layer: w:pgNumType
  // w:fmt="thaiNumbers" (Word ๑ ๒ ๓) and "thaiCounting" → LibreOffice prints 1 2 3; w:fmt="thaiLetters" and the
  // field switches \\* ThaiArabic, \\* ThaiCardText → ก ข ค; the PAGE run tagged Thai (w:lang th-TH, w:cs),
  // also with the converter's profile set to context numerals (CTLTextNumerals) → 1 2 3.
  const number = new TextRun({ children: [PageNumber.CURRENT] });
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun('- '), number, new TextRun(' -')],
      }),
    ],
  });
}

function documentStyles() {
  const font = { ascii: SARABUN, hAnsi: SARABUN, cs: SARABUN, eastAsia: SARABUN };
  const heading = (size: number, before: number) => ({
    run: { font, size, sizeComplexScript: size, bold: true, boldComplexScript: true, color: '000000' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font, size: SIZE.body, sizeComplexScript: SIZE.body, language: { value: 'th-TH' } },
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 0 } },
      },
      heading1: heading(SIZE.h1, 240),
      heading2: heading(SIZE.h2, 200),
      heading3: heading(SIZE.h3, 160),
      title: heading(SIZE.cover, 0),
    },
  };
}

function coverPage(doc: OfficialDocument, t: (s: string) => string): Paragraph[] {
  const line = (text: string, size: number, bold: boolean, before = 0) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before, after: 120 },
      children: [
        new TextRun({ text: t(text), size, sizeComplexScript: size, bold, boldComplexScript: bold }),
      ],
    });
  return [
    ...doc.cover.titleLines.map((l, i) => line(l, SIZE.cover, true, i === 0 ? mm(60) : 0)),
    ...doc.cover.organisationLines.map((l, i) => line(l, SIZE.coverSub, true, i === 0 ? mm(30) : 0)),
    line(doc.cover.dateLine, SIZE.coverSub, false, mm(60)),
  ];
}

function frontMatter(doc: OfficialDocument, t: (s: string) => string): (Paragraph | TableOfContents)[] {
  const out: (Paragraph | TableOfContents)[] = [];
  if (doc.foreword) {
    out.push(centredTitle(t(doc.foreword.heading)));
    for (const p of doc.foreword.paragraphs) out.push(paragraph(t(p), { indent: true, align: 'justify' }));
    out.push(...signature(doc.foreword.signOff.map(t)));
  }
  if (doc.contents) {
    out.push(centredTitle(t(doc.contents.heading), Boolean(doc.foreword)));
    out.push(paragraph(t(doc.contents.pageLabel), { align: 'right', bold: true }));
    out.push(new TableOfContents(doc.contents.heading, { hyperlink: true, headingStyleRange: '1-2' }));
  }
  return out;
}

function centredTitle(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore,
    spacing: { after: 240 },
    children: [
      new TextRun({ text, size: SIZE.h1, sizeComplexScript: SIZE.h1, bold: true, boldComplexScript: true }),
    ],
  });
}

function paragraph(text: string, opts: { indent?: boolean; align?: Align; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[opts.align ?? 'justify'],
    indent: opts.indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: opts.bold, boldComplexScript: opts.bold })],
  });
}

function signature(lines: string[]): Paragraph[] {
  return lines.map(
    (l, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { left: mm(70) },
        spacing: { before: i === 0 ? 480 : 0 },
        children: [new TextRun(l)],
      }),
  );
}

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function bodyBlocks(blocks: OfficialBlock[], t: (s: string) => string): (Paragraph | Table)[] {
  const counters = [0, 0, 0];
  const out: (Paragraph | Table)[] = [];
  let pendingBreak = false;
  for (const [i, b] of blocks.entries()) {
    switch (b.kind) {
      case 'heading': {
        let text = b.text;
        if (b.numbered) {
          counters[b.level - 1] = (counters[b.level - 1] ?? 0) + 1;
          for (let i = b.level; i < counters.length; i++) counters[i] = 0;
          const n = counters.slice(0, b.level).join('.');
          text = `${b.level === 1 ? `${n}.` : n} ${b.text}`;
        }
        const inContents = b.inContents !== false && b.level <= 2;
        out.push(
          new Paragraph({
            // Headings left out of the contents are written as bold paragraphs of the heading's size.
            heading: inContents ? HEADING[b.level] : undefined,
            alignment: ALIGN[b.align ?? 'left'],
            pageBreakBefore: Boolean(b.pageBreakBefore || pendingBreak),
            keepNext: true,
            spacing: inContents ? undefined : { before: 160, after: 120 },
            children: [
              new TextRun({
                text: t(text),
                ...(inContents ? {} : { bold: true, boldComplexScript: true }),
              }),
            ],
          }),
        );
        pendingBreak = false;
        break;
      }
      case 'paragraph':
        out.push(paragraph(t(b.text), { indent: b.indent ?? true, align: b.align, bold: b.bold }));
        break;
      case 'list':
        for (const item of b.items)
          out.push(
            new Paragraph({
              ...(b.numbered
                ? { numbering: { reference: 'numbered-list', level: 0 } }
                : { bullet: { level: 0 } }),
              alignment: ALIGN.justify,
              children: [new TextRun(t(item))],
            }),
          );
        break;
      case 'table':
        if (b.caption)
          out.push(
            new Paragraph({
              keepNext: true,
              spacing: { before: 120, after: 60 },
              children: [new TextRun({ text: t(b.caption), bold: true, boldComplexScript: true })],
            }),
          );
        out.push(table(b, t));
        // Space after the table, unless a new page follows anyway (the space alone would spill onto a page
        // of its own when the table ends at the foot of one).
        if (!startsNewPage(blocks[i + 1])) out.push(new Paragraph({ children: [] }));
        break;
      case 'signature':
        out.push(...signature(b.lines.map(t)));
        break;
      case 'pageBreak':
        pendingBreak = true;
        break;
    }
  }
  return out;
}

const startsNewPage = (b: OfficialBlock | undefined) =>
  b !== undefined && (b.kind === 'pageBreak' || (b.kind === 'heading' && Boolean(b.pageBreakBefore)));

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER } as const;

const line = (l: string, bullet: boolean) => (bullet ? `- ${l}` : l);

function table(b: Extract<OfficialBlock, { kind: 'table' }>, t: (s: string) => string): Table {
  const totalShare = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.floor((TEXT_WIDTH * c.width) / totalShare));
  const cellParagraphs = (lines: string[], align: Align, bold: boolean, bullets: boolean, verbatim = false) =>
    lines.map(
      (l) =>
        new Paragraph({
          alignment: ALIGN[align === 'justify' ? 'left' : align],
          children: [
            new TextRun({
              text: verbatim ? line(l, bullets) : t(line(l, bullets)),
              bold,
              boldComplexScript: bold,
              size: SIZE.table,
              sizeComplexScript: SIZE.table,
            }),
          ],
        }),
    );
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          borders: BORDERS,
          verticalAlign: VerticalAlignTable.CENTER,
          shading: { type: ShadingType.CLEAR, fill: 'D9D9D9', color: 'auto' },
          children: cellParagraphs(c.header.split('\n'), 'center', true, false),
        }),
    ),
  });
  const rows = b.rows.map((cells) => {
    let col = 0;
    const children = cells.map((cell) => {
      const c = typeof cell === 'string' ? { lines: cell.split('\n') } : cell;
      const span = 'span' in c && c.span ? c.span : 1;
      const width = widths.slice(col, col + span).reduce((s, w) => s + w, 0);
      const align = ('align' in c && c.align) || b.columns[col]?.align || 'left';
      col += span;
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        columnSpan: span > 1 ? span : undefined,
        borders: BORDERS,
        margins: { left: mm(1.5), right: mm(1.5) },
        children: cellParagraphs(
          c.lines.length ? c.lines : [''],
          align,
          Boolean('bold' in c && c.bold),
          Boolean('bullets' in c && c.bullets),
          Boolean('verbatim' in c && c.verbatim),
        ),
      });
    });
    return new TableRow({ children });
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}
