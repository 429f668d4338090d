// The coordinators' review queue of replies by email (/replies): what was not recorded on
// its own, why, the agency's own words and files, and for those who decide, a form to
// assign it to a deadline (recording the report) or to reject it with a reason.
import { formatViInstant } from '../../domain/local-date';
import type { ReplySummary } from '../../services/reply-queue';
import { REVIEW_REASONS_VI } from '../../services/reply-queue';
import { sizeText } from '../../services/report-files';
import { Layout, type PageChrome } from '../ui/layout';
import { MessageBox } from '../ui/parts';
import { renderPage } from '../ui/render';

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

function ReplyItem(props: { r: ReplySummary; data: RepliesPageData }) {
  const { r, data } = props;
  const csrf = data.chrome.csrfToken;
  const choices = data.deadlines.filter((d) => d.organisationId === r.organisationId);
  return (
    <article data-reply={r.id}>
      <h2>{r.subject || '(không có tiêu đề)'}</h2>
      <p>
        Từ <strong>{r.fromAddress}</strong>, nhận lúc {formatViInstant(new Date(r.receivedAt))}. {STATUS_VI[r.status]}
        {r.decidedBy ? ` (${r.decidedBy})` : ''}
      </p>
      {r.reason ? (
        <p data-reason={r.reason}>
          Lý do cần xem: {REVIEW_REASONS_VI[r.reason] ?? r.reason}
          {r.reasonDetail ? ` – ${r.reasonDetail}` : ''}
        </p>
      ) : null}
      {r.deadlineTitle ? <p>Hạn báo cáo theo địa chỉ trả lời: {r.deadlineTitle}</p> : null}
      <pre>{r.note || '(thư không có nội dung riêng)'}</pre>
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
          Tệp không nhận: {f.name} – {f.problem}
        </p>
      ))}
      {r.rejectReason ? <p>Lý do từ chối: {r.rejectReason}</p> : null}
      {r.receiptNumber ? <p>Số biên nhận: {r.receiptNumber}</p> : null}
      {r.status === 'pending' && data.decides(r.organisationId) ? (
        <div>
          <form method="post" action={`/replies/${encodeURIComponent(r.id)}/assignment`}>
            {csrf ? <input type="hidden" name="_csrf" value={csrf} /> : null}
            <label>
              Gán vào hạn báo cáo (ghi nhận báo cáo, kênh thư điện tử)
              <select name="deadlineId" required>
                {choices.map((d) => (
                  <option value={d.id} selected={d.id === r.deadlineId}>
                    {d.label}
                  </option>
                ))}
              </select>
            </label>
            <button>Gán và ghi nhận</button>
          </form>
          <form method="post" action={`/replies/${encodeURIComponent(r.id)}/rejection`}>
            {csrf ? <input type="hidden" name="_csrf" value={csrf} /> : null}
            <label>
              Lý do từ chối
              <input name="reason" required maxLength={2000} />
            </label>
            <button>Từ chối</button>
          </form>
        </div>
      ) : null}
      <hr />
    </article>
  );
}

export function repliesPage(data: RepliesPageData): string {
  return renderPage(
    <Layout title="Thư trả lời cần xem" chrome={data.chrome}>
      <h1>Thư trả lời cần xem</h1>
      <p>
        Thư đơn vị trả lời nhắc hạn mà hệ thống không tự ghi nhận: không có hoặc sai địa chỉ trả lời, người gửi lạ, thiếu tệp báo cáo. Gán thư vào một hạn báo cáo
        để ghi nhận, hoặc từ chối.
      </p>
      <nav>
        {(['pending', 'assigned', 'rejected', 'recorded'] as const).map((s) => (
          <a href={`/replies?status=${s}`} aria-current={s === data.status ? 'page' : undefined} style="margin-right:1rem">
            {STATUS_VI[s]}
          </a>
        ))}
      </nav>
      <MessageBox kind="ok" text={data.done === 'assigned' ? 'Đã gán thư và ghi nhận báo cáo.' : data.done === 'rejected' ? 'Đã từ chối thư.' : null} />
      <MessageBox kind="err" text={data.error?.message} lines={data.error?.details} />
      {data.replies.length ? data.replies.map((r) => <ReplyItem r={r} data={data} />) : <p>Không có thư nào.</p>}
    </Layout>,
  );
}
