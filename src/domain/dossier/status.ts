// Dossier statuses: the national public-service portal's codes 1–10 (legal digest §8.1; QĐ 31/2021
// Đ30.3 sync), one to one, so every status change can be pushed as is. Sub-statuses refine them into
// work queues (§8.3) without inventing national codes.

export const DOSSIER_STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const STATUS_NAMES = {
  1: { vi: 'Mới đăng ký', en: 'Newly submitted' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Not received' },
  4: { vi: 'Đang xử lý', en: 'Being processed' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Documents requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment of financial obligations requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawal requested by the applicant' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Processing finished' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const satisfies Record<DossierStatus, { vi: string; en: string }>;

/** No action leads out of these (§9 item 11): refused, stopped, result returned. */
export const TERMINAL_STATUSES: ReadonlySet<DossierStatus> = new Set([3, 8, 10]);

export function isDossierStatus(value: number): value is DossierStatus {
  return (DOSSIER_STATUSES as readonly number[]).includes(value);
}

/**
 * Work-queue refinements. Status 5 is used both before reception (the desk's completion request,
 * TT 01/2018 Mẫu 02) and during processing (a supplement request): the sub-status tells which.
 */
export const SUB_STATUSES = {
  awaiting_reception: { vi: 'Chờ tiếp nhận', en: 'Awaiting reception' },
  completion_requested: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Completion requested' },
  completion_submitted: { vi: 'Đã bổ sung - chờ tiếp nhận', en: 'Completed - awaiting reception' },
  to_process: { vi: 'Chờ chuyển xử lý', en: 'Waiting to be processed' },
  processing: { vi: 'Đang xử lý', en: 'Being processed' },
  awaiting_signature: { vi: 'Chờ ký duyệt', en: 'Awaiting signature' },
  result_approved: { vi: 'Đã ký duyệt - chờ trả kết quả', en: 'Approved - awaiting return' },
  supplement_requested: { vi: 'Chờ công dân bổ sung', en: 'Waiting for the applicant’s documents' },
  awaiting_payment: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Waiting for payment' },
  withdrawal_requested: { vi: 'Chờ xác nhận rút hồ sơ', en: 'Withdrawal awaiting confirmation' },
  result_ready: { vi: 'Chờ trả kết quả', en: 'Result ready to return' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
} as const;
export type SubStatus = keyof typeof SUB_STATUSES;
