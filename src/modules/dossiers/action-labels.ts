// Names of the actions as officers and citizens read them in a dossier's history.
const LABELS: Record<string, { vi: string; en: string }> = {
  submit: { vi: 'Nộp hồ sơ trực tuyến', en: 'Submitted online' },
  receive: { vi: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa', en: 'Received at the one-stop desk' },
  accept: { vi: 'Tiếp nhận hồ sơ', en: 'Accepted' },
  request_completion: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Completion requested' },
  refuse: { vi: 'Từ chối tiếp nhận', en: 'Refused' },
  submit_completion: { vi: 'Bổ sung, hoàn thiện hồ sơ', en: 'Completed by the applicant' },
  request_withdrawal: { vi: 'Yêu cầu rút hồ sơ', en: 'Withdrawal requested' },
  forward: { vi: 'Chuyển xử lý', en: 'Forwarded' },
  send_back: { vi: 'Trả lại bước trước', en: 'Sent back' },
  handover: { vi: 'Bàn giao cho cán bộ khác', en: 'Handed over' },
  request_supplement: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Documents requested' },
  submit_supplement: { vi: 'Bổ sung giấy tờ', en: 'Documents supplied' },
  apologize: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment' },
  request_financial_obligation: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  confirm_financial_obligation: { vi: 'Đã thực hiện nghĩa vụ tài chính', en: 'Payment confirmed' },
  stop: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  confirm_withdrawal: { vi: 'Xác nhận rút hồ sơ', en: 'Withdrawal confirmed' },
  approve: { vi: 'Ký duyệt kết quả', en: 'Result approved and signed' },
  confirm_result: { vi: 'Xác nhận có kết quả', en: 'Result confirmed' },
  return_result: { vi: 'Trả kết quả', en: 'Result returned' },
};

export function actionLabel(action: string): { vi: string; en: string } {
  return LABELS[action] ?? { vi: action, en: action };
}
