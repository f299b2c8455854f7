// Texts of the official documents of a dossier on the processing screen and of the tracking book
// screen (issue 8). Vietnamese is complete; English is typed against it.
import type { Catalogue } from './vi.ts';

export const dossierDocumentsVi = {
  title: 'Phiếu, giấy tờ của hồ sơ',
  lead: 'Chỉ liệt kê các phiếu hồ sơ đã có theo quá trình giải quyết (PDF, mở trong thẻ mới).',
  none: 'Hồ sơ chưa có phiếu nào.',
  pdf: 'PDF',
  nav: 'Sổ theo dõi hồ sơ',
  bookTitle: 'Sổ theo dõi hồ sơ',
  bookLead:
    'Sổ theo dõi hồ sơ của một đơn vị trong một khoảng thời gian (Mẫu số 06 Thông tư 01/2018/TT-VPCP; Mẫu số 07 theo quy định năm 2025), gồm các hồ sơ đơn vị tiếp nhận hoặc chủ trì giải quyết có ngày tiếp nhận trong kỳ.',
  unit: 'Đơn vị',
  from: 'Từ ngày (dd/mm/yyyy)',
  to: 'Đến ngày (dd/mm/yyyy)',
  open: 'Lập sổ (PDF)',
  opening: 'Đang lập sổ…',
  ready: 'Sổ đã lập xong:',
  download: 'Mở sổ theo dõi hồ sơ (PDF)',
  badDate: 'Vui lòng nhập ngày theo dạng dd/mm/yyyy.',
  badRange: '"Đến ngày" phải từ "Từ ngày" trở đi.',
  worklistLink: 'Sổ theo dõi hồ sơ của đơn vị',
};

export const dossierDocumentsEn: Catalogue<typeof dossierDocumentsVi> = {
  title: 'Documents of the dossier',
  lead: 'Only the documents the dossier already has, following its processing (PDF, opens in a new tab).',
  none: 'The dossier has no documents yet.',
  pdf: 'PDF',
  nav: 'Tracking book',
  bookTitle: 'Dossier tracking book',
  bookLead:
    'The tracking book of one unit for a period (form 06 of Circular 01/2018/TT-VPCP; form 07 under the 2025 rules): the dossiers the unit received or leads whose reception falls in the period.',
  unit: 'Unit',
  from: 'From (dd/mm/yyyy)',
  to: 'To (dd/mm/yyyy)',
  open: 'Build the book (PDF)',
  opening: 'Building the book…',
  ready: 'The book is ready:',
  download: 'Open the tracking book (PDF)',
  badDate: 'Please enter the date as dd/mm/yyyy.',
  badRange: '"To" must not be before "From".',
  worklistLink: 'Tracking book of the unit',
};
