// /admin/agencies: the agencies the visitor may administer, by organisation, and a form to
// create one; /admin/agencies/:id: rename it, set its head, and add, change or remove its
// contacts (the next email of every running deadline goes to the addresses saved here).
import type { AgencyView } from '../../services/admin/agencies';
import type { OrganisationView } from '../../services/admin/organisations';
import { OrganisationChoice } from '../ui/choices';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { ActionButton, Csrf, Problem, Saved, type FormProblem } from './forms';

export function agenciesPage(opts: {
  chrome: PageChrome;
  agencies: AgencyView[];
  /** Where new agencies may be created. */
  organisations: Pick<OrganisationView, 'id' | 'name'>[];
  organisationId?: string;
  problem?: FormProblem | null;
  values?: Record<string, string>;
}): string {
  const values = opts.values ?? { organisationId: opts.organisationId ?? '' };
  return renderPage(
    <Layout title="Đơn vị" chrome={opts.chrome}>
      <h1>Đơn vị báo cáo</h1>
      {opts.agencies.length === 0 ? <p>Chưa có đơn vị nào.</p> : null}
      <table>
        <thead>
          <tr>
            <th>Cơ quan</th>
            <th>Đơn vị</th>
            <th>Thủ trưởng</th>
            <th>Đầu mối liên hệ</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {opts.agencies.map((a) => (
            <tr>
              <td>{a.organisationName}</td>
              <td>
                {a.name}
                {a.coordinator ? ' (cơ quan đầu mối)' : ''}
              </td>
              <td>{a.headName ? `${a.headName} <${a.headEmail ?? 'chưa có email'}>` : 'Chưa có'}</td>
              <td>{a.contacts.length ? a.contacts.map((c) => c.email).join(', ') : 'Chưa có'}</td>
              <td>
                <a href={`/admin/agencies/${encodeURIComponent(a.id)}`}>Sửa</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {opts.organisations.length ? (
        <>
          <h2>Thêm đơn vị</h2>
          <Problem problem={opts.problem} />
          <form method="post" action="/admin/agencies">
            <Csrf token={opts.chrome.csrfToken} />
            <OrganisationChoice organisations={opts.organisations} selected={values.organisationId} />
            <label>
              Tên đơn vị <input name="name" required value={values.name ?? ''} />
            </label>
            <label>
              Thủ trưởng <input name="headName" value={values.headName ?? ''} />
            </label>
            <label>
              Email thủ trưởng <input name="headEmail" type="email" value={values.headEmail ?? ''} />
            </label>
            <button>Thêm đơn vị</button>
          </form>
        </>
      ) : null}
    </Layout>,
  );
}

export function agencyPage(opts: { chrome: PageChrome; agency: AgencyView; problem?: FormProblem | null; values?: Record<string, string>; saved?: boolean }): string {
  const a = opts.agency;
  const base = `/admin/agencies/${encodeURIComponent(a.id)}`;
  const v = opts.values ?? { name: a.name, headName: a.headName ?? '', headEmail: a.headEmail ?? '' };
  const token = opts.chrome.csrfToken;
  return renderPage(
    <Layout title={a.name} chrome={opts.chrome}>
      <p>
        <a href={`/admin/agencies?organisationId=${encodeURIComponent(a.organisationId)}`}>← Đơn vị của {a.organisationName}</a>
      </p>
      <h1>{a.name}</h1>
      <p>{a.coordinator ? `Cơ quan đầu mối của ${a.organisationName}.` : a.organisationName}</p>
      <Saved saved={opts.saved} />
      <Problem problem={opts.problem} />
      <form method="post" action={base}>
        <Csrf token={token} />
        <label>
          Tên đơn vị <input name="name" required value={v.name} />
        </label>
        <label>
          Thủ trưởng đơn vị (nhận thông báo quá hạn{a.coordinator ? ' và báo cáo vượt cấp' : ''}) <input name="headName" value={v.headName} />
        </label>
        <label>
          Email thủ trưởng <input name="headEmail" type="email" value={v.headEmail} />
        </label>
        <button>Lưu</button>
      </form>
      <h2>Đầu mối liên hệ</h2>
      <p>Nhận email nhắc hạn. Địa chỉ mới có hiệu lực từ email tiếp theo.</p>
      <table>
        <thead>
          <tr>
            <th>Họ tên</th>
            <th>Email</th>
            <th>Điện thoại</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {a.contacts.map((c) => {
            const formId = `contact-${c.id}`;
            return (
              <tr>
                <td>
                  <input form={formId} name="name" required value={c.name} aria-label="Họ tên" />
                </td>
                <td>
                  <input form={formId} name="email" type="email" required value={c.email} aria-label="Email" />
                </td>
                <td>
                  <input form={formId} name="phone" value={c.phone ?? ''} aria-label="Điện thoại" />
                </td>
                <td>
                  <form id={formId} method="post" action={`${base}/contacts/${encodeURIComponent(c.id)}`} style="display:inline;margin:0">
                    <Csrf token={token} />
                    <button>Lưu</button>
                  </form>{' '}
                  <ActionButton action={`${base}/contacts/${encodeURIComponent(c.id)}/delete`} token={token} label="Xóa" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Thêm đầu mối</h3>
      <form method="post" action={`${base}/contacts`}>
        <Csrf token={token} />
        <label>
          Họ tên <input name="name" required />
        </label>
        <label>
          Email <input name="email" type="email" required />
        </label>
        <label>
          Điện thoại <input name="phone" />
        </label>
        <button>Thêm</button>
      </form>
    </Layout>,
  );
}
