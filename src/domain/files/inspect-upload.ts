// One decision per uploaded file: its real type from the content, the name's extension agreeing,
// and the type's own checks. Returns the bytes to keep (images without metadata) or the reason.
import { extensionMatches, type FileKind, MIME_TYPES, sniffContainer } from './file-kinds.ts';
import { inspectJpeg, inspectPng } from './inspect-image.ts';
import { inspectOffice } from './inspect-office.ts';
import { inspectPdf } from './inspect-pdf.ts';

export type UploadRefusal =
  | 'empty'
  | 'type_not_allowed'
  | 'extension_mismatch'
  | 'pdf_active_content'
  | 'pdf_encrypted'
  | 'malformed'
  | 'polyglot'
  | 'too_many_pixels'
  | 'office_macros'
  | 'archive_unsafe';

export type UploadInspection =
  | { ok: true; kind: FileKind; mime: string; content: Buffer; width?: number; height?: number }
  | { ok: false; reason: UploadRefusal };

const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

export function inspectUpload(
  bytes: Buffer,
  displayName: string,
  allowed: readonly FileKind[],
): UploadInspection {
  if (bytes.length === 0) {
    return { ok: false, reason: 'empty' };
  }
  const container = sniffContainer(bytes.subarray(0, 16));
  let kind: FileKind | undefined;
  if (container === 'zip') {
    kind = displayName.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'docx';
  } else if (container !== 'unknown') {
    kind = container;
  }
  if (!kind || !allowed.includes(kind)) {
    return { ok: false, reason: 'type_not_allowed' };
  }
  if (!extensionMatches(kind, displayName)) {
    return { ok: false, reason: 'extension_mismatch' };
  }
  // A ZIP's end record inside a PDF or an image makes it two files at once (PDF+ZIP polyglot).
  if (kind !== 'docx' && kind !== 'xlsx' && bytes.includes(ZIP_END)) {
    return { ok: false, reason: 'polyglot' };
  }
  switch (kind) {
    case 'pdf': {
      const problems = inspectPdf(bytes);
      if (problems.includes('active_content')) {
        return { ok: false, reason: 'pdf_active_content' };
      }
      if (problems.includes('encrypted')) {
        return { ok: false, reason: 'pdf_encrypted' };
      }
      if (problems.includes('trailing_data')) {
        return { ok: false, reason: 'polyglot' };
      }
      if (problems.length > 0) {
        return { ok: false, reason: 'malformed' };
      }
      return { ok: true, kind, mime: MIME_TYPES.pdf, content: bytes };
    }
    case 'jpeg':
    case 'png': {
      const result = kind === 'jpeg' ? inspectJpeg(bytes) : inspectPng(bytes);
      if (!result.cleaned) {
        const [problem] = result.problems;
        return {
          ok: false,
          reason:
            problem === 'too_many_pixels'
              ? 'too_many_pixels'
              : problem === 'trailing_data'
                ? 'polyglot'
                : 'malformed',
        };
      }
      return {
        ok: true,
        kind,
        mime: MIME_TYPES[kind],
        content: result.cleaned,
        width: result.width,
        height: result.height,
      };
    }
    case 'docx':
    case 'xlsx': {
      const problems = inspectOffice(bytes, kind);
      if (problems.includes('macros')) {
        return { ok: false, reason: 'office_macros' };
      }
      if (problems.includes('wrong_kind') || problems.includes('malformed')) {
        return { ok: false, reason: problems.includes('malformed') ? 'malformed' : 'extension_mismatch' };
      }
      if (problems.length > 0) {
        return { ok: false, reason: 'archive_unsafe' };
      }
      return { ok: true, kind, mime: MIME_TYPES[kind], content: bytes };
    }
  }
}
