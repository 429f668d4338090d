// /admin/organisations: the organisations the visitor administers (its own and those below
// it), and a form to create one under them; /admin/organisations/:id: rename it, set its
// leadership, its coordinating office and that office's head.
import { KIND_RANK, ORGANISATION_KIND_NAMES_VI, ORGANISATION_KINDS, type OrganisationKind } from '../../schemas/admin.schemas';
import type { OrganisationView } from '../../services/admin/organisations';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { Csrf, Problem, Saved, type FormProblem } from './forms';
import { organisationKindText, tr } from '../ui/i18n';

const kindVi = organisationKindText;

export function organisationsPage(opts: { chrome: PageChrome; organisations: OrganisationView[]; problem?: FormProblem | null; values?: Record<string, string>; saved?: boolean }): string {
  const { organisations } = opts;
  const values = opts.values ?? {};
  // Only a level that may hold another (a province, a district) can be a parent.
  const parents = organisations.filter((o) => (KIND_RANK[o.kind as OrganisationKind] ?? 9) < KIND_RANK.commune);
  return renderPage(
    <Layout title={tr('Cơ quan', 'Organisations')} chrome={opts.chrome}>
      <h1>{tr('Cơ quan', 'Organisations')}</h1>
      <Saved saved={opts.saved}>{tr('Đã tạo cơ quan.', 'Organisation created.')}</Saved>
      <table>
        <thead>
          <tr>
            <th>{tr('Tên', 'Name')}</th>
            <th>{tr('Cấp', 'Level')}</th>
            <th>{tr('Trực thuộc', 'Under')}</th>
            <th>{tr('Lãnh đạo', 'Leadership')}</th>
            <th>{tr('Cơ quan đầu mối', 'Coordinating office')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr>
              <td>{o.name}</td>
              <td>{kindVi(o.kind)}</td>
              <td>{o.parentName ?? ''}</td>
              <td>{o.leadershipName ? `${o.leadershipName} <${o.leadershipEmail ?? ''}>` : tr('Chưa có', 'None yet')}</td>
              <td>{o.coordinator ? `${o.coordinator.name}${o.coordinator.headName ? ` – ${o.coordinator.headName}` : ''}` : tr('Chưa chọn', 'Not chosen')}</td>
              <td>
                <a href={`/admin/organisations/${encodeURIComponent(o.id)}`}>{tr('Sửa', 'Edit')}</a> · <a href={`/admin/agencies?organisationId=${encodeURIComponent(o.id)}`}>{tr('Đơn vị', 'Agencies')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {parents.length ? (
        <>
          <h2>{tr('Tạo cơ quan trực thuộc', 'Create an organisation under it')}</h2>
          <Problem problem={opts.problem} />
          <form method="post" action="/admin/organisations">
            <Csrf token={opts.chrome.csrfToken} />
            <label>
              {tr('Trực thuộc', 'Under')}{' '}
              <select name="parentId" required>
                {parents.map((p) => (
                  <option value={p.id} selected={p.id === values.parentId}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {tr('Tên cơ quan', 'Organisation name')} <input name="name" required value={values.name ?? ''} />
            </label>
            <label>
              {tr('Cấp', 'Level')}{' '}
              <select name="kind">
                {ORGANISATION_KINDS.filter((k) => k !== 'province').map((k) => (
                  <option value={k} selected={k === (values.kind ?? 'commune')}>
                    {ORGANISATION_KIND_NAMES_VI[k]}
                  </option>
                ))}
              </select>
            </label>
            <button>{tr('Tạo cơ quan', 'Create the organisation')}</button>
          </form>
        </>
      ) : null}
    </Layout>,
  );
}

export function organisationPage(opts: { chrome: PageChrome; organisation: OrganisationView; problem?: FormProblem | null; values?: Record<string, string>; saved?: boolean }): string {
  const o = opts.organisation;
  const v = opts.values ?? {
    name: o.name,
    leadershipName: o.leadershipName ?? '',
    leadershipEmail: o.leadershipEmail ?? '',
    coordinatorAgencyId: o.coordinator?.id ?? '',
    coordinatorHeadName: o.coordinator?.headName ?? '',
    coordinatorHeadEmail: o.coordinator?.headEmail ?? '',
  };
  return renderPage(
    <Layout title={o.name} chrome={opts.chrome}>
      <p>
        <a href="/admin/organisations">{tr('← Cơ quan', '← Organisations')}</a>
      </p>
      <h1>{o.name}</h1>
      <p>
        {kindVi(o.kind)}
        {o.parentName ? ` trực thuộc ${o.parentName}` : ''} · <a href={`/admin/agencies?organisationId=${encodeURIComponent(o.id)}`}>{tr('Các đơn vị của cơ quan', 'The organisation\'s agencies')}</a>
      </p>
      <Saved saved={opts.saved} />
      <Problem problem={opts.problem} />
      <form method="post" action={`/admin/organisations/${encodeURIComponent(o.id)}`}>
        <Csrf token={opts.chrome.csrfToken} />
        <label>
          {tr('Tên cơ quan', 'Organisation name')} <input name="name" required value={v.name} />
        </label>
        <h2>{tr('Lãnh đạo', 'Leadership')}</h2>
        <p>{tr('Nhận báo cáo vượt cấp cuối cùng khi một đơn vị chậm báo cáo lâu.', 'Receives the last escalation when an agency is long late.')}</p>
        <label>
          {tr('Họ tên, chức vụ', 'Name, position')} <input name="leadershipName" value={v.leadershipName} />
        </label>
        <label>
          Email <input name="leadershipEmail" type="email" value={v.leadershipEmail} />
        </label>
        <h2>{tr('Cơ quan đầu mối', 'Coordinating office')}</h2>
        <p>{tr('Đơn vị theo dõi, đôn đốc và tổng hợp báo cáo; lãnh đạo của đơn vị này nhận báo cáo vượt cấp đầu tiên.', 'The agency that follows up, urges and compiles reports; its head receives the first escalation.')}</p>
        <label>
          {tr('Đơn vị', 'Agencies')}{' '}
          <select name="coordinatorAgencyId">
            <option value="">{tr('(chưa chọn)', '(none chosen)')}</option>
            {o.agencies.map((a) => (
              <option value={a.id} selected={a.id === v.coordinatorAgencyId}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        {/* The head fields below are the current office's: after choosing another office they are left alone. */}
        <input type="hidden" name="coordinatorWas" value={o.coordinator?.id ?? ''} />
        <label>
          {tr('Lãnh đạo cơ quan đầu mối', 'Head of the coordinating office')} <input name="coordinatorHeadName" value={v.coordinatorHeadName} />
        </label>
        <label>
          {tr('Email lãnh đạo cơ quan đầu mối', 'Email of the coordinating office\'s head')} <input name="coordinatorHeadEmail" type="email" value={v.coordinatorHeadEmail} />
        </label>
        <button>{tr('Lưu', 'Save')}</button>
      </form>
      <h2>{tr('Kế hoạch', 'Plans')}</h2>
      {o.plans.length === 0 ? <p>{tr('Chưa có kế hoạch nào.', 'No plans yet.')}</p> : null}
      <ul>
        {o.plans.map((p) => (
          <li>
            {p.number}: {p.title} · <a href={`/plans/${encodeURIComponent(p.id)}/reminder-policy`}>{tr('Chính sách nhắc hạn', 'Reminder policy')}{p.ownPolicy ? tr(' (riêng)', ' (own)') : tr(' (mặc định)', ' (default)')}</a>
          </li>
        ))}
      </ul>
    </Layout>,
  );
}
