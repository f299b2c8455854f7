// The layout of Vietnamese administrative forms on pdfkit (NĐ 30/2020 Phụ lục I; TT 01/2018 forms):
// agency block left, national motto right, number, place and date, centred title, body in 13 pt
// Times-metric type, bordered tables, signature blocks. Every string goes through `clean()` (NFC,
// no invisible or control characters) before it reaches the page: NFD input would render garbled.
import PDFDocument from 'pdfkit';
import { cleanText } from '../../../domain/text/vietnamese.ts';
import { tinosFonts } from './fonts.ts';

const MM = 72 / 25.4;

export interface HeaderBlock {
  governingAgency: string;
  agencyName: string;
  /** Document number and symbol, e.g. "15/HDHS"; omitted when empty. */
  number?: string | undefined;
  /** Place-and-date line without the place, e.g. "ngày 05 tháng 5 năm 2026". */
  placeDate: string;
  place: string;
}

export interface TableColumn {
  header: string;
  /** Relative width; columns share the available width in proportion. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface SignatureBlock {
  title: string;
  note?: string;
  name?: string;
}

export function clean(text: string | number | null | undefined): string {
  return text === null || text === undefined ? '' : cleanText(String(text));
}

export class FormWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly #chunks: Buffer[] = [];
  readonly #done: Promise<Buffer>;
  readonly fontSize: number;

  constructor(options: { title: string; landscape?: boolean; fontSize?: number; author?: string }) {
    this.fontSize = options.fontSize ?? 13;
    // NĐ 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    const margins = options.landscape
      ? { top: 15 * MM, bottom: 15 * MM, left: 20 * MM, right: 15 * MM }
      : { top: 20 * MM, bottom: 18 * MM, left: 30 * MM, right: 18 * MM };
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margins,
      bufferPages: true,
      info: {
        Title: clean(options.title),
        Author: clean(options.author ?? 'MotCua'),
        Producer: 'MotCua',
        Creator: 'MotCua',
      },
    });
    const fonts = tinosFonts();
    this.doc.registerFont('regular', fonts.regular);
    this.doc.registerFont('bold', fonts.bold);
    this.doc.registerFont('italic', fonts.italic);
    this.doc.registerFont('boldItalic', fonts.boldItalic);
    this.doc.font('regular').fontSize(this.fontSize);
    this.doc.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
    this.#done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.#chunks)));
      this.doc.on('error', reject);
    });
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when less than `height` points are left. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
    }
  }

  /** Agency left, national motto right (TT 01/2018 common header; NĐ 30/2020 ô số 1–4). */
  header(h: HeaderBlock, options: { leftWeight?: number } = {}): void {
    const { doc } = this;
    const top = doc.y;
    const leftWidth = this.width * (options.leftWeight ?? 0.42);
    const rightX = this.left + leftWidth;
    const rightWidth = this.width - leftWidth;
    const size = this.fontSize - 1;

    doc.font('regular').fontSize(size);
    doc.text(clean(h.governingAgency).toUpperCase(), this.left, top, { width: leftWidth, align: 'center' });
    doc.font('bold').text(clean(h.agencyName).toUpperCase(), this.left, doc.y, {
      width: leftWidth,
      align: 'center',
    });
    this.#rule(this.left + leftWidth / 3, doc.y + 1, leftWidth / 3);
    doc.y += 6;
    if (h.number) {
      doc
        .font('regular')
        .text(`Số: ${clean(h.number)}`, this.left, doc.y, { width: leftWidth, align: 'center' });
    }
    const leftBottom = doc.y;

    doc.font('bold').fontSize(size);
    doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightWidth, align: 'center' });
    doc.fontSize(size + 1);
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    const mottoWidth = doc.widthOfString(motto);
    doc.text(motto, rightX, doc.y, { width: rightWidth, align: 'center' });
    this.#rule(rightX + (rightWidth - mottoWidth) / 2, doc.y + 1, mottoWidth);
    doc.y += 8;
    doc.font('italic').fontSize(size + 1);
    doc.text(`${clean(h.place)}, ${clean(h.placeDate)}`, rightX, doc.y, {
      width: rightWidth,
      align: 'center',
    });
    const rightBottom = doc.y;

    doc.font('regular').fontSize(this.fontSize);
    doc.x = this.left;
    doc.y = Math.max(leftBottom, rightBottom) + 18;
  }

  #rule(x: number, y: number, length: number): void {
    this.doc
      .save()
      .lineWidth(0.6)
      .moveTo(x, y)
      .lineTo(x + length, y)
      .stroke()
      .restore();
  }

  title(text: string, subtitle?: string): void {
    const { doc } = this;
    doc.font('bold').fontSize(this.fontSize + 1);
    doc.text(clean(text).toUpperCase(), this.left, doc.y, { width: this.width, align: 'center' });
    if (subtitle) {
      doc.font('italic').fontSize(this.fontSize);
      doc.text(clean(subtitle), this.left, doc.y + 2, { width: this.width, align: 'center' });
    }
    doc.font('regular').fontSize(this.fontSize);
    doc.moveDown(0.8);
  }

  /** A centred line, e.g. "Mã hồ sơ: …" or "Kính gửi: …". */
  centred(text: string, style: 'regular' | 'bold' | 'italic' = 'regular'): void {
    this.doc.font(style).text(clean(text), this.left, this.doc.y, { width: this.width, align: 'center' });
    this.doc.font('regular');
  }

  /** One centred line mixing faces, e.g. a regular label and a bold value, within `width`. */
  centredRuns(runs: Array<{ text: string; style: 'regular' | 'bold' | 'italic' }>, width = this.width): void {
    const { doc } = this;
    // pdfkit drops a run's trailing space, so spaces between runs are advanced by hand.
    const measured = runs.map((r) => {
      doc.font(r.style).fontSize(this.fontSize);
      const shown = clean(r.text);
      const gap = /\s$/.test(r.text) ? doc.widthOfString(' ') : 0;
      return { ...r, text: shown, width: doc.widthOfString(shown) + gap };
    });
    const total = measured.reduce((sum, r) => sum + r.width, 0);
    let x = this.left + Math.max(0, (width - total) / 2);
    const y = doc.y;
    for (const r of measured) {
      doc.font(r.style).text(r.text, x, y, { lineBreak: false });
      x += r.width;
    }
    doc.font('regular');
    doc.x = this.left;
    doc.y = y + doc.currentLineHeight(true);
  }

  paragraph(text: string, options: { indent?: boolean; style?: 'regular' | 'italic' | 'bold' } = {}): void {
    const { doc } = this;
    doc.font(options.style ?? 'regular').fontSize(this.fontSize);
    doc.text(clean(text), this.left, doc.y, {
      width: this.width,
      align: 'justify',
      indent: options.indent ? 10 * MM : 0,
      paragraphGap: 3,
    });
    doc.font('regular');
  }

  /** "Label: value" with the value in bold; an empty value prints a dotted line to fill in by hand. */
  field(label: string, value: string | null | undefined, options: { x?: number; width?: number } = {}): void {
    const { doc } = this;
    const x = options.x ?? this.left;
    const width = options.width ?? this.width - (x - this.left);
    const shown = clean(value);
    doc.font('regular').fontSize(this.fontSize);
    doc.text(`${clean(label)}: `, x, doc.y, { width, continued: true, paragraphGap: 2 });
    if (shown) {
      doc.font('bold').text(shown, { width, paragraphGap: 2 });
    } else {
      doc.text('.'.repeat(40), { width, paragraphGap: 2 });
    }
    doc.font('regular');
  }

  /** A bordered table; rows grow with their text and the header repeats on each new page. */
  table(
    columns: TableColumn[],
    rows: string[][],
    options: { fontSize?: number; headerHeight?: number } = {},
  ): void {
    const { doc } = this;
    const size = options.fontSize ?? this.fontSize - 1;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (this.width * c.weight) / total);
    const pad = 4;

    const rowHeight = (cells: string[], font: string) => {
      doc.font(font).fontSize(size);
      return Math.max(
        ...cells.map((cell, i) =>
          doc.heightOfString(clean(cell) || ' ', { width: (widths[i] ?? 0) - 2 * pad }),
        ),
      );
    };
    const drawRow = (cells: string[], font: string, aligns: Array<'left' | 'center' | 'right'>) => {
      const height = rowHeight(cells, font) + 2 * pad;
      if (doc.y + height > this.bottom) {
        doc.addPage();
        drawHeader();
      }
      const y = doc.y;
      let x = this.left;
      doc.font(font).fontSize(size);
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        doc.save().lineWidth(0.5).rect(x, y, w, height).stroke().restore();
        doc.text(clean(cell), x + pad, y + pad, { width: w - 2 * pad, align: aligns[i] ?? 'left' });
        x += w;
      });
      doc.x = this.left;
      doc.y = y + height;
    };
    const drawHeader = () =>
      drawRow(
        columns.map((c) => c.header),
        'bold',
        columns.map(() => 'center'),
      );

    drawHeader();
    for (const row of rows) {
      drawRow(
        row,
        'regular',
        columns.map((c) => c.align ?? 'left'),
      );
    }
    doc.font('regular').fontSize(this.fontSize);
    doc.moveDown(0.6);
  }

  /** Signature blocks side by side: title, "(Ký và ghi rõ họ tên)", room to sign, printed name. */
  signatures(blocks: SignatureBlock[], options: { space?: number; offsetWeight?: number } = {}): void {
    const { doc } = this;
    const space = options.space ?? 62;
    this.ensureSpace(space + 70);
    const top = doc.y + 6;
    // A single block sits on the right half, as signatures do on Vietnamese forms.
    const slots = blocks.length === 1 ? 2 : blocks.length;
    const colWidth = this.width / slots;
    let bottom = top;
    blocks.forEach((block, index) => {
      const x = this.left + colWidth * (blocks.length === 1 ? 1 : index);
      doc.font('bold').fontSize(this.fontSize).text(clean(block.title).toUpperCase(), x, top, {
        width: colWidth,
        align: 'center',
      });
      if (block.note) {
        doc
          .font('italic')
          .fontSize(this.fontSize - 1)
          .text(clean(block.note), x, doc.y, {
            width: colWidth,
            align: 'center',
          });
      }
      const nameY = doc.y + space;
      if (block.name) {
        doc
          .font('bold')
          .fontSize(this.fontSize)
          .text(clean(block.name), x, nameY, { width: colWidth, align: 'center' });
      }
      bottom = Math.max(bottom, block.name ? doc.y : nameY);
    });
    doc.font('regular').fontSize(this.fontSize);
    doc.x = this.left;
    doc.y = bottom + 10;
  }

  /** A small-print line at the current position (notes, "Nơi nhận", hints). */
  note(text: string, style: 'regular' | 'italic' | 'bold' = 'italic', size?: number): void {
    this.doc.font(style).fontSize(size ?? this.fontSize - 2);
    this.doc.text(clean(text), this.left, this.doc.y, { width: this.width, align: 'left' });
    this.doc.font('regular').fontSize(this.fontSize);
  }

  /** Page numbers "Trang x/y" at the bottom centre when the document runs to several pages. */
  #numberPages(): void {
    const range = this.doc.bufferedPageRange();
    if (range.count < 2) {
      return;
    }
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.font('italic').fontSize(10);
      this.doc.text(`Trang ${i + 1}/${range.count}`, this.left, this.doc.page.height - bottomMargin / 2 - 5, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      this.doc.page.margins.bottom = bottomMargin;
    }
  }

  async finish(): Promise<Buffer> {
    this.#numberPages();
    this.doc.end();
    return this.#done;
  }
}
