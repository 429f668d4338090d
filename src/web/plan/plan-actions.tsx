// The plan page's forms: remind every agency that has not reported for a period, request
// an ad-hoc report (báo cáo đột xuất) from agencies chosen by name, with its own subject and
// last day, and set the day a campaign's results report is due this year. Each posts to its API route (src/web/ui/api-forms.tsx); the policy decided
// whether the visitor sees them.
import type { PlanView } from '../../services/plan-view';
import { tr } from '../ui/i18n';

export function RemindMissingForm(props: { planId: string; periodKey: string; missing: number }) {
  return (
    <form
      class="inline"
      data-api={`/api/plans/${encodeURIComponent(props.planId)}/reminders`}
      data-done={tr('Đã yêu cầu gửi nhắc.', 'Reminders requested.')}
      data-confirm={tr(`Gửi nhắc ngay tới ${props.missing} đơn vị chưa báo cáo?`, `Remind the ${props.missing} agencies that have not reported now?`)}
      data-period={props.periodKey}
    >
      <input type="hidden" name="periodKey" value={props.periodKey} />
      <input type="hidden" name="requestedBy" value="Cơ quan đầu mối" />
      <button>{tr('Nhắc tất cả đơn vị chưa báo cáo', 'Remind every agency that has not reported')}</button>
      <span role="status" />
    </form>
  );
}

export function AdhocRequestForm(props: { planId: string; agencies: PlanView['agencies']; today: string }) {
  return (
    <form id="adhoc" data-api={`/api/plans/${encodeURIComponent(props.planId)}/adhoc-requests`} data-arrays="agencyIds" data-done={tr('Đã gửi yêu cầu báo cáo đột xuất.', 'The ad-hoc report request was sent.')}>
      <label>
        {tr('Trích yếu (nội dung yêu cầu)', 'Subject (what is requested)')} <input name="title" required minLength={3} maxLength={300} />
      </label>
      <label>
        {tr('Hạn cuối (đến hết ngày)', 'Last day (until the end of the day)')} <input name="lastDay" type="date" min={props.today} required />
      </label>
      <fieldset>
        <legend>{tr('Đơn vị được yêu cầu', 'Agencies asked')}</legend>
        {props.agencies.map((a) => (
          <label class="check">
            <input type="checkbox" name="agencyIds" value={a.id} /> {a.name}
          </label>
        ))}
      </fieldset>
      <label>
        {tr('Chỉ tiêu, nội dung cần báo cáo', 'Indicators, what to report')} <textarea name="indicators" maxLength={2000} />
      </label>
      <label>
        {tr('Người yêu cầu', 'Requested by')} <input name="requestedBy" required maxLength={200} />
      </label>
      <button>{tr('Gửi yêu cầu', 'Send the request')}</button>
      <span role="status" />
    </form>
  );
}

/** For an open campaign run: the day its results report is due (from the end of the campaign on, never in the past). */
export function CampaignResultsDueForm(props: { campaignId: string; year: number; resultsDue: string; min: string }) {
  return (
    <form
      class="results-due"
      data-api={`/api/campaigns/${encodeURIComponent(props.campaignId)}/results-due`}
      data-numbers="year"
      data-done={tr('Đã đặt hạn báo cáo kết quả; các lần nhắc theo hạn mới.', 'Results day set; the reminders follow it.')}
    >
      <input type="hidden" name="year" value={String(props.year)} />
      <label>
        {tr(`Hạn báo cáo kết quả năm ${props.year} (đến hết ngày)`, `Results report of ${props.year} due by (inclusive)`)} <input name="resultsDue" type="date" min={props.min} value={props.resultsDue} required />
      </label>
      <label>
        {tr('Lý do', 'Reason')} <input name="reason" required maxLength={500} />
      </label>
      <button>{tr('Đặt hạn', 'Set the day')}</button>
      <span role="status" />
    </form>
  );
}
