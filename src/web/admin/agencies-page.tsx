// /admin/agencies: the agencies the visitor may administer, by organisation, and a form to
// create one; /admin/agencies/:id: rename it, set its head, and add, change or remove its
// contacts (the next email of every running deadline goes to the addresses saved here).
import type { AgencyView } from '../../services/admin/agencies';
import type { OrganisationView } from '../../services/admin/organisations';
import { OrganisationChoice } from '../ui/choices';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { ActionButton, Csrf, LanguageChoice, Problem, Saved, type FormProblem } from './forms';
import { tr } from '../ui/i18n';

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
    <Layout title={tr('Đơn vị', 'Agency')} chrome={opts.chrome}>
      <h1>{tr('Đơn vị báo cáo', 'Reporting agencies')}</h1>
      {opts.agencies.length === 0 ? <p>{tr('Chưa có đơn vị nào.', 'No agencies yet.')}</p> : null}
      <table>
        <thead>
          <tr>
            <th>{tr('Cơ quan', 'Organisation')}</th>
            <th>{tr('Đơn vị', 'Agency')}</th>
            <th>{tr('Thủ trưởng', 'Head')}</th>
            <th>{tr('Đầu mối liên hệ', 'Contacts')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {opts.agencies.map((a) => (
            <tr>
              <td>{a.organisationName}</td>
              <td>
                {a.name}
                {a.coordinator ? tr(' (cơ quan đầu mối)', ' (coordinating office)') : ''}
              </td>
              <td>{a.headName ? `${a.headName} <${a.headEmail ?? 'chưa có email'}>` : tr('Chưa có', 'None yet')}</td>
              <td>{a.contacts.length ? a.contacts.map((c) => c.email).join(', ') : tr('Chưa có', 'None yet')}</td>
              <td>
                <a href={`/admin/agencies/${encodeURIComponent(a.id)}`}>{tr('Sửa', 'Edit')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {opts.organisations.length ? (
        <>
          <h2>{tr('Thêm đơn vị', 'Add an agency')}</h2>
          <Problem problem={opts.problem} />
          <form method="post" action="/admin/agencies">
            <Csrf token={opts.chrome.csrfToken} />
            <OrganisationChoice organisations={opts.organisations} selected={values.organisationId} />
            <label>
              {tr('Tên đơn vị', 'Agency name')} <input name="name" required value={values.name ?? ''} />
            </label>
            <label>
              {tr('Thủ trưởng', 'Head')} <input name="headName" value={values.headName ?? ''} />
            </label>
            <label>
              {tr('Email thủ trưởng', 'Head\'s email')} <input name="headEmail" type="email" value={values.headEmail ?? ''} />
            </label>
            <button>{tr('Thêm đơn vị', 'Add an agency')}</button>
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
        <a href={`/admin/agencies?organisationId=${encodeURIComponent(a.organisationId)}`}>{tr('← Đơn vị của', '← Agencies of')} {a.organisationName}</a>
      </p>
      <h1>{a.name}</h1>
      <p>{a.coordinator ? `Cơ quan đầu mối của ${a.organisationName}.` : a.organisationName}</p>
      <Saved saved={opts.saved} />
      <Problem problem={opts.problem} />
      <form method="post" action={base}>
        <Csrf token={token} />
        <label>
          {tr('Tên đơn vị', 'Agency name')} <input name="name" required value={v.name} />
        </label>
        <label>
          {tr('Thủ trưởng đơn vị (nhận thông báo quá hạn', 'Head of the agency (receives the overdue notices')}{a.coordinator ? tr(' và báo cáo vượt cấp', ' and escalations') : ''}) <input name="headName" value={v.headName} />
        </label>
        <label>
          {tr('Email thủ trưởng', 'Head\'s email')} <input name="headEmail" type="email" value={v.headEmail} />
        </label>
        <button>{tr('Lưu', 'Save')}</button>
      </form>
      <h2>{tr('Đầu mối liên hệ', 'Contacts')}</h2>
      <p>{tr('Nhận email nhắc hạn. Địa chỉ mới có hiệu lực từ email tiếp theo.', 'Receive the reminder emails. A new address takes effect from the next email.')}</p>
      <table>
        <thead>
          <tr>
            <th>{tr('Họ tên', 'Name')}</th>
            <th>Email</th>
            <th>{tr('Điện thoại', 'Phone')}</th>
            <th>{tr('Ngôn ngữ email', 'Email language')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {a.contacts.map((c) => {
            const formId = `contact-${c.id}`;
            return (
              <tr>
                <td>
                  <input form={formId} name="name" required value={c.name} aria-label={tr('Họ tên', 'Name')} />
                </td>
                <td>
                  <input form={formId} name="email" type="email" required value={c.email} aria-label="Email" />
                </td>
                <td>
                  <input form={formId} name="phone" value={c.phone ?? ''} aria-label={tr('Điện thoại', 'Phone')} />
                </td>
                <td>
                  <LanguageChoice form={formId} value={c.language} />
                </td>
                <td>
                  <form id={formId} method="post" action={`${base}/contacts/${encodeURIComponent(c.id)}`} style="display:inline;margin:0">
                    <Csrf token={token} />
                    <button>{tr('Lưu', 'Save')}</button>
                  </form>{' '}
                  <ActionButton action={`${base}/contacts/${encodeURIComponent(c.id)}/delete`} token={token} label={tr('Xóa', 'Delete')} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{tr('Thêm đầu mối', 'Add a contact')}</h3>
      <form method="post" action={`${base}/contacts`}>
        <Csrf token={token} />
        <label>
          {tr('Họ tên', 'Name')} <input name="name" required />
        </label>
        <label>
          Email <input name="email" type="email" required />
        </label>
        <label>
          {tr('Điện thoại', 'Phone')} <input name="phone" />
        </label>
        <label>
          {tr('Ngôn ngữ email', 'Email language')} <LanguageChoice />
        </label>
        <button>{tr('Thêm', 'Add')}</button>
      </form>
    </Layout>,
  );
}
