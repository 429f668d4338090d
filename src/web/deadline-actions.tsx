// The forms of a deadline page: record the report, remind now, extend (gia hạn), waive. The
// route decides from the policy which ones the visitor may use; each form posts JSON to its
// API route with the page's CSRF token (from <meta name="csrf-token">), and a refusal is
// shown as the API words it, in Vietnamese.
import type { ComponentChildren } from 'preact';
import { addDays, parseIsoDate, toIsoDate } from '../domain/local-date';
import { BIDI_CLASS } from './html';
import { Script } from './ui/parts';

/** What the visitor may do on this deadline (the policy decided; the page only shows it). */
export interface DeadlineActions {
  submit: boolean;
  remind: boolean;
  extend: boolean;
  waive: boolean;
  /** Revoke the agency's links, send a report back (src/web/deadline-return-forms.tsx). */
  links?: boolean;
  return?: boolean;
}

export const NO_ACTIONS: DeadlineActions = { submit: false, remind: false, extend: false, waive: false };

// Static: everything it needs is in the forms' attributes. Messages go in with textContent,
// never as markup, and lose bidirectional controls like everything the server renders.
const SCRIPT = String.raw`
const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
const clean = (s) => String(s ?? '').replace(/${BIDI_CLASS}/g, '');
for (const form of document.querySelectorAll('form[data-api]')) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
    const body = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));
    const out = document.getElementById('result');
    let text, ok = false;
    try {
      const res = await fetch(form.dataset.api, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
      const data = await res.json().catch(() => ({}));
      ok = res.ok;
      text = ok ? form.dataset.done
        : (data.message ?? 'Không thực hiện được.') + (data.details?.length ? ': ' + data.details.join('; ') : '');
    } catch {
      text = 'Không kết nối được với máy chủ; hãy thử lại.';
    }
    out.className = 'msg ' + (ok ? 'ok' : 'err');
    out.textContent = clean(text);
    // The history and the state come from the server: show them as they now are.
    if (ok) setTimeout(() => location.reload(), 300);
  });
}
`;

function ActionForm(props: { id: string; deadlineId: string; path: string; done: string; confirm?: string; children: ComponentChildren }) {
  return (
    <form id={props.id} data-api={`/api/deadlines/${encodeURIComponent(props.deadlineId)}/${props.path}`} data-done={props.done} data-confirm={props.confirm}>
      {props.children}
    </form>
  );
}

/** The forms the visitor may use on an open deadline, or nothing. */
export function DeadlineActionForms(props: { deadlineId: string; lastDay: string; actions: DeadlineActions }) {
  const { deadlineId, actions } = props;
  if (!actions.submit && !actions.remind && !actions.extend && !actions.waive) return null;
  const firstNewDay = toIsoDate(addDays(parseIsoDate(props.lastDay), 1));
  return (
    <>
      {actions.submit ? (
        <>
          <h2>Xác nhận đã gửi báo cáo</h2>
          <ActionForm id="submit" deadlineId={deadlineId} path="submission" done="Đã ghi nhận báo cáo.">
            <label>Người gửi / ghi nhận <input name="submittedBy" required maxLength={200} /></label>
            <label>
              Hình thức nhận{' '}
              <select name="channel">
                <option value="online">Qua hệ thống</option>
                <option value="paper">Bản giấy</option>
                <option value="document-system">Hệ thống quản lý văn bản</option>
                <option value="email">Thư điện tử</option>
              </select>
            </label>
            <label>Ngày nhận (để trống: hôm nay) <input name="receivedOn" type="date" /></label>
            <label>Số văn bản <input name="documentNumber" maxLength={100} /></label>
            <label>Đường dẫn tệp <input name="link" type="url" /></label>
            <label>Ghi chú <textarea name="note" maxLength={2000} /></label>
            <button>Ghi nhận báo cáo</button>
          </ActionForm>
        </>
      ) : null}
      {actions.remind ? (
        <ActionForm id="remind" deadlineId={deadlineId} path="remind" done="Đã yêu cầu gửi nhắc; xem thời điểm gửi trong lịch sử.">
          <input type="hidden" name="requestedBy" value="Cơ quan đầu mối" />
          <button>Gửi nhắc ngay</button>
        </ActionForm>
      ) : null}
      {actions.extend ? (
        <>
          <h2>Gia hạn</h2>
          <ActionForm id="extend" deadlineId={deadlineId} path="extension" done="Đã gia hạn.">
            <label>Ngày cuối cùng mới <input name="newLastDay" type="date" min={firstNewDay} required /></label>
            <label>Lý do <textarea name="reason" required maxLength={2000} /></label>
            <label>Người cho phép <input name="grantedBy" required maxLength={200} /></label>
            <button>Gia hạn</button>
          </ActionForm>
        </>
      ) : null}
      {actions.waive ? (
        <>
          <h2>Miễn báo cáo kỳ này</h2>
          <ActionForm id="waive" deadlineId={deadlineId} path="waiver" done="Đã miễn báo cáo kỳ này." confirm="Miễn báo cáo kỳ này? Việc nhắc hạn sẽ dừng và không thể hoàn tác.">
            <label>Lý do <textarea name="reason" required maxLength={2000} /></label>
            <label>Người quyết định <input name="waivedBy" required maxLength={200} /></label>
            <button>Miễn báo cáo</button>
          </ActionForm>
        </>
      ) : null}
      <div id="result" role="status" />
      <Script code={SCRIPT} />
    </>
  );
}
