// The administrator's API tokens: the list (never a token itself), a form to make one, the
// new token shown once, and a button to revoke each live one. Plain forms, with the CSRF token.
import { ROLE_NAMES_VI } from '../../auth/policy';
import { formatViInstant } from '../../domain/local-date';
import type { TokenSummary } from '../../services/api-tokens';
import { OrganisationChoice, RoleChoice } from '../ui/choices';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';

export interface TokenChoice {
  id: string;
  name: string;
  agencies: { id: string; name: string }[];
}

export interface TokensPageData {
  chrome: PageChrome & { csrfToken: string };
  tokens: TokenSummary[];
  choices: TokenChoice[];
  /** Just made: its one showing. */
  created?: { name: string; token: string };
  error?: { message: string; details: string[] };
}

const when = (iso: string | null) => (iso ? formatViInstant(new Date(iso)) : '—');

function TokenRow(props: { t: TokenSummary; csrfToken: string }) {
  const { t } = props;
  return (
    <tr>
      <td>{t.name}</td>
      <td>{t.organisationName}</td>
      <td>{ROLE_NAMES_VI[t.role]}</td>
      <td>{t.agencyName ?? '—'}</td>
      <td>
        {when(t.createdAt)}
        {t.createdBy ? <div>{t.createdBy}</div> : null}
      </td>
      <td>{when(t.lastUsedAt)}</td>
      <td>
        {t.revokedAt ? (
          `Đã thu hồi lúc ${when(t.revokedAt)}`
        ) : (
          <form method="post" action={`/admin/tokens/${encodeURIComponent(t.id)}/revoke`}>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <button>Thu hồi</button>
          </form>
        )}
      </td>
    </tr>
  );
}

export function tokensPage(data: TokensPageData): string {
  const { chrome } = data;
  return renderPage(
    <Layout title="Mã truy cập API" chrome={chrome}>
      <h1>Mã truy cập API</h1>
      <p>
        Mã cho phần mềm khác gọi API của hệ thống thay một vai trò trong một tổ chức (gửi kèm tiêu đề <code>Authorization: Bearer hbc_…</code>).
        Hệ thống chỉ giữ dấu băm của mã: mã chỉ hiện một lần, khi vừa tạo.
      </p>
      {data.created ? (
        <div class="msg ok" role="status">
          <p>
            Mã mới <b>{data.created.name}</b>. Hãy sao chép ngay: mã sẽ không hiện lại.
          </p>
          <p>
            <input id="new-token" readonly value={data.created.token} size={60} />
          </p>
        </div>
      ) : null}
      {data.error ? (
        <div class="msg err" role="alert">
          <p>{data.error.message}</p>
          {data.error.details.length ? (
            <ul>
              {data.error.details.map((d) => (
                <li>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>Tên</th>
            <th>Tổ chức</th>
            <th>Vai trò</th>
            <th>Đơn vị</th>
            <th>Tạo lúc</th>
            <th>Dùng lần cuối</th>
            <th>Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          {data.tokens.length ? (
            data.tokens.map((t) => <TokenRow t={t} csrfToken={chrome.csrfToken} />)
          ) : (
            <tr>
              <td colSpan={7}>Chưa có mã nào.</td>
            </tr>
          )}
        </tbody>
      </table>
      <h2>Tạo mã mới</h2>
      <form method="post" action="/admin/tokens">
        <input type="hidden" name="_csrf" value={chrome.csrfToken} />
        <label>
          Tên (phần mềm dùng mã) <input name="name" required maxLength={200} />
        </label>
        <OrganisationChoice organisations={data.choices} label="Tổ chức" />
        <RoleChoice />
        <label>
          Đơn vị (chỉ cho vai trò Đơn vị báo cáo){' '}
          <select name="agencyId">
            <option value="">—</option>
            {data.choices.map((o) => (
              <optgroup label={o.name}>
                {o.agencies.map((a) => (
                  <option value={a.id}>{a.name}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button>Tạo mã</button>
      </form>
    </Layout>,
  );
}
