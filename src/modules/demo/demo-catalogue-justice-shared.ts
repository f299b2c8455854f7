// Wording shared by the justice-sector demo files.
export const ID_PRESENT =
  'Giấy tờ tùy thân của người yêu cầu (hộ chiếu, thẻ căn cước hoặc giấy tờ có ảnh do cơ quan có thẩm quyền cấp)';
