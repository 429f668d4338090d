// Forms that post JSON to an API route with the page's CSRF token (from
// <meta name="csrf-token">), for the board, plan and agency pages. A form says where it goes
// (data-api), what to say when it worked (data-done), what to ask first (data-confirm), which
// fields are lists (data-arrays="agencyIds": every checked box of that name) and which are
// numbers (data-numbers). The answer is shown in the form's own [role=status] element, as text
// (never markup), without bidirectional controls, and the page reloads to show the new state.
import { BIDI_CLASS } from '../html';
import { Script } from './parts';

const SCRIPT = String.raw`
const en = document.documentElement.lang === 'en';
const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
const clean = (s) => String(s ?? '').replace(/${BIDI_CLASS}/g, '');
const list = (v) => (v ? v.split(',') : []);
for (const form of document.querySelectorAll('form[data-api]')) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
    const arrays = list(form.dataset.arrays), numbers = list(form.dataset.numbers);
    const body = {};
    for (const [k, v] of new FormData(form)) {
      if (v === '') continue;
      if (arrays.includes(k)) (body[k] ??= []).push(v);
      else body[k] = numbers.includes(k) ? Number(v) : v;
    }
    const out = form.querySelector('[role=status]');
    let text, ok = false;
    try {
      const res = await fetch(form.dataset.api, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
      const data = await res.json().catch(() => ({}));
      ok = res.ok;
      text = ok ? (form.dataset.done ?? 'Đã thực hiện.') + (data.summaryVi ? ' ' + data.summaryVi : '')
        // The page's language (<html lang>) picks the API's message: messageEn and detailsEn in English.
        : en ? (data.messageEn ?? 'Not done.') + ((data.detailsEn ?? data.details)?.length ? ': ' + (data.detailsEn ?? data.details).join('; ') : '')
        : (data.message ?? 'Không thực hiện được.') + (data.details?.length ? ': ' + data.details.join('; ') : '');
    } catch {
      text = en ? 'Could not reach the server; try again.' : 'Không kết nối được với máy chủ; hãy thử lại.';
    }
    out.className = 'msg ' + (ok ? 'ok' : 'err');
    out.textContent = clean(text);
    if (ok && form.dataset.reload !== 'no') setTimeout(() => location.reload(), 1200);
  });
}
`;

/** Once per page that has forms with data-api. */
export function ApiFormsScript() {
  return <Script code={SCRIPT} />;
}
