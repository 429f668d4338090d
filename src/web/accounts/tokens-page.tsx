// The administrator's API tokens: the list (never a token itself), a form to make one, the
// new token shown once, and a button to revoke each live one. Plain forms, with the CSRF token.
import type { TokenSummary } from '../../services/api-tokens';
import { OrganisationChoice, RoleChoice } from '../ui/choices';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { formatInstant, roleText, tr } from '../ui/i18n';

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

const when = (iso: string | null) => (iso ? formatInstant(new Date(iso)) : '—');

function TokenRow(props: { t: TokenSummary; csrfToken: string }) {
  const { t } = props;
  return (
    <tr>
      <td>{t.name}</td>
      <td>{t.organisationName}</td>
      <td>{roleText(t.role)}</td>
      <td>{t.agencyName ?? '—'}</td>
      <td>
        {when(t.createdAt)}
        {t.createdBy ? <div>{t.createdBy}</div> : null}
      </td>
      <td>{when(t.lastUsedAt)}</td>
      <td>
        {t.revokedAt ? (
          tr(`Đã thu hồi lúc ${when(t.revokedAt)}`, `Revoked at ${when(t.revokedAt)}`)
        ) : (
          <form method="post" action={`/admin/tokens/${encodeURIComponent(t.id)}/revoke`}>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <button>{tr('Thu hồi', 'Revoke')}</button>
          </form>
        )}
      </td>
    </tr>
  );
}

export function tokensPage(data: TokensPageData): string {
  const { chrome } = data;
  return renderPage(
    <Layout title={tr('Mã truy cập API', 'API tokens')} chrome={chrome}>
      <h1>{tr('Mã truy cập API', 'API tokens')}</h1>
      <p>
        {tr('Mã cho phần mềm khác gọi API của hệ thống thay một vai trò trong một tổ chức (gửi kèm tiêu đề ', "Tokens let other software call the system's API in a role of an organisation (send the header ")}
        <code>Authorization: Bearer hbc_…</code>
        {tr(
          '). Hệ thống chỉ giữ dấu băm của mã: mã chỉ hiện một lần, khi vừa tạo.',
          '). The system keeps only a hash of each token: a token is shown once, when it is made.',
        )}
      </p>
      {data.created ? (
        <div class="msg ok" role="status">
          <p>
            {tr('Mã mới ', 'New token ')}
            <b>{data.created.name}</b>
            {tr('. Hãy sao chép ngay: mã sẽ không hiện lại.', '. Copy it now: it will not be shown again.')}
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
            <th>{tr('Tên', 'Name')}</th>
            <th>{tr('Tổ chức', 'Organisation')}</th>
            <th>{tr('Vai trò', 'Role')}</th>
            <th>{tr('Đơn vị', 'Agency')}</th>
            <th>{tr('Tạo lúc', 'Made at')}</th>
            <th>{tr('Dùng lần cuối', 'Last used')}</th>
            <th>{tr('Trạng thái', 'Status')}</th>
          </tr>
        </thead>
        <tbody>
          {data.tokens.length ? (
            data.tokens.map((t) => <TokenRow t={t} csrfToken={chrome.csrfToken} />)
          ) : (
            <tr>
              <td colSpan={7}>{tr('Chưa có mã nào.', 'No tokens yet.')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <h2>{tr('Tạo mã mới', 'Make a new token')}</h2>
      <form method="post" action="/admin/tokens">
        <input type="hidden" name="_csrf" value={chrome.csrfToken} />
        <label>
          {tr('Tên (phần mềm dùng mã)', 'Name (the software that uses it)')} <input name="name" required maxLength={200} />
        </label>
        <OrganisationChoice organisations={data.choices} label={tr('Tổ chức', 'Organisation')} />
        <RoleChoice />
        <label>
          {tr('Đơn vị (chỉ cho vai trò Đơn vị báo cáo)', 'Agency (only for the Reporting agency role)')}{' '}
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
        <button>{tr('Tạo mã', 'Make the token')}</button>
      </form>
    </Layout>,
  );
}
