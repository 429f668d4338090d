// The coordinators' review queue of replies by email (/replies): what was not recorded on
// its own, why, the agency's own words and files, and for those who decide, a form to
// assign it to a deadline (recording the report) or to reject it with a reason.
import type { ReplySummary } from '../../services/reply-queue';
import { REVIEW_REASONS_VI } from '../../services/reply-queue';
import { sizeText } from '../../services/report-files';
import { Layout, type PageChrome } from '../ui/layout';
import { MessageBox } from '../ui/parts';
import { renderPage } from '../ui/render';
import { formatInstant, periodText, tr } from '../ui/i18n';

export interface RepliesPageData {
  chrome: PageChrome;
  status: ReplySummary['status'];
  replies: ReplySummary[];
  /** Open deadlines the visitor may assign a reply of each organisation to. */
  deadlines: { id: string; organisationId: string; label: string }[];
  /** Whether the visitor decides replies of an organisation. */
  decides: (organisationId: string | null) => boolean;
  done?: string | null;
  error?: { message: string; details: string[] };
}

const STATUS_VI: Record<ReplySummary['status'], string> = {
  pending: 'Chờ xử lý',
  assigning: 'Đang ghi nhận',
  assigned: 'Đã gán vào hạn',
  rejected: 'Đã từ chối',
  recorded: 'Tự ghi nhận',
};

const STATUS_EN: Record<ReplySummary['status'], string> = {
  pending: 'Waiting for review',
  assigning: 'Being recorded',
  assigned: 'Assigned to a deadline',
  rejected: 'Rejected',
  recorded: 'Recorded on its own',
};

const REVIEW_REASONS_EN: Record<string, string> = {
  'no-token': 'The email was not sent to the reply address of a deadline',
  'malformed-token': 'The reply address was altered and cannot be read',
  'forged-token': 'The reply address was not issued by the system (forged or altered)',
  'expired-token': 'The reply address has expired',
  'revoked-token': "The deadline's links were revoked after the email was sent",
  'unknown-sender': "The sender is not one of the agency's contacts",
  'no-file': 'The email carries no valid report file',
  'not-recorded': 'The deadline does not take this report (already recorded or waived)',
};

/** A deadline's label from the service ("agency: obligation – Năm 2026") with its period in the reader's language. */
const deadlineText = (label: string) => label.replace(/ – ([^–]+)$/u, (_, period: string) => ` – ${periodText(period)}`);

const statusText = (s: ReplySummary['status']) => tr(STATUS_VI[s], STATUS_EN[s]);
const reasonText = (r: string) => tr(REVIEW_REASONS_VI[r] ?? r, REVIEW_REASONS_EN[r] ?? r);

function ReplyItem(props: { r: ReplySummary; data: RepliesPageData }) {
  const { r, data } = props;
  const csrf = data.chrome.csrfToken;
  const choices = data.deadlines.filter((d) => d.organisationId === r.organisationId);
  return (
    <article data-reply={r.id}>
      <h2>{r.subject || tr('(không có tiêu đề)', '(no subject)')}</h2>
      <p>
        {tr('Từ ', 'From ')}
        <strong>{r.fromAddress}</strong>
        {tr(', nhận lúc ', ', received at ')}
        {formatInstant(new Date(r.receivedAt))}. {statusText(r.status)}
        {r.decidedBy ? ` (${r.decidedBy})` : ''}
      </p>
      {r.reason ? (
        <p data-reason={r.reason}>
          {tr('Lý do cần xem: ', 'Why it needs review: ')}
          {reasonText(r.reason)}
          {r.reasonDetail ? ` – ${r.reasonDetail}` : ''}
        </p>
      ) : null}
      {r.deadlineTitle ? (
        <p>
          {tr('Hạn báo cáo theo địa chỉ trả lời: ', 'Deadline of the reply address: ')}
          {deadlineText(r.deadlineTitle)}
        </p>
      ) : null}
      <pre>{r.note || tr('(thư không có nội dung riêng)', '(the email has no text of its own)')}</pre>
      {r.attachments.length ? (
        <ul>
          {r.attachments.map((a) => (
            <li>
              {a.name} ({sizeText(a.size)})
            </li>
          ))}
        </ul>
      ) : null}
      {r.refused.map((f) => (
        <p>
          {tr('Tệp không nhận: ', 'File refused: ')}
          {f.name} – {f.problem}
        </p>
      ))}
      {r.rejectReason ? (
        <p>
          {tr('Lý do từ chối: ', 'Reason for rejecting: ')}
          {r.rejectReason}
        </p>
      ) : null}
      {r.receiptNumber ? (
        <p>
          {tr('Số biên nhận: ', 'Receipt number: ')}
          {r.receiptNumber}
        </p>
      ) : null}
      {r.status === 'pending' && data.decides(r.organisationId) ? (
        <div>
          <form method="post" action={`/replies/${encodeURIComponent(r.id)}/assignment`}>
            {csrf ? <input type="hidden" name="_csrf" value={csrf} /> : null}
            <label>
              {tr('Gán vào hạn báo cáo (ghi nhận báo cáo, kênh thư điện tử)', 'Assign to a deadline (records the report, received by email)')}
              <select name="deadlineId" required>
                {choices.map((d) => (
                  <option value={d.id} selected={d.id === r.deadlineId}>
                    {deadlineText(d.label)}
                  </option>
                ))}
              </select>
            </label>
            <button>{tr('Gán và ghi nhận', 'Assign and record')}</button>
          </form>
          <form method="post" action={`/replies/${encodeURIComponent(r.id)}/rejection`}>
            {csrf ? <input type="hidden" name="_csrf" value={csrf} /> : null}
            <label>
              {tr('Lý do từ chối', 'Reason for rejecting')}
              <input name="reason" required maxLength={2000} />
            </label>
            <button>{tr('Từ chối', 'Reject')}</button>
          </form>
        </div>
      ) : null}
      <hr />
    </article>
  );
}

export function repliesPage(data: RepliesPageData): string {
  return renderPage(
    <Layout title={tr('Thư trả lời cần xem', 'Replies to review')} chrome={data.chrome}>
      <h1>{tr('Thư trả lời cần xem', 'Replies to review')}</h1>
      <p>
        {tr(
          'Thư đơn vị trả lời nhắc hạn mà hệ thống không tự ghi nhận: không có hoặc sai địa chỉ trả lời, người gửi lạ, thiếu tệp báo cáo. Gán thư vào một hạn báo cáo để ghi nhận, hoặc từ chối.',
          "Agencies' replies to reminders that the system did not record on its own: no reply address or a wrong one, an unknown sender, no report file. Assign a reply to a deadline to record it, or reject it.",
        )}
      </p>
      <nav>
        {(['pending', 'assigned', 'rejected', 'recorded'] as const).map((s) => (
          <a href={`/replies?status=${s}`} aria-current={s === data.status ? 'page' : undefined} style="margin-right:1rem">
            {statusText(s)}
          </a>
        ))}
      </nav>
      <MessageBox kind="ok" text={data.done === 'assigned' ? tr('Đã gán thư và ghi nhận báo cáo.', 'The reply was assigned and the report recorded.') : data.done === 'rejected' ? tr('Đã từ chối thư.', 'The reply was rejected.') : null} />
      <MessageBox kind="err" text={data.error?.message} lines={data.error?.details} />
      {data.replies.length ? data.replies.map((r) => <ReplyItem r={r} data={data} />) : <p>{tr('Không có thư nào.', 'No replies.')}</p>}
    </Layout>,
  );
}
