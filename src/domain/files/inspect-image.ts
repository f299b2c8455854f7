// Images: dimensions read from the header before anything decodes them (pixel-flood limit, ASVS
// 5.2.6), metadata removed (EXIF GPS location is sensitive personal data, NĐ 356 Đ4.1.h), and
// nothing accepted after the image's end marker (JPEG+HTML / PNG+ZIP polyglots).

export const MAX_PIXELS = 60_000_000;

export type ImageProblem = 'malformed' | 'too_many_pixels' | 'trailing_data';

export interface ImageInspection {
  problems: ImageProblem[];
  width: number;
  height: number;
  /** The same image without metadata segments/chunks; only set when there are no problems. */
  cleaned: Buffer | null;
}

const fail = (problem: ImageProblem): ImageInspection => ({
  problems: [problem],
  width: 0,
  height: 0,
  cleaned: null,
});

function finish(width: number, height: number, parts: Buffer[]): ImageInspection {
  if (width <= 0 || height <= 0) {
    return fail('malformed');
  }
  if (width * height > MAX_PIXELS) {
    return { problems: ['too_many_pixels'], width, height, cleaned: null };
  }
  return { problems: [], width, height, cleaned: Buffer.concat(parts) };
}

/** JPEG: walk the segments to the start of scan; drop APP1–APP15 (EXIF, XMP, …) and comments. */
export function inspectJpeg(bytes: Buffer): ImageInspection {
  const parts: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  let width = 0;
  let height = 0;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) {
      return fail('malformed');
    }
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) {
      return fail('malformed');
    }
    const segment = bytes.subarray(offset, offset + 2 + length);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame && length >= 7) {
      height = bytes.readUInt16BE(offset + 5);
      width = bytes.readUInt16BE(offset + 7);
    }
    const isMetadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!isMetadata) {
      parts.push(segment);
    }
    offset += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data runs to the end-of-image marker, which must end the file.
      const end = bytes.lastIndexOf(Buffer.from([0xff, 0xd9]));
      if (end < offset) {
        return fail('malformed');
      }
      if (bytes.length - (end + 2) > 0) {
        return fail('trailing_data');
      }
      parts.push(bytes.subarray(offset, end + 2));
      return finish(width, height, parts);
    }
  }
  return fail('malformed');
}

const PNG_SIGNATURE_LENGTH = 8;
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** PNG: walk the chunks to IEND; drop text, EXIF and time chunks; nothing may follow IEND. */
export function inspectPng(bytes: Buffer): ImageInspection {
  const parts: Buffer[] = [bytes.subarray(0, PNG_SIGNATURE_LENGTH)];
  let offset = PNG_SIGNATURE_LENGTH;
  let width = 0;
  let height = 0;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString('latin1');
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) {
      return fail('malformed');
    }
    if (type === 'IHDR') {
      width = bytes.readUInt32BE(offset + 8);
      height = bytes.readUInt32BE(offset + 12);
    }
    if (!PNG_METADATA_CHUNKS.has(type)) {
      parts.push(bytes.subarray(offset, end));
    }
    offset = end;
    if (type === 'IEND') {
      return offset === bytes.length ? finish(width, height, parts) : fail('trailing_data');
    }
  }
  return fail('malformed');
}
