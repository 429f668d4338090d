// Server-rendered pages: the coordinator's list, one deadline with its history and the
// "report received" form, and the development inbox of the embedded SMTP catcher.
import type { CaughtMail } from '../mail/mail-catcher';
import { formatViInstant } from '../domain/local-date';
import type { DeadlineView } from '../services/list-deadlines';
import { eventSentence, type DeadlineEventRow } from './event-text';
import { BIDI_CLASS, esc, layout } from './html';
import { NONCE_PLACEHOLDERS } from './ui/render';

const STEP_LABEL: Record<string, string> = {
  reminder: 'Nhắc hạn',
  'due-today': 'Đến hạn hôm nay',
  overdue: 'Báo quá hạn',
  escalation: 'Đôn đốc',
  repeat: 'Nhắc lại',
};

function nextStepCell(v: DeadlineView): string {
  if (!v.nextStep) return '';
  return `${esc(STEP_LABEL[v.nextStep.kind] ?? v.nextStep.kind)}<br><small>${esc(formatViInstant(new Date(v.nextStep.at)))}</small>`;
}

export function dashboardPage(views: DeadlineView[]): string {
  const rows = views
    .map(
      (v) => `<tr data-deadline="${esc(v.id)}">
<td>${esc(v.planNumber)}</td><td><a href="/deadlines/${encodeURIComponent(v.id)}">${esc(v.agency)}</a>${v.progress ? `<br><small>Tổng hợp: ${v.progress.reported}/${v.progress.expected} đơn vị đã gửi</small>` : ''}</td>
<td>${esc(v.periodLabel)}</td><td>${esc(v.lastDayVi)}<br><small>${esc(v.ruleText)}</small></td>
<td><span class="state state-${esc(v.state)}">${esc(v.stateLabel)}</span></td><td>${nextStepCell(v)}</td></tr>`,
    )
    .join('\n');
  return layout(
    'Danh sách hạn báo cáo',
    `<h1>Danh sách hạn báo cáo</h1>
<table><thead><tr><th>Kế hoạch</th><th>Đơn vị</th><th>Kỳ</th><th>Hạn cuối</th><th>Trạng thái</th><th>Bước tiếp theo</th></tr></thead>
<tbody>${rows || '<tr><td colspan="6">Chưa có hạn báo cáo nào.</td></tr>'}</tbody></table>`,
  );
}

/** What the signed-in person may do on this deadline (the policy decided; the page only shows it). */
export interface DeadlineActions {
  submit: boolean;
  remind: boolean;
  /** Sent back in the x-csrf-token header by the page's requests (session cookies need it). */
  csrfToken: string;
}

export function deadlinePage(v: DeadlineView, events: DeadlineEventRow[], actions: DeadlineActions = { submit: false, remind: false, csrfToken: '' }): string {
  const history = events
    .map((e) => `<tr data-event="${esc(e.type)}"><td>${esc(formatViInstant(e.at))}</td><td>${esc(eventSentence(e, { periodLabel: v.periodLabel }))}</td></tr>`)
    .join('');
  const forms = [
    actions.submit
      ? `<h2>Xác nhận đã gửi báo cáo</h2>
<form id="submit" data-path="submission"><label>Người gửi / ghi nhận <input name="submittedBy" required></label>
<label>Số văn bản <input name="documentNumber"></label><label>Đường dẫn tệp <input name="link" type="url"></label>
<label>Ghi chú <textarea name="note"></textarea></label><button>Ghi nhận báo cáo</button></form>`
      : '',
    actions.remind ? `<form id="remind" data-path="remind"><input type="hidden" name="requestedBy" value="Cơ quan đầu mối"><button>Gửi nhắc ngay</button></form>` : '',
  ].join('\n');
  const form = v.submission
    ? `<p class="msg ok">Đã nhận báo cáo lúc ${esc(formatViInstant(new Date(v.submission.submittedAt)))} từ ${esc(v.submission.submittedBy)}${v.submission.documentNumber ? `, số ${esc(v.submission.documentNumber)}` : ''}${v.submission.late ? ' (muộn hạn)' : ''}.</p>`
    : !forms.trim()
      ? ''
      : `${forms}
<div id="result"></div>
<script nonce="${NONCE_PLACEHOLDERS.script}">
for (const form of document.querySelectorAll('form[data-path]')) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = Object.fromEntries([...new FormData(ev.target)].filter(([, v]) => v !== ''));
    const res = await fetch('/api/deadlines/${encodeURIComponent(v.id)}/' + form.dataset.path, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': ${JSON.stringify(actions.csrfToken)} }, body: JSON.stringify(body) });
    const data = await res.json();
    const out = document.getElementById('result');
    out.className = 'msg ' + (res.ok ? 'ok' : 'err');
    out.textContent = (res.ok ? 'Đã thực hiện.' : data.message + (data.details.length ? ': ' + data.details.join('; ') : '')).replace(/${BIDI_CLASS}/g, '');
    if (res.ok && form.dataset.path === 'submission') setTimeout(() => location.reload(), 300);
  });
}
</script>`;
  return layout(
    `${v.agency} – ${v.periodLabel}`,
    `<h1>${esc(v.agency)}: ${esc(v.periodLabel)}</h1>
<p>${esc(v.planNumber)}: ${esc(v.planTitle)}</p>
<p>Quy định: <b>${esc(v.ruleText)}</b>. Ngày cuối cùng đúng hạn: <b>${esc(v.lastDayVi)}</b>. Trạng thái: <span class="state state-${esc(v.state)}">${esc(v.stateLabel)}</span></p>
<p>Số liệu: ${esc(v.dataWindowVi)}</p>
${form}<h2>Lịch sử</h2><table><thead><tr><th>Thời điểm</th><th>Sự kiện</th></tr></thead><tbody>${history || '<tr><td colspan="2">Chưa có sự kiện.</td></tr>'}</tbody></table>`,
  );
}

export function inboxPage(mails: CaughtMail[] | null): string {
  if (!mails) return layout('Hộp thư', '<p>Hộp thư thử chỉ có khi dùng máy chủ SMTP nhúng (SMTP_HOST chưa đặt).</p>');
  const items = [...mails]
    .reverse()
    .map(
      (m) => `<details><summary>${esc(formatViInstant(new Date(m.receivedAt)))} — <b>${esc(m.subject)}</b> → ${esc(m.to.join(', '))}</summary><pre>${esc(m.text)}</pre></details>`,
    )
    .join('\n');
  return layout('Hộp thư', `<h1>Hộp thư thử (${mails.length})</h1>${items || '<p>Chưa có thư.</p>'}`);
}
