import type { UploadRefusal } from '../../domain/files/inspect-upload.ts';
import { AppError } from '../../platform/http/errors.ts';

const refusalTexts: Record<UploadRefusal, { status: number; vi: string; en: string }> = {
  empty: { status: 400, vi: 'Tệp rỗng.', en: 'The file is empty.' },
  type_not_allowed: {
    status: 415,
    vi: 'Loại tệp không được chấp nhận. Chỉ nhận PDF, JPEG, PNG, DOCX, XLSX.',
    en: 'This type of file is not accepted. Only PDF, JPEG, PNG, DOCX and XLSX are.',
  },
  extension_mismatch: {
    status: 400,
    vi: 'Phần mở rộng của tên tệp không khớp với nội dung tệp.',
    en: 'The file name’s extension does not match the file’s content.',
  },
  pdf_active_content: {
    status: 400,
    vi: 'Tệp PDF chứa mã lệnh hoặc tệp nhúng (JavaScript, hành động tự động…). Vui lòng in lại ra PDF thông thường.',
    en: 'The PDF contains scripts or embedded files (JavaScript, automatic actions…). Please print it again as a plain PDF.',
  },
  pdf_encrypted: {
    status: 400,
    vi: 'Tệp PDF có mật khẩu hoặc bị mã hóa nên không kiểm tra được. Vui lòng gỡ mật khẩu.',
    en: 'The PDF is password-protected or encrypted and cannot be checked. Please remove the password.',
  },
  malformed: {
    status: 400,
    vi: 'Tệp bị hỏng hoặc không đúng định dạng.',
    en: 'The file is damaged or malformed.',
  },
  polyglot: {
    status: 400,
    vi: 'Tệp chứa dữ liệu lạ sau phần nội dung chính nên không được chấp nhận.',
    en: 'The file carries unexpected data after its content and is not accepted.',
  },
  too_many_pixels: {
    status: 400,
    vi: 'Ảnh quá lớn (quá 60 triệu điểm ảnh). Vui lòng giảm kích thước ảnh.',
    en: 'The image is too large (over 60 megapixels). Please reduce its size.',
  },
  office_macros: {
    status: 400,
    vi: 'Tệp Office chứa macro hoặc đối tượng nhúng nên không được chấp nhận.',
    en: 'The Office file contains macros or embedded objects and is not accepted.',
  },
  archive_unsafe: {
    status: 400,
    vi: 'Tệp Office có cấu trúc không an toàn (mã hóa, đường dẫn lạ hoặc dung lượng giải nén bất thường).',
    en: 'The Office file has an unsafe structure (encryption, odd paths or an abnormal unpacked size).',
  },
};

export const filesErrors = {
  refused: (reason: UploadRefusal) => {
    const text = refusalTexts[reason];
    return new AppError(`FILE_${reason.toUpperCase()}`, text.status, { vi: text.vi, en: text.en }, 'file');
  },
  hostileName: (reason: 'path' | 'control') =>
    new AppError(
      'FILE_NAME_INVALID',
      400,
      reason === 'path'
        ? {
            vi: 'Tên tệp không được chứa đường dẫn (/, \\ hoặc ..). Hãy đổi tên tệp rồi tải lên lại.',
            en: 'A file name may not contain a path (/, \\ or ..). Rename the file and upload it again.',
          }
        : {
            vi: 'Tên tệp chứa ký tự điều khiển hoặc ký tự đảo chiều văn bản. Hãy đổi tên tệp rồi tải lên lại.',
            en: 'The file name contains control or text-direction characters. Rename the file and upload it again.',
          },
      'file',
    ),
  tooLarge: (maxBytes: number) =>
    new AppError(
      'FILE_TOO_LARGE',
      413,
      {
        vi: `Tệp vượt quá dung lượng cho phép (${Math.floor(maxBytes / 1024 / 1024)} MB).`,
        en: `The file is larger than allowed (${Math.floor(maxBytes / 1024 / 1024)} MB).`,
      },
      'file',
    ),
  infected: () =>
    new AppError(
      'FILE_INFECTED',
      422,
      {
        vi: 'Tệp bị phát hiện chứa mã độc và đã được cách ly. Vui lòng kiểm tra lại máy tính của bạn.',
        en: 'The file was found to contain malware and has been quarantined. Please check your computer.',
      },
      'file',
    ),
  noFile: () =>
    new AppError('FILE_MISSING', 400, { vi: 'Chưa chọn tệp để tải lên.', en: 'No file was sent.' }, 'file'),
  scanUnavailable: () =>
    new AppError('FILE_SCAN_UNAVAILABLE', 503, {
      vi: 'Chưa kiểm tra được tệp (dịch vụ quét mã độc không phản hồi). Vui lòng thử lại sau ít phút.',
      en: 'The file could not be checked (the malware scanner did not answer). Please try again in a few minutes.',
    }),
  linkInvalid: () =>
    new AppError('FILE_LINK_INVALID', 403, {
      vi: 'Đường dẫn tải tệp không hợp lệ hoặc đã hết hạn.',
      en: 'The download link is not valid or has expired.',
    }),
};
