// /admin/users: the accounts the visitor administers; /admin/users/new: create one with a
// first role (the form the browser test fills: email, name, password, organisationId, role,
// agencyId); /admin/users/:id: give and take roles, disable or enable the account.
import { ROLE_NAMES_VI, type Role } from '../../auth/policy';
import type { UserView } from '../../services/admin/users';
import { OrganisationChoice, RoleChoice } from '../ui/choices';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { ActionButton, Csrf, Problem, Saved, type FormProblem } from './forms';

/** What the role and agency selects offer: the organisations the visitor administers and their agencies. */
export interface MembershipChoices {
  organisations: { id: string; name: string }[];
  agencies: { id: string; name: string; organisationId: string }[];
}

const roleVi = (role: string) => ROLE_NAMES_VI[role as Role] ?? role;

function membershipText(m: UserView['memberships'][number]): string {
  return `${roleVi(m.role)} – ${m.organisationName}${m.agencyName ? ` (${m.agencyName})` : ''}`;
}

export function usersPage(opts: { chrome: PageChrome; users: UserView[]; saved?: boolean }): string {
  return renderPage(
    <Layout title="Người dùng" chrome={opts.chrome}>
      <h1>Người dùng</h1>
      <Saved saved={opts.saved} />
      <p>
        <a href="/admin/users/new">+ Tạo người dùng</a>
      </p>
      <table>
        <thead>
          <tr>
            <th>Email</th>
            <th>Họ tên</th>
            <th>Vai trò</th>
            <th>Trạng thái</th>
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
                {u.otherMemberships ? <div>và {u.otherMemberships} vai trò ở cơ quan khác</div> : null}
              </td>
              <td>{u.disabled ? 'Đã khóa' : 'Đang hoạt động'}</td>
              <td>
                <a href={`/admin/users/${encodeURIComponent(u.id)}`}>Quản lý</a>
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
        Đơn vị (chỉ với vai trò {ROLE_NAMES_VI.agency}){' '}
        <select name="agencyId">
          <option value="">(không)</option>
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
    <Layout title="Tạo người dùng" chrome={opts.chrome}>
      <p>
        <a href="/admin/users">← Người dùng</a>
      </p>
      <h1>Tạo người dùng</h1>
      <Problem problem={opts.problem} />
      <form method="post" action="/admin/users">
        <Csrf token={opts.chrome.csrfToken} />
        <label>
          Email <input name="email" type="email" required autocomplete="off" value={values.email ?? ''} />
        </label>
        <label>
          Họ tên <input name="name" required value={values.name ?? ''} />
        </label>
        <label>
          Mật khẩu ban đầu (ít nhất 12 ký tự; hãy báo cho người dùng qua kênh an toàn) <input name="password" type="password" required minLength={12} autocomplete="new-password" />
        </label>
        <MembershipFields choices={opts.choices} values={values} />
        <button>Tạo người dùng</button>
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
        <a href="/admin/users">← Người dùng</a>
      </p>
      <h1>{u.name}</h1>
      <p>
        {u.email} · {u.disabled ? 'Đã khóa' : 'Đang hoạt động'}
      </p>
      <Saved saved={opts.saved} />
      <Problem problem={opts.problem} />
      <h2>Vai trò</h2>
      <ul>
        {u.memberships.map((m) => (
          <li>
            {membershipText(m)} <ActionButton action={`${base}/memberships/${encodeURIComponent(m.id)}/delete`} token={token} label="Thu hồi" />
          </li>
        ))}
        {u.otherMemberships ? <li>và {u.otherMemberships} vai trò ở cơ quan khác mà bạn không quản trị</li> : null}
      </ul>
      <h3>Giao thêm vai trò</h3>
      <form method="post" action={`${base}/memberships`}>
        <Csrf token={token} />
        <MembershipFields choices={opts.choices} values={opts.values ?? {}} />
        <button>Giao vai trò</button>
      </form>
      <h2>Tài khoản</h2>
      {u.disabled ? (
        <ActionButton action={`${base}/enable`} token={token} label="Mở khóa tài khoản" />
      ) : (
        <>
          <p>Khóa tài khoản sẽ đăng xuất người dùng khỏi mọi phiên làm việc ngay lập tức.</p>
          <ActionButton action={`${base}/disable`} token={token} label="Khóa tài khoản" />
        </>
      )}
    </Layout>,
  );
}
