// One plan (GET /plans/:id): its obligations and campaigns, per period how many agencies have
// reported with a button to remind the others, its deadlines on the board's terms, and the
// ad-hoc request form. The route decides from the policy which forms the visitor sees.
import { localDateOf, toIsoDate } from '../../domain/local-date';
import type { BoardRow } from '../../services/board';
import type { PlanView } from '../../services/plan-view';
import { BOARD_CSS } from '../board/board-page';
import { BoardTable } from '../board/board-table';
import { CalendarFeedsSection, type FeedsSectionProps } from '../exports/calendar-feeds-section';
import { ApiFormsScript } from '../ui/api-forms';
import { Layout, type PageChrome } from '../ui/layout';
import { Style } from '../ui/parts';
import { renderPage } from '../ui/render';
import { AdhocRequestForm, CampaignResultsDueForm, RemindMissingForm } from './plan-actions';

const KIND_VI: Record<string, string> = { periodic: 'Định kỳ', adhoc: 'Đột xuất', rollup: 'Báo cáo tổng hợp gửi cấp trên' };

export interface PlanPageActions {
  remind: boolean;
  adhoc: boolean;
  /** May set the day of a campaign's results report. */
  resultsDue: boolean;
}

function Progress(props: { view: PlanView; remind: boolean }) {
  const { view } = props;
  if (!view.periods.length) return <p>Chưa có kỳ báo cáo nào được mở.</p>;
  return (
    <table id="progress">
      <thead>
        <tr>
          <th>Kỳ</th>
          <th>Tiến độ</th>
          <th>Còn thiếu</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {view.periods.map((p) => (
          <tr data-period={p.periodKey}>
            <td>{p.label}</td>
            <td>{`${p.progress.reported}/${p.progress.expected} đơn vị đã báo cáo`}</td>
            <td>{p.progress.missing.join(', ')}</td>
            <td>{props.remind && p.openCount > 0 ? <RemindMissingForm planId={view.plan.id} periodKey={p.periodKey} missing={p.openCount} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function planPage(view: PlanView, actions: PlanPageActions, canRemind: (r: BoardRow) => boolean, now: Date, chrome: PageChrome, feeds?: FeedsSectionProps): string {
  const { plan } = view;
  const today = toIsoDate(localDateOf(now));
  return renderPage(
    <Layout title={`${plan.number} – ${plan.title}`} chrome={chrome}>
      <Style css={BOARD_CSS} />
      <h1>{`Kế hoạch ${plan.number}`}</h1>
      <p>{plan.title}</p>
      <p>{`${plan.organisation}; ban hành ngày ${plan.issuedOnVi}; giai đoạn ${plan.span}.`}</p>
      <h2>Tiến độ báo cáo</h2>
      <Progress view={view} remind={actions.remind} />
      <h2>Nhiệm vụ báo cáo</h2>
      <table id="obligations">
        <thead>
          <tr>
            <th>Đơn vị</th>
            <th>Quy định</th>
            <th>Loại</th>
            <th>Chỉ tiêu</th>
          </tr>
        </thead>
        <tbody>
          {view.obligations.map((o) => (
            <tr>
              <td>{o.agency}</td>
              <td>{o.title ? `${o.title}: ${o.ruleText}` : o.ruleText}</td>
              <td>{KIND_VI[o.kind] ?? o.kind}</td>
              <td>{o.indicators}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Đợt cao điểm, chiến dịch</h2>
      {view.campaigns.length ? (
        <ul id="campaigns">
          {view.campaigns.map((c) => (
            <li>
              <b>{c.name}</b>
              {` (${c.start.replace('-', '/')} – ${c.end.replace('-', '/')} hằng năm)`}
              {c.runs.map((r) => (
                <div>
                  <small>{`Năm ${r.year}: ${r.start} – ${r.end}; báo cáo kết quả đến hết ${r.resultsDue}${r.status === 'done' ? ' (đã nhận)' : ''}`}</small>
                  {actions.resultsDue && r.status === 'open' ? (
                    <CampaignResultsDueForm campaignId={c.id} year={r.year} resultsDue={r.resultsDueIso} min={r.endIso > today ? r.endIso : today} />
                  ) : null}
                </div>
              ))}
            </li>
          ))}
        </ul>
      ) : (
        <p>Kế hoạch không có đợt cao điểm.</p>
      )}
      <h2>Các hạn báo cáo</h2>
      <BoardTable rows={view.rows} canRemind={canRemind} />
      {actions.adhoc ? (
        <>
          <h2>Yêu cầu báo cáo đột xuất</h2>
          <AdhocRequestForm planId={plan.id} agencies={view.agencies} today={today} />
        </>
      ) : null}
      {feeds ? <CalendarFeedsSection {...feeds} /> : null}
      <ApiFormsScript />
    </Layout>,
  );
}
