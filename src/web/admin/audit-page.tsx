// /admin/audit: the audit log for administrators and auditors, newest first, with filters
// (a GET form, so a filtered view is a link one can share), paging, and the CSV export of
// the same filter.
import type { AuditPage, AuditRow } from '../../services/admin/audit-log';
import { OrganisationChoice } from '../ui/choices';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { actorTypeVi, AUDIT_ACTION_NAMES_VI, auditActionVi, formatAuditInstant } from './audit-text';

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
      <summary>Xem</summary>
      {before ? (
        <>
          <b>Trước</b>
          <pre>{pretty(before)}</pre>
        </>
      ) : null}
      {after ? (
        <>
          <b>Sau</b>
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
    <Layout title="Nhật ký thay đổi" chrome={opts.chrome}>
      <h1>Nhật ký thay đổi</h1>
      <p>Mọi thay đổi đều được ghi lại: ai (tài khoản hoặc mã truy cập API), làm gì, lúc nào, từ địa chỉ nào, trước và sau. Nhật ký chỉ được ghi thêm, không sửa, không xóa.</p>
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
        <OrganisationChoice organisations={organisations} selected={filters.organisationId} anyLabel="Tất cả" />
        <label>
          Người thực hiện (email hoặc tên mã truy cập) <input name="actor" value={filters.actor ?? ''} />
        </label>
        <label>
          Hành động{' '}
          <select name="action">
            <option value="">Tất cả</option>
            {Object.entries(AUDIT_ACTION_NAMES_VI).map(([code, name]) => (
              <option value={code} selected={code === filters.action}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mã đối tượng <input name="subject" value={filters.subject ?? ''} />
        </label>
        <label>
          Từ ngày <input name="from" type="date" value={filters.from ?? ''} />
        </label>
        <label>
          Đến ngày <input name="to" type="date" value={filters.to ?? ''} />
        </label>
        <button>Lọc</button> <a href={`/api/audit/export${query(filters)}`}>Tải về (CSV, mở bằng Excel)</a>
      </form>
      {page ? (
        page.events.length === 0 ? (
          <p>Không có thay đổi nào khớp bộ lọc.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Thời điểm</th>
                <th>Người thực hiện</th>
                <th>Địa chỉ IP</th>
                <th>Hành động</th>
                <th>Cơ quan</th>
                <th>Đối tượng</th>
                <th>Trước / sau</th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((r) => (
                <tr>
                  <td>{formatAuditInstant(r.at)}</td>
                  <td>
                    {r.actorLabel}
                    <br />
                    <small>{actorTypeVi(r.actorType)}</small>
                  </td>
                  <td>{r.ip ?? ''}</td>
                  <td>{auditActionVi(r.action)}</td>
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
          <a href={`/admin/audit${query(filters, { before: String(page.nextBefore) })}`}>Các thay đổi cũ hơn →</a>
        </p>
      ) : null}
    </Layout>,
  );
}
