// Returning results (ND 61/2018 Đ20): the hand-over receipt the applicant signs, and the mark on a
// paper copy converted from an electronic result (ND 45/2020 Điều 18: a mark saying it was converted,
// the converting person and agency, signed or sealed by that agency).
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PaperConversionMarkModel, ResultHandoverModel } from '../document-models.ts';
import { tinosFonts } from '../pdf/fonts.ts';
import { clean, FormWriter } from '../pdf/form-writer.ts';
import { formatTimeAndDate } from '../pdf/vietnamese-dates.ts';
import { agencyNameOf, headerBlock, type RenderContext, text } from './render-context.ts';

export async function renderResultHandover(model: ResultHandoverModel, ctx: RenderContext): Promise<Buffer> {
  const writer = new FormWriter({ title: `${text(ctx, 'title')} ${model.code}` });
  writer.header(headerBlock(ctx, model));
  writer.title(text(ctx, 'title'));
  writer.centred(`${text(ctx, 'codeLabel')}: ${clean(model.code)}`, 'bold');
  writer.doc.moveDown(0.6);
  writer.paragraph(text(ctx, 'intro', { agencyName: agencyNameOf(ctx, model) }));
  writer.field(text(ctx, 'applicantLabel'), model.applicant.name);
  if (model.applicant.address !== undefined) {
    writer.field(text(ctx, 'addressLabel'), model.applicant.address);
  }
  writer.field(text(ctx, 'phoneLabel'), model.applicant.phone);
  writer.field(text(ctx, 'procedureLabel'), model.procedureName);
  writer.doc.moveDown(0.3);
  writer.paragraph(text(ctx, 'resultsHeading'));
  writer.table(
    [
      { header: text(ctx, 'colNo'), weight: 0.6, align: 'center' },
      { header: text(ctx, 'colName'), weight: 5.5 },
      { header: text(ctx, 'colQuantity'), weight: 1.2, align: 'center' },
      { header: text(ctx, 'colForm'), weight: 1.8, align: 'center' },
    ],
    model.results.map((r, i) => [String(i + 1), r.name, String(r.quantity), text(ctx, r.form)]),
  );
  writer.paragraph(text(ctx, 'returnedLine', { returnedAt: formatTimeAndDate(model.returnedAt) }));
  writer.signatures([
    { title: text(ctx, 'collectorSign'), note: text(ctx, 'signNote'), name: model.collectorName },
    { title: text(ctx, 'officerSign'), note: text(ctx, 'signNote'), name: model.officerName },
  ]);
  return writer.finish();
}

/**
 * Stamps a printed copy of an electronic result: every page carries a one-line conversion mark in its
 * top margin, and a final page carries the full mark (agency, converter, time, dossier code, SHA-256
 * of the electronic original, signature check) with room for the converting agency's seal.
 * The electronic original is never changed: this returns a new PDF for printing.
 */
/** Greedy word wrap of each line to `maxWidth`. */
function wrap(lines: string[], width: (line: string) => number, maxWidth: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let current = '';
    for (const word of line.split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && width(candidate) > maxWidth) {
        out.push(current);
        current = word;
      } else {
        current = candidate;
      }
    }
    out.push(current);
  }
  return out;
}

export async function applyPaperConversionMark(
  original: Uint8Array,
  model: PaperConversionMarkModel,
  ctx: RenderContext,
): Promise<Buffer> {
  const pdf = await PDFDocument.load(original, { ignoreEncryption: false, updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const fonts = tinosFonts();
  // Full embedding: @pdf-lib/fontkit subsetting drops glyphs of TrueType fonts such as Tinos.
  const regular = await pdf.embedFont(fonts.regular, { subset: false });
  const bold = await pdf.embedFont(fonts.bold, { subset: false });
  const values = {
    agencyName: clean(model.agencyName),
    converterName: clean(model.converterName),
    converterTitle: clean(model.converterTitle),
    convertedAt: formatTimeAndDate(model.convertedAt),
    code: clean(model.code),
    sha256: clean(model.originalSha256),
  };
  const red = rgb(0.7, 0, 0);
  const pageMark = text(ctx, 'pageMark', values);
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    const size = 8;
    const textWidth = Math.min(regular.widthOfTextAtSize(pageMark, size), width - 40);
    page.drawText(pageMark, { x: (width - textWidth) / 2, y: height - 16, size, font: regular, color: red });
  }

  const page = pdf.addPage([595.28, 841.89]);
  const rawLines = [
    text(ctx, 'agencyLine', values),
    text(ctx, 'converterLine', values),
    text(ctx, 'timeLine', values),
    ...(model.code ? [text(ctx, 'codeLine', values)] : []),
    text(ctx, 'hashLine', values),
    ...(model.signatureSummary ? [clean(model.signatureSummary)] : []),
  ];
  const boxX = 70;
  const boxWidth = 595.28 - 2 * boxX;
  // Wrapped here, so the box grows with long lines (a signature summary) instead of spilling out.
  const lines = wrap(rawLines, (line) => regular.widthOfTextAtSize(line, 10.5), boxWidth - 28);
  const lineHeight = 16;
  const boxHeight = 44 + lines.length * lineHeight;
  const boxTop = 841.89 - 90;
  page.drawRectangle({
    x: boxX,
    y: boxTop - boxHeight,
    width: boxWidth,
    height: boxHeight,
    borderColor: red,
    borderWidth: 1.2,
  });
  const heading = text(ctx, 'heading', values);
  page.drawText(heading, {
    x: boxX + (boxWidth - bold.widthOfTextAtSize(heading, 14)) / 2,
    y: boxTop - 26,
    size: 14,
    font: bold,
    color: red,
  });
  lines.forEach((line, i) => {
    page.drawText(line, {
      x: boxX + 14,
      y: boxTop - 50 - i * lineHeight,
      size: 10.5,
      font: regular,
    });
  });
  const sealTitle = 'XÁC NHẬN CỦA CƠ QUAN CHUYỂN ĐỔI';
  const sealNote = '(Ký, ghi rõ họ tên và đóng dấu)';
  const sealY = boxTop - boxHeight - 40;
  page.drawText(sealTitle, {
    x: boxX + boxWidth - bold.widthOfTextAtSize(sealTitle, 12) - 10,
    y: sealY,
    size: 12,
    font: bold,
  });
  page.drawText(sealNote, {
    x: boxX + boxWidth - regular.widthOfTextAtSize(sealNote, 11) - 30,
    y: sealY - 16,
    size: 11,
    font: regular,
  });
  page.drawText(values.converterName, {
    x: boxX + boxWidth - bold.widthOfTextAtSize(values.converterName, 12) - 60,
    y: sealY - 100,
    size: 12,
    font: bold,
  });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
