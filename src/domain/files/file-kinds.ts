// What citizens and officers may upload (issue 6: PDF, JPEG, PNG, DOCX, XLSX by default; security
// goal 17, ASVS 5.2.2): the type is read from the content, and the name's extension must agree.

export const FILE_KINDS = ['pdf', 'jpeg', 'png', 'docx', 'xlsx'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const MIME_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const EXTENSIONS: Record<FileKind, readonly string[]> = {
  pdf: ['pdf'],
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
  docx: ['docx'],
  xlsx: ['xlsx'],
};

/** The container the first bytes announce; Office files are ZIP containers, told apart later. */
export function sniffContainer(head: Uint8Array): 'pdf' | 'jpeg' | 'png' | 'zip' | 'unknown' {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) {
    return 'pdf';
  }
  if (starts(0xff, 0xd8, 0xff)) {
    return 'jpeg';
  }
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    return 'png';
  }
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return 'zip';
  }
  return 'unknown';
}

/** The lower-case extension of a display name; names like `x.php%00.jpg` or `a.pdf.exe` keep their last part. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function extensionMatches(kind: FileKind, name: string): boolean {
  return EXTENSIONS[kind].includes(extensionOf(name));
}
