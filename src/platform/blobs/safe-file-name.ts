// A display file name that is safe to store, show and send back in Content-Disposition:
// NFC, no path parts, no control/bidi/zero-width characters, bounded length (goal 13, ASVS 5.4).
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"\\/:*?<>|]/g;

const NON_PRINTABLE_ASCII = /[^ -~]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const HOSTILE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Why an uploaded file's name is refused, or null. Browsers send a bare name, so a path (`/`, `\`,
 * a `..` part), a control character or a bidi override (`hoso\u202efdp.exe` shows as "hosoexe.pdf")
 * can only come from a hostile client (issue 6; security goals §5). Zero-width characters and quotes
 * are merely cleaned by safeFileName.
 */
export function hostileFileName(raw: string): 'path' | 'control' | null {
  if (/[\\/]/.test(raw) || raw.split(/[\\/]/).some((part) => part === '..')) {
    return 'path';
  }
  return HOSTILE.test(raw) ? 'control' : null;
}

export function safeFileName(raw: string, fallback = 'tep-dinh-kem'): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if (!cleaned) {
    return fallback;
  }
  if (cleaned.length <= 150) {
    return cleaned;
  }
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 150 - ext.length) + ext;
}

/** RFC 6266 / 5987 header value: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const name = safeFileName(fileName);
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(NON_PRINTABLE_ASCII, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
