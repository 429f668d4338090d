// /admin/organisations: the organisations the visitor administers (its own and those below
// it), and a form to create one under them; /admin/organisations/:id: rename it, set its
// leadership, its coordinating office and that office's head.
import { KIND_RANK, ORGANISATION_KIND_NAMES_VI, ORGANISATION_KINDS, type OrganisationKind } from '../../schemas/admin.schemas';
import type { OrganisationView } from '../../services/admin/organisations';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { Csrf, Problem, Saved, type FormProblem } from './forms';

const kindVi = (kind: string) => ORGANISATION_KIND_NAMES_VI[kind as OrganisationKind] ?? kind;

export function organisationsPage(opts: { chrome: PageChrome; organisations: OrganisationView[]; problem?: FormProblem | null; values?: Record<string, string>; saved?: boolean }): string {
  const { organisations } = opts;
  const values = opts.values ?? {};
  // Only a level that may hold another (a province, a district) can be a parent.
  const parents = organisations.filter((o) => (KIND_RANK[o.kind as OrganisationKind] ?? 9) < KIND_RANK.commune);
  return renderPage(
    <Layout title="Cơ quan" chrome={opts.chrome}>
      <h1>Cơ quan</h1>
      <Saved saved={opts.saved}>Đã tạo cơ quan.</Saved>
      <table>
        <thead>
          <tr>
            <th>Tên</th>
            <th>Cấp</th>
            <th>Trực thuộc</th>
            <th>Lãnh đạo</th>
            <th>Cơ quan đầu mối</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr>
              <td>{o.name}</td>
              <td>{kindVi(o.kind)}</td>
              <td>{o.parentName ?? ''}</td>
              <td>{o.leadershipName ? `${o.leadershipName} <${o.leadershipEmail ?? ''}>` : 'Chưa có'}</td>
              <td>{o.coordinator ? `${o.coordinator.name}${o.coordinator.headName ? ` – ${o.coordinator.headName}` : ''}` : 'Chưa chọn'}</td>
              <td>
                <a href={`/admin/organisations/${encodeURIComponent(o.id)}`}>Sửa</a> · <a href={`/admin/agencies?organisationId=${encodeURIComponent(o.id)}`}>Đơn vị</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {parents.length ? (
        <>
          <h2>Tạo cơ quan trực thuộc</h2>
          <Problem problem={opts.problem} />
          <form method="post" action="/admin/organisations">
            <Csrf token={opts.chrome.csrfToken} />
            <label>
              Trực thuộc{' '}
              <select name="parentId" required>
                {parents.map((p) => (
                  <option value={p.id} selected={p.id === values.parentId}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Tên cơ quan <input name="name" required value={values.name ?? ''} />
            </label>
            <label>
              Cấp{' '}
              <select name="kind">
                {ORGANISATION_KINDS.filter((k) => k !== 'province').map((k) => (
                  <option value={k} selected={k === (values.kind ?? 'commune')}>
                    {ORGANISATION_KIND_NAMES_VI[k]}
                  </option>
                ))}
              </select>
            </label>
            <button>Tạo cơ quan</button>
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
        <a href="/admin/organisations">← Cơ quan</a>
      </p>
      <h1>{o.name}</h1>
      <p>
        {kindVi(o.kind)}
        {o.parentName ? ` trực thuộc ${o.parentName}` : ''} · <a href={`/admin/agencies?organisationId=${encodeURIComponent(o.id)}`}>Các đơn vị của cơ quan</a>
      </p>
      <Saved saved={opts.saved} />
      <Problem problem={opts.problem} />
      <form method="post" action={`/admin/organisations/${encodeURIComponent(o.id)}`}>
        <Csrf token={opts.chrome.csrfToken} />
        <label>
          Tên cơ quan <input name="name" required value={v.name} />
        </label>
        <h2>Lãnh đạo</h2>
        <p>Nhận báo cáo vượt cấp cuối cùng khi một đơn vị chậm báo cáo lâu.</p>
        <label>
          Họ tên, chức vụ <input name="leadershipName" value={v.leadershipName} />
        </label>
        <label>
          Email <input name="leadershipEmail" type="email" value={v.leadershipEmail} />
        </label>
        <h2>Cơ quan đầu mối</h2>
        <p>Đơn vị theo dõi, đôn đốc và tổng hợp báo cáo; lãnh đạo của đơn vị này nhận báo cáo vượt cấp đầu tiên.</p>
        <label>
          Đơn vị{' '}
          <select name="coordinatorAgencyId">
            <option value="">(chưa chọn)</option>
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
          Lãnh đạo cơ quan đầu mối <input name="coordinatorHeadName" value={v.coordinatorHeadName} />
        </label>
        <label>
          Email lãnh đạo cơ quan đầu mối <input name="coordinatorHeadEmail" type="email" value={v.coordinatorHeadEmail} />
        </label>
        <button>Lưu</button>
      </form>
      <h2>Kế hoạch</h2>
      {o.plans.length === 0 ? <p>Chưa có kế hoạch nào.</p> : null}
      <ul>
        {o.plans.map((p) => (
          <li>
            {p.number}: {p.title} · <a href={`/plans/${encodeURIComponent(p.id)}/reminder-policy`}>Chính sách nhắc hạn{p.ownPolicy ? ' (riêng)' : ' (mặc định)'}</a>
          </li>
        ))}
      </ul>
    </Layout>,
  );
}
