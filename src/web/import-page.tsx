// The coordinator's import page: upload or paste a plan, see the proposal beside the text
// with every quote highlighted, edit the draft, confirm. The page is rendered on the server
// (JSX); its script draws the proposal that arrives by fetch and sends every request with the
// page's CSRF token; all checks happen again on the server.
import { BIDI_CLASS } from './html';
import { Layout, type PageChrome } from './ui/layout';
import { Script, Style } from './ui/parts';
import { renderPage } from './ui/render';

const STYLE = `
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}
#text{white-space:pre-wrap;max-height:80vh;overflow:auto;border:1px solid #ddd;padding:.5rem;font-size:.92em}
mark{background:#fff3c4}mark.obligation{background:#ffd9a8}mark.campaign{background:#cfe8ff}mark.agency{background:#e3f4d7}mark.flash{outline:3px solid #8b1a1a}
#draft input,#draft select{width:100%;box-sizing:border-box}#draft table input{min-width:6rem}
.warn{background:#fff3c4;padding:.4rem;border-radius:.3rem;margin:.2rem 0}.quote{cursor:pointer;color:#555;font-size:.85em}
`;

const SCRIPT = String.raw`
const $ = (s) => document.querySelector(s);
// The server takes a change made with a session cookie only with the page's CSRF token.
const CSRF = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
// As the server's renderer does: markup escaped, bidirectional controls removed (a plan's
// text and names arrive here by fetch, never through the server's templates).
const esc = (v) => String(v ?? '').replace(/${BIDI_CLASS}/g, '').replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const RECURRENCE = { annual: 'hằng năm', semiannual: '6 tháng', quarterly: 'hằng quý', monthly: 'hằng tháng', once: 'một lần', adhoc: 'đột xuất' };
const ORG_KIND = { commune: 'xã, phường', province: 'tỉnh, thành phố', district: 'huyện (trước 01/7/2025)' };
let preview = null;

$('#read').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const file = $('#file').files[0];
  const init = file
    ? { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': CSRF }, body: await file.arrayBuffer() }
    : { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': CSRF }, body: JSON.stringify({ text: $('#paste').value }) };
  if (file && file.type.startsWith('text/')) init.headers['content-type'] = 'text/plain; charset=utf-8';
  const res = await fetch('/api/imports/preview', init);
  const data = await res.json();
  if (!res.ok) return show('err', data.message + (data.messageEn ? ' / ' + data.messageEn : ''));
  preview = data;
  show('ok', 'Đã đọc. Kiểm tra và sửa đề xuất bên phải, rồi bấm Xác nhận.');
  renderText(); renderDraft();
});

function show(kind, message, details = []) {
  const out = $('#result');
  out.className = 'msg ' + kind;
  out.innerHTML = esc(message) + (details.length ? '<ul>' + details.map((d) => '<li>' + esc(d) + '</li>').join('') + '</ul>' : '');
}

function renderText() {
  const p = preview.proposal;
  const marks = [
    ...p.obligations.map((o, i) => ({ ...o.position, kind: 'obligation', id: 'o' + i })),
    ...p.campaigns.map((c, i) => ({ ...c.position, kind: 'campaign', id: 'c' + i })),
    ...p.agencies.map((a, i) => ({ ...a.position, kind: 'agency', id: 'a' + i })),
  ].sort((a, b) => a.start - b.start);
  let html = '', at = 0;
  for (const m of marks) {
    if (m.start < at) continue; // overlapping quotes: the first one wins
    html += esc(preview.text.slice(at, m.start)) + '<mark class="' + m.kind + '" id="q-' + m.id + '">' + esc(preview.text.slice(m.start, m.end)) + '</mark>';
    at = m.end;
  }
  $('#text').innerHTML = html + esc(preview.text.slice(at));
}

// One listener instead of onclick attributes, which the Content-Security-Policy refuses.
document.addEventListener('click', (ev) => {
  const el = ev.target.closest('[data-flash], [data-remove-row]');
  if (el && el.dataset.flash) flash(el.dataset.flash);
  else if (el) el.closest('tr').remove();
});

function flash(id) {
  const el = document.getElementById('q-' + id);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.classList.add('flash'); setTimeout(() => el.classList.remove('flash'), 1500);
}

const input = (name, value, attrs = '') => '<input name="' + name + '" value="' + esc(value) + '" ' + attrs + '>';

function renderDraft() {
  const { body, warnings } = preview.draft;
  const p = preview.proposal;
  const agencyOptions = (selected) => body.agencies.map((a) => '<option' + (a.name === selected ? ' selected' : '') + '>' + esc(a.name) + '</option>').join('');
  $('#draft').innerHTML =
    warnings.map((w) => '<div class="warn">' + esc(w) + '</div>').join('') +
    p.unread.map((u) => '<div class="warn">Chưa đọc được: ' + esc(u) + '</div>').join('') +
    '<h2>Cơ quan ban hành</h2>' + input('org.name', body.organisation.name) + input('org.id', body.organisation.id, 'title="mã"') +
    '<select name="org.kind">' + Object.entries(ORG_KIND).map(([k, label]) => '<option value="' + k + '"' + (k === body.organisation.kind ? ' selected' : '') + '>' + esc(label) + '</option>').join('') + '</select>' +
    '<h2>Kế hoạch</h2><label>Số ' + input('plan.number', body.plan.number) + '</label><label>Tên ' + input('plan.title', body.plan.title) + '</label>' +
    '<label>Ngày ban hành ' + input('plan.issuedOn', body.plan.issuedOn, 'type="date"') + '</label>' +
    '<label>Giai đoạn ' + input('plan.spanFrom', body.plan.spanFrom, 'type="number"') + input('plan.spanTo', body.plan.spanTo, 'type="number"') + '</label>' +
    '<label>Cơ quan đầu mối <select name="plan.coordinator"><option value="">(chưa chọn)</option>' + agencyOptions(body.plan.coordinator) + '</select></label>' +
    // Issue 13 item 4: a plan confirmed mid-span tracks from the current or next period unless told otherwise.
    '<label>Theo dõi từ ngày ' + input('trackFrom', body.trackFrom ?? '', 'type="date"') + '</label><div class="quote" id="track-note">Các kỳ có hạn trước ngày này được ghi “trước khi theo dõi”: không nhắc, không tính trễ. Để trống: từ kỳ hiện tại hoặc kỳ tới của mỗi nghĩa vụ.</div>' +
    '<h2>Đơn vị</h2><table id="agencies"><tr><th>Tên</th><th>Chỉ tiêu phụ trách</th><th>Người liên hệ</th><th>Email</th></tr>' +
    body.agencies.map((a) => '<tr><td>' + input('name', a.name) + '</td><td>' + input('indicators', a.indicators) + '</td><td>' + input('contactName', '') + '</td><td>' + input('contactEmail', '', 'type="email"') + '</td></tr>').join('') + '</table>' +
    '<h2>Nghĩa vụ báo cáo</h2><table id="obligations"><tr><th>Đơn vị báo cáo</th><th>Hạn (lời văn của kế hoạch)</th><th></th></tr>' +
    body.obligations.map((o) => '<tr data-title="' + esc(o.title ?? '') + '"><td><select name="reporter">' + agencyOptions(o.reporter) + '</select></td><td>' + input('ruleText', o.ruleText) + '</td><td><button type="button" data-remove-row>Bỏ</button></td></tr>').join('') + '</table>' +
    p.obligations.map((o, i) => '<div class="quote" data-flash="o' + i + '">“' + esc(o.quote) + '” (' + esc(RECURRENCE[o.recurrence] ?? o.recurrence) + ', tin cậy ' + o.confidence + ')</div>').join('') +
    '<h2>Đợt, chiến dịch</h2><table id="campaigns"><tr><th>Tên</th><th>Bắt đầu (MM-DD)</th><th>Kết thúc</th><th>Hằng năm</th><th>Hạn báo cáo kết quả (MM-DD)</th><th></th></tr>' +
    body.campaigns.map((c, i) => '<tr data-organiser="' + esc(c.organiser ?? '') + '"><td>' + input('name', c.name) + '<div class="quote" data-flash="c' + i + '">xem trong văn bản</div></td><td>' + input('start', c.start) + '</td><td>' + input('end', c.end) + '</td><td><input type="checkbox" name="recurring"' + (c.recurring ? ' checked' : '') + '></td><td>' + input('resultsDue', c.resultsDue ?? '', 'placeholder="12-20"') + '</td><td><button type="button" data-remove-row>Bỏ</button></td></tr>').join('') + '</table>' +
    // The plan's upward reports: a roll-up starts when the coordinator gives it a date.
    '<h2>Báo cáo tổng hợp gửi cấp trên</h2><table id="rollups"><tr><th>Gửi</th><th>Hạn (ví dụ: trước ngày 10/12 hằng năm)</th><th></th></tr>' +
    p.upwardReports.map((u) => '<tr><td>' + input('recipient', u.recipient) + '</td><td>' + input('ruleText', '') + '</td><td><button type="button" data-remove-row>Bỏ</button></td></tr>').join('') + '</table>' +
    '<p><button type="button" id="confirm">Xác nhận và bắt đầu nhắc hạn</button></p>';
  $('#confirm').addEventListener('click', confirmDraft);
}

const rows = (id) => [...document.querySelectorAll('#' + id + ' tr')].slice(1);
const val = (root, name) => root.querySelector('[name="' + name + '"]').value.trim();

async function confirmDraft() {
  const d = $('#draft');
  const body = {
    organisation: { id: val(d, 'org.id'), name: val(d, 'org.name'), kind: val(d, 'org.kind') },
    plan: { number: val(d, 'plan.number'), title: val(d, 'plan.title'), issuedOn: val(d, 'plan.issuedOn'), spanFrom: Number(val(d, 'plan.spanFrom')), spanTo: Number(val(d, 'plan.spanTo')), coordinator: val(d, 'plan.coordinator') || null },
    agencies: rows('agencies').map((r) => ({ name: val(r, 'name'), indicators: val(r, 'indicators'), contacts: val(r, 'contactEmail') ? [{ name: val(r, 'contactName') || val(r, 'name'), email: val(r, 'contactEmail') }] : [] })),
    obligations: rows('obligations').map((r) => ({ reporter: val(r, 'reporter'), ruleText: val(r, 'ruleText'), title: r.dataset.title || '' })),
    campaigns: rows('campaigns').map((r) => ({ name: val(r, 'name'), start: val(r, 'start'), end: val(r, 'end'), recurring: r.querySelector('[name=recurring]').checked, organiser: r.dataset.organiser || null, resultsDue: val(r, 'resultsDue') || null })),
    rollups: rows('rollups').filter((r) => val(r, 'ruleText')).map((r) => ({ recipient: val(r, 'recipient'), ruleText: val(r, 'ruleText') })),
    trackFrom: val(d, 'trackFrom') || null,
  };
  const res = await fetch('/api/imports', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': CSRF }, body: JSON.stringify(body) });
  const data = await res.json();
  if (!res.ok) return show('err', data.message, data.details);
  const tight = data.rollups.filter((r) => r.cascade && !r.cascade.ok).map((r) => 'Báo cáo tổng hợp gửi ' + r.recipient + ' không cách hạn của các đơn vị ít nhất một ngày làm việc.');
  const c = data.created;
  show('ok', c.plan
    ? 'Đã tạo kế hoạch: ' + c.agencies + ' đơn vị, ' + c.obligations + ' nghĩa vụ, ' + c.campaigns + ' đợt; ' + data.startedWorkflows + ' hạn báo cáo bắt đầu được nhắc' + (data.beforeTracking ? '; ' + data.beforeTracking + ' kỳ trước ngày ' + data.trackFrom + ' ghi là trước khi theo dõi.' : '.')
    : 'Kế hoạch này đã có; không tạo trùng (thêm mới ' + c.agencies + ' đơn vị, ' + c.obligations + ' nghĩa vụ, ' + c.campaigns + ' đợt).', tight);
}
`;

export function importPage(chrome: PageChrome): string {
  return renderPage(
    <Layout title="Nhập kế hoạch" chrome={chrome}>
      <Style css={STYLE} />
      <h1>Nhập kế hoạch</h1>
      <form id="read">
        <label>
          Tệp kế hoạch (.docx, .pdf, .txt) <input type="file" id="file" accept=".txt,.md,.docx,.pdf" />
        </label>
        <label>
          hoặc dán nội dung <textarea id="paste" rows={6} />
        </label>
        <button>Đọc đề xuất</button>
      </form>
      <div id="result" />
      <div class="cols">
        <div id="text" />
        <div id="draft" />
      </div>
      <Script code={SCRIPT} />
    </Layout>,
  );
}
