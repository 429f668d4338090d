// The forms of a deadline page: record the report, remind now, extend (gia hạn), waive. The
// route decides from the policy which ones the visitor may use; each form posts JSON to its
// API route with the page's CSRF token (from <meta name="csrf-token">), and a refusal is
// shown as the API words it, in Vietnamese.
import type { ComponentChildren } from 'preact';
import { addDays, parseIsoDate, toIsoDate } from '../domain/local-date';
import { BIDI_CLASS } from './html';
import { Script } from './ui/parts';
import { tr } from './ui/i18n';

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
const en = document.documentElement.lang === 'en';
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
        // The page's language (<html lang>) picks the API's message: messageEn and detailsEn in English.
        : en ? (data.messageEn ?? 'Not done.') + ((data.detailsEn ?? data.details)?.length ? ': ' + (data.detailsEn ?? data.details).join('; ') : '')
        : (data.message ?? 'Không thực hiện được.') + (data.details?.length ? ': ' + data.details.join('; ') : '');
    } catch {
      text = en ? 'Could not reach the server; try again.' : 'Không kết nối được với máy chủ; hãy thử lại.';
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
          <h2>{tr('Xác nhận đã gửi báo cáo', 'Record the report as received')}</h2>
          <ActionForm id="submit" deadlineId={deadlineId} path="submission" done={tr('Đã ghi nhận báo cáo.', 'The report is recorded.')}>
            <label>{tr('Người gửi / ghi nhận', 'Sent / recorded by')} <input name="submittedBy" required maxLength={200} /></label>
            <label>
              {tr('Hình thức nhận', 'Received by')}{' '}
              <select name="channel">
                <option value="online">{tr('Qua hệ thống', 'Through the system')}</option>
                <option value="paper">{tr('Bản giấy', 'On paper')}</option>
                <option value="document-system">{tr('Hệ thống quản lý văn bản', 'Document management system')}</option>
                <option value="email">{tr('Thư điện tử', 'Email')}</option>
              </select>
            </label>
            <label>{tr('Ngày nhận (để trống: hôm nay)', 'Received on (empty: today)')} <input name="receivedOn" type="date" /></label>
            <label>{tr('Số văn bản', 'Document number')} <input name="documentNumber" maxLength={100} /></label>
            <label>{tr('Đường dẫn tệp', 'Link to the file')} <input name="link" type="url" /></label>
            <label>{tr('Ghi chú', 'Note')} <textarea name="note" maxLength={2000} /></label>
            <button>{tr('Ghi nhận báo cáo', 'Record the report')}</button>
          </ActionForm>
        </>
      ) : null}
      {actions.remind ? (
        <ActionForm id="remind" deadlineId={deadlineId} path="remind" done={tr('Đã yêu cầu gửi nhắc; xem thời điểm gửi trong lịch sử.', 'A reminder was requested; the history shows when it is sent.')}>
          <input type="hidden" name="requestedBy" value="Cơ quan đầu mối" />
          <button>{tr('Gửi nhắc ngay', 'Send a reminder now')}</button>
        </ActionForm>
      ) : null}
      {actions.extend ? (
        <>
          <h2>{tr('Gia hạn', 'Extend')}</h2>
          <ActionForm id="extend" deadlineId={deadlineId} path="extension" done={tr('Đã gia hạn.', 'Extended.')}>
            <label>{tr('Ngày cuối cùng mới', 'New last day')} <input name="newLastDay" type="date" min={firstNewDay} required /></label>
            <label>{tr('Lý do', 'Reason')} <textarea name="reason" required maxLength={2000} /></label>
            <label>{tr('Người cho phép', 'Granted by')} <input name="grantedBy" required maxLength={200} /></label>
            <button>{tr('Gia hạn', 'Extend')}</button>
          </ActionForm>
        </>
      ) : null}
      {actions.waive ? (
        <>
          <h2>{tr('Miễn báo cáo kỳ này', 'Waive this period')}</h2>
          <ActionForm id="waive" deadlineId={deadlineId} path="waiver" done={tr('Đã miễn báo cáo kỳ này.', 'This period is waived.')} confirm={tr('Miễn báo cáo kỳ này? Việc nhắc hạn sẽ dừng và không thể hoàn tác.', 'Waive this period? Reminders stop and this cannot be undone.')}>
            <label>{tr('Lý do', 'Reason')} <textarea name="reason" required maxLength={2000} /></label>
            <label>{tr('Người quyết định', 'Decided by')} <input name="waivedBy" required maxLength={200} /></label>
            <button>{tr('Miễn báo cáo', 'Waive')}</button>
          </ActionForm>
        </>
      ) : null}
      <div id="result" role="status" />
      <Script code={SCRIPT} />
    </>
  );
}
