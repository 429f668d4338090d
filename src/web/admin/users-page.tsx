// /admin/users: the accounts the visitor administers; /admin/users/new: create one with a
// first role (the form the browser test fills: email, name, password, organisationId, role,
// agencyId); /admin/users/:id: give and take roles, disable or enable the account.
import type { UserView } from '../../services/admin/users';
import { OrganisationChoice, RoleChoice } from '../ui/choices';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { ActionButton, Csrf, LanguageChoice, languageName, Problem, Saved, type FormProblem } from './forms';
import { roleText, tr } from '../ui/i18n';

/** What the role and agency selects offer: the organisations the visitor administers and their agencies. */
export interface MembershipChoices {
  organisations: { id: string; name: string }[];
  agencies: { id: string; name: string; organisationId: string }[];
}

const roleVi = roleText;

function membershipText(m: UserView['memberships'][number]): string {
  return `${roleVi(m.role)} – ${m.organisationName}${m.agencyName ? ` (${m.agencyName})` : ''}`;
}

export function usersPage(opts: { chrome: PageChrome; users: UserView[]; saved?: boolean }): string {
  return renderPage(
    <Layout title={tr('Người dùng', 'Users')} chrome={opts.chrome}>
      <h1>{tr('Người dùng', 'Users')}</h1>
      <Saved saved={opts.saved} />
      <p>
        <a href="/admin/users/new">{tr('+ Tạo người dùng', '+ Create a user')}</a>
      </p>
      <table>
        <thead>
          <tr>
            <th>Email</th>
            <th>{tr('Họ tên', 'Name')}</th>
            <th>{tr('Vai trò', 'Roles')}</th>
            <th>{tr('Trạng thái', 'Status')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {opts.users.map((u) => (
            <tr>
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>
                {u.memberships.map((m) => (
                  <div>{membershipText(m)}</div>
                ))}
                {u.otherMemberships ? <div>{tr('và', 'and')} {u.otherMemberships} {tr('vai trò ở cơ quan khác', 'roles in other organisations')}</div> : null}
              </td>
              <td>{u.disabled ? tr('Đã khóa', 'Locked') : tr('Đang hoạt động', 'Active')}</td>
              <td>
                <a href={`/admin/users/${encodeURIComponent(u.id)}`}>{tr('Quản lý', 'Manage')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>,
  );
}

function MembershipFields(props: { choices: MembershipChoices; values: Record<string, string> }) {
  const { choices, values } = props;
  return (
    <>
      <OrganisationChoice organisations={choices.organisations} selected={values.organisationId} />
      <RoleChoice selected={values.role} />
      <label>
        {tr('Đơn vị (chỉ với vai trò ', 'Agency (only for the role ')}
        {roleText('agency')}
        {')'}{' '}
        <select name="agencyId">
          <option value="">{tr('(không)', '(none)')}</option>
          {choices.organisations.map((o) => (
            <optgroup label={o.name}>
              {choices.agencies
                .filter((a) => a.organisationId === o.id)
                .map((a) => (
                  <option value={a.id} selected={a.id === values.agencyId}>
                    {a.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
    </>
  );
}

export function newUserPage(opts: { chrome: PageChrome; choices: MembershipChoices; problem?: FormProblem | null; values?: Record<string, string> }): string {
  const values = opts.values ?? {};
  return renderPage(
    <Layout title={tr('Tạo người dùng', 'Create the user')} chrome={opts.chrome}>
      <p>
        <a href="/admin/users">{tr('← Người dùng', '← Users')}</a>
      </p>
      <h1>{tr('Tạo người dùng', 'Create the user')}</h1>
      <Problem problem={opts.problem} />
      <form method="post" action="/admin/users">
        <Csrf token={opts.chrome.csrfToken} />
        <label>
          Email <input name="email" type="email" required autocomplete="off" value={values.email ?? ''} />
        </label>
        <label>
          {tr('Họ tên', 'Name')} <input name="name" required value={values.name ?? ''} />
        </label>
        <label>
          {tr('Ngôn ngữ email', 'Email language')} <LanguageChoice value={values.language} />
        </label>
        <label>
          {tr('Mật khẩu ban đầu (ít nhất 12 ký tự; hãy báo cho người dùng qua kênh an toàn)', 'Initial password (at least 12 characters; tell the user through a safe channel)')} <input name="password" type="password" required minLength={12} autocomplete="new-password" />
        </label>
        <MembershipFields choices={opts.choices} values={values} />
        <button>{tr('Tạo người dùng', 'Create the user')}</button>
      </form>
    </Layout>,
  );
}

export function userPage(opts: { chrome: PageChrome; user: UserView; choices: MembershipChoices; problem?: FormProblem | null; values?: Record<string, string>; saved?: boolean }): string {
  const u = opts.user;
  const base = `/admin/users/${encodeURIComponent(u.id)}`;
  const token = opts.chrome.csrfToken;
  return renderPage(
    <Layout title={u.email} chrome={opts.chrome}>
      <p>
        <a href="/admin/users">{tr('← Người dùng', '← Users')}</a>
      </p>
      <h1>{u.name}</h1>
      <p>
        {u.email} · {u.disabled ? tr('Đã khóa', 'Locked') : tr('Đang hoạt động', 'Active')} · {tr('Email bằng', 'Emails in')} {languageName(u.language)}
      </p>
      <Saved saved={opts.saved} />
      <Problem problem={opts.problem} />
      <h2>{tr('Vai trò', 'Roles')}</h2>
      <ul>
        {u.memberships.map((m) => (
          <li>
            {membershipText(m)} <ActionButton action={`${base}/memberships/${encodeURIComponent(m.id)}/delete`} token={token} label={tr('Thu hồi', 'Revoke')} />
          </li>
        ))}
        {u.otherMemberships ? <li>{tr('và', 'and')} {u.otherMemberships} {tr('vai trò ở cơ quan khác mà bạn không quản trị', 'roles in other organisations you do not administer')}</li> : null}
      </ul>
      <h3>{tr('Giao thêm vai trò', 'Give another role')}</h3>
      <form method="post" action={`${base}/memberships`}>
        <Csrf token={token} />
        <MembershipFields choices={opts.choices} values={opts.values ?? {}} />
        <button>{tr('Giao vai trò', 'Give the role')}</button>
      </form>
      <h2>{tr('Tài khoản', 'Account')}</h2>
      {u.disabled ? (
        <ActionButton action={`${base}/enable`} token={token} label={tr('Mở khóa tài khoản', 'Unlock the account')} />
      ) : (
        <>
          <p>{tr('Khóa tài khoản sẽ đăng xuất người dùng khỏi mọi phiên làm việc ngay lập tức.', 'Locking the account signs the user out of every session at once.')}</p>
          <ActionButton action={`${base}/disable`} token={token} label={tr('Khóa tài khoản', 'Lock the account')} />
        </>
      )}
    </Layout>,
  );
}
