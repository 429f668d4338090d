// The pages behind an agency's signed link: the confirmation form (a GET shows it and
// records nothing, so a mail scanner opening the link changes nothing), the receipt once
// the form is posted, the agency's own page, and the refusal of a link that does not hold.
// No account and no header links: the visitor is a clerk with an email, not a user.
import type { ComponentChildren } from 'preact';
import { formatViDate, formatViInstant, parseIsoDate } from '../../domain/local-date';
import type { LinkRefusal, OpenLink } from '../../services/agency-links';
import type { AgencyOverview } from '../../services/agency-overview';
import { ANONYMOUS_CHROME, Layout } from '../ui/layout';
import { MessageBox } from '../ui/parts';
import { renderPage } from '../ui/render';

const viInstant = (iso: string) => formatViInstant(new Date(iso));
const viDay = (isoDay: string) => formatViDate(parseIsoDate(isoDay));

function Page(props: { title: string; children: ComponentChildren }) {
  return (
    <Layout title={props.title} chrome={ANONYMOUS_CHROME}>
      {props.children}
    </Layout>
  );
}

function Facts(props: { link: OpenLink }) {
  const d = props.link.deadline;
  return (
    <table>
      <tr><th>Đơn vị</th><td>{props.link.agencyName}</td></tr>
      <tr><th>Kế hoạch</th><td>{`${d.planNumber}: ${d.planTitle}`}</td></tr>
      <tr><th>Kỳ báo cáo</th><td>{d.periodLabel}</td></tr>
      <tr><th>Số liệu</th><td>{d.dataWindowVi}</td></tr>
      <tr><th>Ngày cuối cùng đúng hạn</th><td>{d.lastDayVi}</td></tr>
      <tr><th>Tình trạng</th><td><span class={`state state-${d.state}`}>{d.stateLabel}</span></td></tr>
    </table>
  );
}

export interface LinkFormValues {
  submittedBy?: string;
  documentNumber?: string;
  documentDate?: string;
  link?: string;
  note?: string;
}

/** GET of the link: what the deadline is, and the form that records the report. */
export function linkConfirmPage(opts: { link: OpenLink; action: string; overviewHref: string; nonce: string; maxMb: string; values?: LinkFormValues; error?: string; details?: string[] }): string {
  const { link } = opts;
  const v = opts.values ?? {};
  if (link.current || link.deadline.state === 'waived') return linkClosedPage(opts.link, opts.overviewHref);
  return renderPage(
    <Page title="Gửi báo cáo">
      <h1>Gửi báo cáo</h1>
      <Facts link={link} />
      <MessageBox kind="err" text={opts.error} lines={opts.details} />
      <p>Điền số, ngày văn bản và đính kèm tệp báo cáo (hoặc ghi liên kết tới báo cáo), rồi bấm <b>Xác nhận gửi báo cáo</b>. Mở trang này chưa ghi nhận gì.</p>
      <form method="post" action={opts.action} enctype="multipart/form-data">
        <input type="hidden" name="nonce" value={opts.nonce} />
        <label>Người gửi <input name="submittedBy" required maxlength={200} value={v.submittedBy ?? link.agencyName} /></label>
        <label>Số văn bản <input name="documentNumber" required maxlength={100} placeholder="15/BC-TYT" value={v.documentNumber ?? ''} /></label>
        <label>Ngày văn bản <input name="documentDate" type="date" required value={v.documentDate ?? ''} /></label>
        <label>Tệp báo cáo (PDF, DOCX, XLSX hoặc ảnh; tối đa {opts.maxMb}) <input name="file" type="file" accept=".pdf,.docx,.xlsx,image/jpeg,image/png,image/webp,image/tiff" /></label>
        <label>hoặc liên kết tới báo cáo <input name="link" type="url" maxlength={2000} value={v.link ?? ''} /></label>
        <label>Ghi chú <textarea name="note" maxlength={2000}>{v.note ?? ''}</textarea></label>
        <button>Xác nhận gửi báo cáo</button>
      </form>
      <p><a href={opts.overviewHref}>Các báo cáo khác của đơn vị</a></p>
    </Page>,
  );
}

/** The deadline's report is in (or the period was waived): nothing to send, the receipt to show. */
export function linkClosedPage(link: OpenLink, overviewHref: string): string {
  return renderPage(
    <Page title="Đã ghi nhận báo cáo">
      <h1>{link.current ? 'Báo cáo đã được ghi nhận' : 'Kỳ báo cáo này được miễn'}</h1>
      <Facts link={link} />
      {link.current ? (
        <p class="msg ok" role="status">
          Số biên nhận <b>{link.current.receiptNumber ?? '—'}</b>, nhận lúc {viInstant(link.current.submittedAt)}
          {link.current.documentNumber ? `, văn bản số ${link.current.documentNumber}` : ''}.
        </p>
      ) : null}
      <p><a href={overviewHref}>Các báo cáo khác của đơn vị</a></p>
    </Page>,
  );
}

/** After the POST: the receipt number; the email with it is on its way. */
export function linkReceiptPage(opts: { link: OpenLink; receiptNumber: string; submittedAt: string; late: boolean; overviewHref: string }): string {
  return renderPage(
    <Page title="Đã nhận báo cáo">
      <h1>Đã nhận báo cáo</h1>
      <p class="msg ok" role="status">
        Số biên nhận <b data-receipt>{opts.receiptNumber}</b>, nhận lúc {viInstant(opts.submittedAt)} {opts.late ? '(muộn hạn)' : '(đúng hạn)'}. Thư biên nhận đã được gửi tới địa chỉ email của đơn vị.
      </p>
      <Facts link={opts.link} />
      <p><a href={opts.overviewHref}>Các báo cáo khác của đơn vị</a></p>
    </Page>,
  );
}

const REFUSAL: Record<LinkRefusal, { vi: string; en: string }> = {
  malformed: { vi: 'Liên kết không đúng hoặc bị cắt mất một phần. Hãy mở lại liên kết đầy đủ trong thư.', en: 'The link is malformed or cut short.' },
  forged: { vi: 'Liên kết không hợp lệ: chữ ký của liên kết không đúng.', en: 'The link is not valid: its signature does not hold (tampered or forged).' },
  expired: { vi: 'Liên kết đã hết hạn. Hãy dùng liên kết trong thư nhắc mới nhất, hoặc liên hệ cơ quan đầu mối.', en: 'The link has expired.' },
  revoked: { vi: 'Liên kết đã bị cơ quan đầu mối thu hồi. Hãy dùng liên kết trong thư mới nhất.', en: 'The coordinator revoked this link.' },
  'other-agency': { vi: 'Liên kết này không dành cho báo cáo này của đơn vị.', en: 'The link does not belong to this agency and deadline.' },
};

/** A link that does not hold: nothing was recorded. The English line is for operators. */
export function linkRefusedPage(reason: LinkRefusal): string {
  const r = REFUSAL[reason];
  return renderPage(
    <Page title="Liên kết không dùng được">
      <h1>Liên kết không dùng được</h1>
      <div class="msg err" role="alert" data-refusal={reason}>
        <p>{r.vi}</p>
        <p>Không có nội dung nào được ghi nhận.</p>
      </div>
      <p lang="en" style="color:#666">{`${r.en} Nothing was recorded. (${reason})`}</p>
    </Page>,
  );
}

/** The agency's page: obligations, periods, what is due next, reports and receipts. */
export function agencyOverviewPage(opts: { agencyName: string; organisationName: string; overview: AgencyOverview; backHref: string }): string {
  const o = opts.overview;
  return renderPage(
    <Page title={opts.agencyName}>
      <h1>{opts.agencyName}</h1>
      <p>{opts.organisationName}</p>
      <h2>Cần báo cáo tiếp theo</h2>
      {o.next ? (
        <p data-next>
          {`${o.next.planNumber} – ${o.next.periodLabel}: hạn ${o.next.lastDayVi}`} <span class={`state state-${o.next.state}`}>{o.next.stateLabel}</span>
        </p>
      ) : (
        <p>Không còn báo cáo nào phải gửi.</p>
      )}
      <h2>Nhiệm vụ báo cáo</h2>
      <ul>
        {o.obligations.map((ob) => (
          <li>{`${ob.planNumber}: ${ob.ruleText}${ob.indicators ? ` (${ob.indicators})` : ''}`}</li>
        ))}
      </ul>
      <h2>Các kỳ báo cáo</h2>
      <table>
        <tr><th>Kế hoạch</th><th>Kỳ</th><th>Hạn</th><th>Tình trạng</th></tr>
        {o.deadlines.map((d) => (
          <tr>
            <td>{d.planNumber}</td>
            <td>{d.periodLabel}</td>
            <td>{d.lastDayVi}</td>
            <td><span class={`state state-${d.state}`}>{d.stateLabel}</span></td>
          </tr>
        ))}
      </table>
      <h2>Báo cáo đã gửi và biên nhận</h2>
      {o.reports.length === 0 ? <p>Chưa có báo cáo nào.</p> : null}
      <table>
        {o.reports.length ? <tr><th>Kỳ</th><th>Số biên nhận</th><th>Nhận lúc</th><th>Văn bản</th><th>Tệp / liên kết</th><th>Ghi chú</th></tr> : null}
        {o.reports.map((r) => (
          <tr>
            <td>{`${r.planNumber} – ${r.periodLabel}`}</td>
            <td>{r.receiptNumber ?? '—'}</td>
            <td>{`${viInstant(r.submittedAt)}${r.late ? ' (muộn hạn)' : ''}`}</td>
            <td>{`${r.documentNumber ?? ''}${r.documentDate ? ` ngày ${viDay(r.documentDate)}` : ''}`}</td>
            <td>{r.fileName ?? r.link ?? ''}</td>
            <td>{r.returned ? `Được yêu cầu bổ sung lúc ${viInstant(r.returned.at)}: ${r.returned.reason ?? ''}` : ''}</td>
          </tr>
        ))}
      </table>
      <p><a href={opts.backHref}>Quay lại trang gửi báo cáo</a></p>
    </Page>,
  );
}
