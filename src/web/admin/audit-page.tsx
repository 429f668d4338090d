// /admin/audit: the audit log for administrators and auditors, newest first, with filters
// (a GET form, so a filtered view is a link one can share), paging, and the CSV export of
// the same filter.
import type { AuditPage, AuditRow } from '../../services/admin/audit-log';
import { OrganisationChoice } from '../ui/choices';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { actorTypeText, AUDIT_ACTION_NAMES_VI, auditActionText, formatAuditInstant } from './audit-text';
import { tr } from '../ui/i18n';

export interface AuditFilters {
  organisationId?: string;
  actor?: string;
  action?: string;
  subject?: string;
  from?: string;
  to?: string;
}

function query(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function Change(props: { row: AuditRow }) {
  const { before, after } = props.row;
  if (!before && !after) return null;
  return (
    <details>
      <summary>{tr('Xem', 'Show')}</summary>
      {before ? (
        <>
          <b>{tr('Trước', 'Before')}</b>
          <pre>{pretty(before)}</pre>
        </>
      ) : null}
      {after ? (
        <>
          <b>{tr('Sau', 'After')}</b>
          <pre>{pretty(after)}</pre>
        </>
      ) : null}
    </details>
  );
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export function auditPage(opts: { chrome: PageChrome; page: AuditPage | null; filters: AuditFilters; error?: string; errorLines?: string[] }): string {
  const { page, filters } = opts;
  const organisations = page?.organisations ?? [];
  return renderPage(
    <Layout title={tr('Nhật ký thay đổi', 'Audit log')} chrome={opts.chrome}>
      <h1>{tr('Nhật ký thay đổi', 'Audit log')}</h1>
      <p>{tr('Mọi thay đổi đều được ghi lại: ai (tài khoản hoặc mã truy cập API), làm gì, lúc nào, từ địa chỉ nào, trước và sau. Nhật ký chỉ được ghi thêm, không sửa, không xóa.', 'Every change is recorded: who (an account or an API token), what, when, from which address, before and after. The log is only ever appended to, never edited or deleted.')}</p>
      {opts.error ? (
        <div class="msg err" role="alert">
          <p>{opts.error}</p>
          <ul>
            {(opts.errorLines ?? []).map((l) => (
              <li>{l}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="get" action="/admin/audit">
        <OrganisationChoice organisations={organisations} selected={filters.organisationId} anyLabel={tr('Tất cả', 'All')} />
        <label>
          {tr('Người thực hiện (email hoặc tên mã truy cập)', 'Done by (email or API token name)')} <input name="actor" value={filters.actor ?? ''} />
        </label>
        <label>
          {tr('Hành động', 'Action')}{' '}
          <select name="action">
            <option value="">{tr('Tất cả', 'All')}</option>
            {Object.keys(AUDIT_ACTION_NAMES_VI).map((code) => (
              <option value={code} selected={code === filters.action}>
                {auditActionText(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('Mã đối tượng', 'Subject id')} <input name="subject" value={filters.subject ?? ''} />
        </label>
        <label>
          {tr('Từ ngày', 'From')} <input name="from" type="date" value={filters.from ?? ''} />
        </label>
        <label>
          {tr('Đến ngày', 'To')} <input name="to" type="date" value={filters.to ?? ''} />
        </label>
        <button>{tr('Lọc', 'Filter')}</button> <a href={`/api/audit/export${query(filters)}`}>{tr('Tải về (CSV, mở bằng Excel)', 'Download (CSV, opens in Excel)')}</a>
      </form>
      {page ? (
        page.events.length === 0 ? (
          <p>{tr('Không có thay đổi nào khớp bộ lọc.', 'No change matches the filters.')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{tr('Thời điểm', 'Time')}</th>
                <th>{tr('Người thực hiện', 'Done by')}</th>
                <th>{tr('Địa chỉ IP', 'IP address')}</th>
                <th>{tr('Hành động', 'Action')}</th>
                <th>{tr('Cơ quan', 'Organisation')}</th>
                <th>{tr('Đối tượng', 'Subject')}</th>
                <th>{tr('Trước / sau', 'Before / after')}</th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((r) => (
                <tr>
                  <td>{formatAuditInstant(r.at)}</td>
                  <td>
                    {r.actorLabel}
                    <br />
                    <small>{actorTypeText(r.actorType)}</small>
                  </td>
                  <td>{r.ip ?? ''}</td>
                  <td>{auditActionText(r.action)}</td>
                  <td>{r.organisationName ?? r.organisationId ?? ''}</td>
                  <td>
                    <code>{r.subjectId}</code>
                    <br />
                    <small>{r.subjectType}</small>
                  </td>
                  <td>
                    <Change row={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {page?.nextBefore ? (
        <p>
          <a href={`/admin/audit${query(filters, { before: String(page.nextBefore) })}`}>{tr('Các thay đổi cũ hơn →', 'Older changes →')}</a>
        </p>
      ) : null}
    </Layout>,
  );
}
