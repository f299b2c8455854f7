// Pre-rendered HTML of a procedure page (issue 5: indexable, readable before — or without —
// JavaScript on a cheap phone). The SPA replaces it once loaded. Every text is escaped; the markup
// uses the same classes as the React page so the shared stylesheet applies.
import type { ProcedureDetail } from './catalogue.schemas.ts';

const esc = (text: string | number | null | undefined): string =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const dmy = (date: string | null) => (date ? date.split('-').reverse().join('/') : '');
const vnd = new Intl.NumberFormat('vi-VN');
const UNITS = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
  immediate: '',
} as const;
const COPY = {
  original: 'Bản chính',
  certified_copy: 'Bản sao có chứng thực',
  copy: 'Bản sao',
  original_or_certified_copy: 'Bản chính hoặc bản sao có chứng thực',
  presented: 'Xuất trình',
} as const;
const CHANNEL = { in_person: 'Trực tiếp', post: 'Qua bưu chính công ích', online: 'Trực tuyến' } as const;
const ONLINE = {
  full: 'Trực tuyến toàn trình',
  partial: 'Trực tuyến một phần',
  none: 'Không trực tuyến',
} as const;
const LEVEL = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' } as const;

function timeText(t: ProcedureDetail['version']['processingTime']): string {
  if (t.unit === 'immediate') {
    return 'Giải quyết ngay';
  }
  const main = `${t.value} ${UNITS[t.unit]}`;
  return t.onlineValue !== null && t.onlineValue !== t.value
    ? `${main} (nộp trực tuyến: ${t.onlineValue} ${UNITS[t.unit]})`
    : main;
}

/** The page title and description for <head>. */
export function procedureMeta(p: ProcedureDetail): { title: string; description: string } {
  const v = p.version;
  return {
    title: v.name,
    description: `${v.name}. Mã thủ tục ${p.code}. Thời hạn giải quyết: ${timeText(v.processingTime)}. ${ONLINE[v.onlineLevel]}.`,
  };
}

/** The body of the procedure page in Vietnamese (the default language), as escaped HTML. */
export function renderProcedureHtml(p: ProcedureDetail, siteName: string): string {
  const v = p.version;
  const files = new Map(p.files.map((f) => [f.id, f]));
  const li = (items: string[]) => items.map((i) => `<li>${i}</li>`).join('');
  const fees =
    v.fees.length === 0
      ? 'Không thu phí, lệ phí'
      : v.fees
          .map(
            (f) =>
              `<div>${f.kind === 'fee' ? 'Phí' : 'Lệ phí'}: ${esc(f.name)} — <strong>${
                f.amountVnd === null
                  ? 'Theo quy định'
                  : f.amountVnd === 0
                    ? 'Miễn phí'
                    : `${vnd.format(f.amountVnd)} đ`
              }</strong>${f.exemptions ? ` (${esc(f.exemptions)})` : ''}</div>`,
          )
          .join('');
  const where = p.deskAgency
    ? `<strong>${esc(p.deskAgency.name)}</strong>${p.deskAgency.address ? `, ${esc(p.deskAgency.address)}` : ''}`
    : esc(v.whereToSubmit);
  const agencies =
    p.performingAgencies.length === 0
      ? esc(v.decidingAuthority)
      : p.performingAgencies.map((a) => `<div>${esc(a.name)}</div>`).join('');
  const components = v.components
    .map(
      (
        c,
      ) => `<tr><td>${esc(c.name)}<div class="hint">${c.required ? 'Bắt buộc' : `Nộp khi: ${esc(c.condition)}`}</div></td>
<td data-label="Loại">${COPY[c.copyKind]}</td><td data-label="Số lượng">${c.quantity}</td><td data-label="Mẫu đơn, tờ khai">${c.formFileIds
        .flatMap((id) => {
          const f = files.get(id);
          return f ? [`<a href="${esc(f.url)}" download>Tải ${esc(f.fileName)}</a>`] : [];
        })
        .join(' ')}</td></tr>`,
    )
    .join('');
  return `<header class="site-header"><div class="site-header__inner"><a class="brand" href="/"><span class="brand__text"><span class="brand__title">${esc(siteName)}</span></span></a></div></header>
<main id="main"><article class="page" aria-labelledby="procedure-title">
<nav class="breadcrumb" aria-label="Đường dẫn"><ol><li><a href="/">Trang chủ</a></li><li><a href="/thu-tuc">Thủ tục hành chính</a></li></ol></nav>
<header class="proc-header"><div><h1 id="procedure-title">${esc(v.name)}</h1>
<ul class="tags"><li class="tag tag--${v.onlineLevel}">${ONLINE[v.onlineLevel]}</li><li class="tag">Mức độ ${v.legacyLevel}</li></ul>
<p class="result-meta">Mã thủ tục: ${esc(p.code)}</p></div>
${v.onlineLevel !== 'none' ? `<a class="button button--primary" href="/nop-truc-tuyen/${esc(p.id)}">Nộp hồ sơ trực tuyến</a>` : ''}</header>
<section class="proc-section card"><h2>Thông tin chung</h2><dl class="proc-facts">
<dt>Lĩnh vực</dt><dd>${esc([p.sector?.name, p.field?.name].filter(Boolean).join(' › '))}</dd>
<dt>Cấp thực hiện</dt><dd>${v.levels.map((l) => LEVEL[l]).join(', ')}</dd>
<dt>Thời hạn giải quyết</dt><dd>${esc(timeText(v.processingTime))}${v.processingTime.note ? ` — ${esc(v.processingTime.note)}` : ''}</dd>
<dt>Phí, lệ phí</dt><dd>${fees}</dd>
<dt>Nơi tiếp nhận hồ sơ</dt><dd>${where}</dd>
<dt>Cơ quan thực hiện</dt><dd>${agencies}</dd>
<dt>Cơ quan, người có thẩm quyền quyết định</dt><dd>${esc(v.decidingAuthority)}</dd>
<dt>Đối tượng thực hiện</dt><dd>${v.subjects.map((s) => (s === 'individual' ? 'Cá nhân' : 'Tổ chức')).join(', ')}</dd>
<dt>Kết quả thực hiện</dt><dd>${esc(v.result.name)}</dd></dl></section>
<section class="proc-section"><h2>Trình tự thực hiện</h2><ol>${li(v.steps.map((s) => `<strong>${esc(s.title)}.</strong> ${esc(s.description)}`))}</ol></section>
<section class="proc-section"><h2>Cách thức thực hiện</h2><ul>${li(v.ways.map((w) => `<strong>${CHANNEL[w.channel]}</strong>${w.note ? `: ${esc(w.note)}` : ''}`))}</ul></section>
<section class="proc-section"><h2>Thành phần hồ sơ</h2><div class="table-wrap"><table class="table table--stack"><thead><tr><th scope="col">Tên giấy tờ</th><th scope="col">Loại</th><th scope="col">Số lượng</th><th scope="col">Mẫu đơn, tờ khai</th></tr></thead><tbody>${components}</tbody></table></div></section>
<section class="proc-section"><h2>Yêu cầu, điều kiện</h2>${v.requirements.length === 0 ? '<p>Không có</p>' : `<ul>${li(v.requirements.map(esc))}</ul>`}</section>
<section class="proc-section"><h2>Căn cứ pháp lý</h2><ul>${li(v.legalBasis.map(esc))}</ul>
${v.decisionNumber ? `<p class="hint">Công bố theo Quyết định số ${esc(v.decisionNumber)} ngày ${dmy(v.decisionDate)}; áp dụng từ ngày ${dmy(v.effectiveFrom)}.</p>` : ''}</section>
</article></main>`;
}
