import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_KINDS } from './file-kinds.ts';
import { MAX_PIXELS } from './inspect-image.ts';
import { inspectUpload } from './inspect-upload.ts';
import { DOCX_PARTS, jpeg, pdf, pdfWithCompressedObjects, png, XLSX_PARTS, zip } from './test-files.ts';

const ALL = FILE_KINDS;
const refusal = (bytes: Buffer, name: string) => {
  const result = inspectUpload(bytes, name, ALL);
  return result.ok ? 'accepted' : result.reason;
};

describe('[goal 17, §5.C] upload inspection', () => {
  it('accepts real PDF, JPEG, PNG, DOCX and XLSX files with matching names', () => {
    expect(inspectUpload(pdf(), 'Đơn đề nghị.pdf', ALL)).toMatchObject({
      ok: true,
      kind: 'pdf',
      mime: 'application/pdf',
    });
    expect(inspectUpload(jpeg(1200, 1600), 'cccd-mat-truoc.JPG', ALL)).toMatchObject({
      ok: true,
      kind: 'jpeg',
      width: 1200,
      height: 1600,
    });
    expect(inspectUpload(png(800, 600), 'anh.png', ALL)).toMatchObject({
      ok: true,
      kind: 'png',
      width: 800,
      height: 600,
    });
    expect(inspectUpload(zip(DOCX_PARTS), 'to-khai.docx', ALL)).toMatchObject({ ok: true, kind: 'docx' });
    expect(inspectUpload(zip(XLSX_PARTS), 'bang-ke.xlsx', ALL)).toMatchObject({ ok: true, kind: 'xlsx' });
  });

  it('refuses a type outside the slot’s allowlist and content that is none of the kinds', () => {
    expect(inspectUpload(png(10, 10), 'anh.png', ['pdf']).ok).toBe(false);
    expect(refusal(Buffer.from('<html><script>alert(1)</script></html>'), 'x.pdf')).toBe('type_not_allowed');
    expect(refusal(Buffer.from('<svg onload="alert(1)"/>'), 'a.svg')).toBe('type_not_allowed');
    expect(refusal(Buffer.from('MZ\x90\x00'), 'don.pdf.exe')).toBe('type_not_allowed');
    expect(refusal(Buffer.alloc(0), 'empty.pdf')).toBe('empty');
  });

  it('refuses names whose extension disagrees with the content', () => {
    expect(refusal(png(10, 10), 'giay-to.pdf')).toBe('extension_mismatch');
    expect(refusal(pdf(), 'file.php%00.jpg')).toBe('extension_mismatch');
    expect(refusal(pdf(), 'no-extension')).toBe('extension_mismatch');
    expect(refusal(zip(XLSX_PARTS), 'to-khai.docx')).toBe('extension_mismatch');
  });

  it('refuses PDFs with active content, also with obfuscated names and inside compressed object streams', () => {
    for (const body of [
      '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>',
      '/AA << /O 5 0 R >>',
      '/Names << /EmbeddedFiles 6 0 R >>',
      '/J#61vaScript (x)',
      '/Launch << /F (cmd.exe) >>',
      '/AcroForm << /XFA 7 0 R >>',
    ]) {
      expect(refusal(pdf(body), 'x.pdf'), body).toBe('pdf_active_content');
    }
    expect(refusal(pdfWithCompressedObjects('/S /JavaScript /JS (app.alert(1))'), 'x.pdf')).toBe(
      'pdf_active_content',
    );
    expect(refusal(pdfWithCompressedObjects('/Type /Font'), 'x.pdf')).toBe('accepted');
  });

  it('refuses encrypted PDFs and polyglots (data after %%EOF, a ZIP inside, HTML after a JPEG)', () => {
    expect(refusal(pdf('/Encrypt 9 0 R'), 'x.pdf')).toBe('pdf_encrypted');
    expect(refusal(pdf('', { trailer: '<html><script>alert(1)</script>' }), 'x.pdf')).toBe('polyglot');
    expect(refusal(Buffer.concat([pdf(), zip(DOCX_PARTS)]), 'x.pdf')).toBe('polyglot');
    expect(refusal(jpeg(10, 10, { trailer: Buffer.from('<script>alert(1)</script>') }), 'x.jpg')).toBe(
      'polyglot',
    );
    expect(refusal(png(10, 10, { trailer: Buffer.from('PK') }), 'x.png')).toBe('polyglot');
  });

  it('refuses pixel floods from the header, and removes EXIF and PNG text metadata', () => {
    expect(refusal(png(20_000, 20_000), 'flood.png')).toBe('too_many_pixels');
    expect(refusal(jpeg(20_000, 20_000), 'flood.jpg')).toBe('too_many_pixels');
    expect(20_000 * 20_000).toBeGreaterThan(MAX_PIXELS);
    const withGps = jpeg(100, 100, { exif: 'GPSLatitude=21.0285;GPSLongitude=105.8542' });
    const cleaned = inspectUpload(withGps, 'a.jpg', ALL);
    expect(cleaned.ok && cleaned.content.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(cleaned.ok && cleaned.content.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
    const pngText = inspectUpload(png(10, 10, { text: 'Vị trí: Hà Nội' }), 'a.png', ALL);
    expect(pngText.ok && pngText.content.includes(Buffer.from('Comment'))).toBe(false);
  });

  it('refuses Office files with macros, path tricks, encryption or zip-bomb ratios', () => {
    expect(refusal(zip({ ...DOCX_PARTS, 'word/vbaProject.bin': 'x' }), 'a.docx')).toBe('office_macros');
    expect(refusal(zip({ ...DOCX_PARTS, 'word/embeddings/oleObject1.bin': 'x' }), 'a.docx')).toBe(
      'office_macros',
    );
    expect(refusal(zip({ ...DOCX_PARTS, '../../etc/passwd': 'x' }), 'a.docx')).toBe('archive_unsafe');
    expect(refusal(zip(DOCX_PARTS, { encrypted: true }), 'a.docx')).toBe('archive_unsafe');
    expect(refusal(zip(DOCX_PARTS, { declaredUncompressed: 1_000_000_000 }), 'a.docx')).toBe(
      'archive_unsafe',
    );
  });

  it('never throws on arbitrary bytes and names (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.string(),
        fc.constantFrom('', '%PDF-', '\xff\xd8\xff', '\x89PNG\r\n\x1a\n', 'PK\x03\x04'),
        (bytes, name, prefix) => {
          const input = Buffer.concat([Buffer.from(prefix, 'latin1'), Buffer.from(bytes)]);
          const result = inspectUpload(input, name, ALL);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
