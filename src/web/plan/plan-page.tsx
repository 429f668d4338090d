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
import { periodText, tr } from '../ui/i18n';

const KIND_VI: Record<string, string> = { periodic: 'Định kỳ', adhoc: 'Đột xuất', rollup: 'Báo cáo tổng hợp gửi cấp trên' };
const KIND_EN: Record<string, string> = { periodic: 'Periodic', adhoc: 'Ad hoc', rollup: 'Roll-up report to the level above' };

export interface PlanPageActions {
  remind: boolean;
  adhoc: boolean;
  /** May set the day of a campaign's results report. */
  resultsDue: boolean;
}

function Progress(props: { view: PlanView; remind: boolean }) {
  const { view } = props;
  if (!view.periods.length) return <p>{tr('Chưa có kỳ báo cáo nào được mở.', 'No reporting period has opened yet.')}</p>;
  return (
    <table id="progress">
      <thead>
        <tr>
          <th>{tr('Kỳ', 'Period')}</th>
          <th>{tr('Tiến độ', 'Progress')}</th>
          <th>{tr('Còn thiếu', 'Missing')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {view.periods.map((p) => (
          <tr data-period={p.periodKey}>
            <td>{periodText(p.label)}</td>
            <td>{tr(`${p.progress.reported}/${p.progress.expected} đơn vị đã báo cáo`, `${p.progress.reported}/${p.progress.expected} agencies have reported`)}</td>
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
      <h1>{tr(`Kế hoạch ${plan.number}`, `Plan ${plan.number}`)}</h1>
      <p>{plan.title}</p>
      <p>{tr(`${plan.organisation}; ban hành ngày ${plan.issuedOnVi}; giai đoạn ${plan.span}.`, `${plan.organisation}; issued on ${plan.issuedOnVi}; for ${plan.span}.`)}</p>
      <h2>{tr('Tiến độ báo cáo', 'Reporting progress')}</h2>
      <Progress view={view} remind={actions.remind} />
      <h2>{tr('Nhiệm vụ báo cáo', 'Reporting obligations')}</h2>
      <table id="obligations">
        <thead>
          <tr>
            <th>{tr('Đơn vị', 'Agency')}</th>
            <th>{tr('Quy định', 'Rule')}</th>
            <th>{tr('Loại', 'Kind')}</th>
            <th>{tr('Chỉ tiêu', 'Indicators')}</th>
          </tr>
        </thead>
        <tbody>
          {view.obligations.map((o) => (
            <tr>
              <td>{o.agency}</td>
              <td>{o.title ? `${o.title}: ${o.ruleText}` : o.ruleText}</td>
              <td>{tr(KIND_VI[o.kind] ?? o.kind, KIND_EN[o.kind] ?? o.kind)}</td>
              <td>{o.indicators}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{tr('Đợt cao điểm, chiến dịch', 'Campaigns')}</h2>
      {view.campaigns.length ? (
        <ul id="campaigns">
          {view.campaigns.map((c) => (
            <li>
              <b>{c.name}</b>
              {tr(` (${c.start.replace('-', '/')} – ${c.end.replace('-', '/')} hằng năm)`, ` (${c.start.replace('-', '/')} – ${c.end.replace('-', '/')} every year)`)}
              {c.runs.map((r) => (
                <div>
                  <small>{tr(
                    `Năm ${r.year}: ${r.start} – ${r.end}; báo cáo kết quả đến hết ${r.resultsDue}${r.status === 'done' ? ' (đã nhận)' : ''}`,
                    `${r.year}: ${r.start} – ${r.end}; results report due by ${r.resultsDue}${r.status === 'done' ? ' (received)' : ''}`,
                  )}</small>
                  {actions.resultsDue && r.status === 'open' ? (
                    <CampaignResultsDueForm campaignId={c.id} year={r.year} resultsDue={r.resultsDueIso} min={r.endIso > today ? r.endIso : today} />
                  ) : null}
                </div>
              ))}
            </li>
          ))}
        </ul>
      ) : (
        <p>{tr('Kế hoạch không có đợt cao điểm.', 'The plan has no campaigns.')}</p>
      )}
      <h2>{tr('Các hạn báo cáo', 'Deadlines')}</h2>
      <BoardTable rows={view.rows} canRemind={canRemind} />
      {actions.adhoc ? (
        <>
          <h2>{tr('Yêu cầu báo cáo đột xuất', 'Request an ad-hoc report')}</h2>
          <AdhocRequestForm planId={plan.id} agencies={view.agencies} today={today} />
        </>
      ) : null}
      {feeds ? <CalendarFeedsSection {...feeds} /> : null}
      <ApiFormsScript />
    </Layout>,
  );
}
