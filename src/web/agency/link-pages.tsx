// The pages behind an agency's signed link: the confirmation form (a GET shows it and
// records nothing, so a mail scanner opening the link changes nothing), the receipt once
// the form is posted, the agency's own page, and the refusal of a link that does not hold.
// No account and no header links: the visitor is a clerk with an email, not a user. In the
// visitor's language (the cookie; an English email's link sets it on the way, through
// /lang/en: activities/agency-link.ts).
import type { ComponentChildren } from 'preact';
import { dataWindowEn } from '../../domain/data-window';
import { formatViDate, parseIsoDate } from '../../domain/local-date';
import type { LinkRefusal, OpenLink } from '../../services/agency-links';
import type { AgencyOverview } from '../../services/agency-overview';
import type { DeadlineView } from '../../services/list-deadlines';
import { currentLocale, formatInstant, formatIsoDay, periodText, stateText, tr } from '../ui/i18n';
import { ANONYMOUS_CHROME, Layout } from '../ui/layout';
import { MessageBox } from '../ui/parts';
import { renderPage } from '../ui/render';

const instant = (iso: string) => formatInstant(new Date(iso));
const viDay = (isoDay: string) => formatViDate(parseIsoDate(isoDay));
const state = (d: DeadlineView) => stateText(d.stateLabel, d.stateLabelEn);

function dataWindowText(d: DeadlineView): string {
  try {
    return tr(d.dataWindowVi, dataWindowEn({ from: parseIsoDate(d.dataWindow.from), to: parseIsoDate(d.dataWindow.to) }, parseIsoDate(d.lastDay)));
  } catch {
    return d.dataWindowVi;
  }
}

/** "Các báo cáo khác của đơn vị": the link to the agency's page, on every page behind the link. */
const otherReports = () => tr('Các báo cáo khác của đơn vị', "The agency's other reports");

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
      <tr><th>{tr('Đơn vị', 'Agency')}</th><td>{props.link.agencyName}</td></tr>
      <tr><th>{tr('Kế hoạch', 'Plan')}</th><td>{`${d.planNumber}: ${d.planTitle}`}</td></tr>
      <tr><th>{tr('Kỳ báo cáo', 'Reporting period')}</th><td>{periodText(d.periodLabel)}</td></tr>
      <tr><th>{tr('Số liệu', 'Data')}</th><td>{dataWindowText(d)}</td></tr>
      <tr><th>{tr('Ngày cuối cùng đúng hạn', 'Last day on time')}</th><td>{tr(d.lastDayVi, formatIsoDay(d.lastDay))}</td></tr>
      <tr><th>{tr('Tình trạng', 'State')}</th><td><span class={`state state-${d.state}`}>{state(d)}</span></td></tr>
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
    <Page title={tr('Gửi báo cáo', 'Send the report')}>
      <h1>{tr('Gửi báo cáo', 'Send the report')}</h1>
      <Facts link={link} />
      <MessageBox kind="err" text={opts.error} lines={opts.details} />
      <p>
        {tr('Điền số, ngày văn bản và đính kèm tệp báo cáo (hoặc ghi liên kết tới báo cáo), rồi bấm ', "Fill in the document's number and date and attach the report file (or give a link to the report), then press ")}
        <b>{tr('Xác nhận gửi báo cáo', 'Confirm the report')}</b>
        {tr('. Mở trang này chưa ghi nhận gì.', '. Opening this page records nothing.')}
      </p>
      <form method="post" action={opts.action} enctype="multipart/form-data">
        <input type="hidden" name="nonce" value={opts.nonce} />
        <label>{tr('Người gửi', 'Sent by')} <input name="submittedBy" required maxlength={200} value={v.submittedBy ?? link.agencyName} /></label>
        <label>{tr('Số văn bản', 'Document number')} <input name="documentNumber" required maxlength={100} placeholder="15/BC-TYT" value={v.documentNumber ?? ''} /></label>
        <label>{tr('Ngày văn bản', 'Document date')} <input name="documentDate" type="date" required value={v.documentDate ?? ''} /></label>
        <label>{tr(`Tệp báo cáo (PDF, DOCX, XLSX hoặc ảnh; tối đa ${opts.maxMb})`, `Report file (PDF, DOCX, XLSX or an image; at most ${opts.maxMb})`)} <input name="file" type="file" accept=".pdf,.docx,.xlsx,image/jpeg,image/png,image/webp,image/tiff" /></label>
        <label>{tr('hoặc liên kết tới báo cáo', 'or a link to the report')} <input name="link" type="url" maxlength={2000} value={v.link ?? ''} /></label>
        <label>{tr('Ghi chú', 'Note')} <textarea name="note" maxlength={2000}>{v.note ?? ''}</textarea></label>
        <button>{tr('Xác nhận gửi báo cáo', 'Confirm the report')}</button>
      </form>
      <p><a href={opts.overviewHref}>{otherReports()}</a></p>
    </Page>,
  );
}

/** The deadline's report is in (or the period was waived): nothing to send, the receipt to show. */
export function linkClosedPage(link: OpenLink, overviewHref: string): string {
  return renderPage(
    <Page title={tr('Đã ghi nhận báo cáo', 'Report recorded')}>
      <h1>{link.current ? tr('Báo cáo đã được ghi nhận', 'The report has been recorded') : tr('Kỳ báo cáo này được miễn', 'This period is waived')}</h1>
      <Facts link={link} />
      {link.current ? (
        <p class="msg ok" role="status">
          {tr('Số biên nhận ', 'Receipt number ')}
          <b>{link.current.receiptNumber ?? '—'}</b>
          {tr(', nhận lúc ', ', received at ')}
          {instant(link.current.submittedAt)}
          {link.current.documentNumber ? tr(`, văn bản số ${link.current.documentNumber}`, `, document no. ${link.current.documentNumber}`) : ''}.
        </p>
      ) : null}
      <p><a href={overviewHref}>{otherReports()}</a></p>
    </Page>,
  );
}

/** After the POST: the receipt number; the email with it is on its way. */
export function linkReceiptPage(opts: { link: OpenLink; receiptNumber: string; submittedAt: string; late: boolean; overviewHref: string }): string {
  return renderPage(
    <Page title={tr('Đã nhận báo cáo', 'Report received')}>
      <h1>{tr('Đã nhận báo cáo', 'Report received')}</h1>
      <p class="msg ok" role="status">
        {tr('Số biên nhận ', 'Receipt number ')}
        <b data-receipt>{opts.receiptNumber}</b>
        {tr(', nhận lúc ', ', received at ')}
        {instant(opts.submittedAt)} {opts.late ? tr('(muộn hạn)', '(late)') : tr('(đúng hạn)', '(on time)')}
        {tr('. Thư biên nhận đã được gửi tới địa chỉ email của đơn vị.', ". The receipt is on its way to the agency's email addresses.")}
      </p>
      <Facts link={opts.link} />
      <p><a href={opts.overviewHref}>{otherReports()}</a></p>
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

/** A link that does not hold: nothing was recorded. In Vietnamese, an English line for operators. */
export function linkRefusedPage(reason: LinkRefusal): string {
  const r = REFUSAL[reason];
  return renderPage(
    <Page title={tr('Liên kết không dùng được', 'The link cannot be used')}>
      <h1>{tr('Liên kết không dùng được', 'The link cannot be used')}</h1>
      <div class="msg err" role="alert" data-refusal={reason}>
        <p>{tr(r.vi, r.en)}</p>
        <p>{tr('Không có nội dung nào được ghi nhận.', 'Nothing was recorded.')}</p>
      </div>
      {currentLocale() === 'vi' ? <p lang="en" style="color:#666">{`${r.en} Nothing was recorded. (${reason})`}</p> : null}
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
      <h2>{tr('Cần báo cáo tiếp theo', 'Due next')}</h2>
      {o.next ? (
        <p data-next>
          {tr(`${o.next.planNumber} – ${o.next.periodLabel}: hạn ${o.next.lastDayVi}`, `${o.next.planNumber} – ${periodText(o.next.periodLabel)}: due ${formatIsoDay(o.next.lastDay)}`)}{' '}
          <span class={`state state-${o.next.state}`}>{state(o.next)}</span>
        </p>
      ) : (
        <p>{tr('Không còn báo cáo nào phải gửi.', 'Nothing is left to report.')}</p>
      )}
      <h2>{tr('Nhiệm vụ báo cáo', 'Reporting obligations')}</h2>
      <ul>
        {o.obligations.map((ob) => (
          <li>{`${ob.planNumber}: ${ob.ruleText}${ob.indicators ? ` (${ob.indicators})` : ''}`}</li>
        ))}
      </ul>
      <h2>{tr('Các kỳ báo cáo', 'Reporting periods')}</h2>
      <table>
        <tr><th>{tr('Kế hoạch', 'Plan')}</th><th>{tr('Kỳ', 'Period')}</th><th>{tr('Hạn', 'Due')}</th><th>{tr('Tình trạng', 'State')}</th></tr>
        {o.deadlines.map((d) => (
          <tr>
            <td>{d.planNumber}</td>
            <td>{periodText(d.periodLabel)}</td>
            <td>{tr(d.lastDayVi, formatIsoDay(d.lastDay))}</td>
            <td><span class={`state state-${d.state}`}>{state(d)}</span></td>
          </tr>
        ))}
      </table>
      <h2>{tr('Báo cáo đã gửi và biên nhận', 'Reports sent and receipts')}</h2>
      {o.reports.length === 0 ? <p>{tr('Chưa có báo cáo nào.', 'No reports yet.')}</p> : null}
      <table>
        {o.reports.length ? <tr><th>{tr('Kỳ', 'Period')}</th><th>{tr('Số biên nhận', 'Receipt number')}</th><th>{tr('Nhận lúc', 'Received at')}</th><th>{tr('Văn bản', 'Document')}</th><th>{tr('Tệp / liên kết', 'File / link')}</th><th>{tr('Ghi chú', 'Note')}</th></tr> : null}
        {o.reports.map((r) => (
          <tr>
            <td>{`${r.planNumber} – ${periodText(r.periodLabel)}`}</td>
            <td>{r.receiptNumber ?? '—'}</td>
            <td>{`${instant(r.submittedAt)}${r.late ? tr(' (muộn hạn)', ' (late)') : ''}`}</td>
            <td>{`${r.documentNumber ?? ''}${r.documentDate ? tr(` ngày ${viDay(r.documentDate)}`, ` of ${viDay(r.documentDate)}`) : ''}`}</td>
            <td>{r.fileName ?? r.link ?? ''}</td>
            <td>{r.returned ? tr(`Được yêu cầu bổ sung lúc ${instant(r.returned.at)}: ${r.returned.reason ?? ''}`, `Sent back for completion at ${instant(r.returned.at)}: ${r.returned.reason ?? ''}`) : ''}</td>
          </tr>
        ))}
      </table>
      <p><a href={opts.backHref}>{tr('Quay lại trang gửi báo cáo', 'Back to sending the report')}</a></p>
    </Page>,
  );
}
