// The plan page's forms: remind every agency that has not reported for a period, request
// an ad-hoc report (báo cáo đột xuất) from agencies chosen by name, with its own subject and
// last day, and set the day a campaign's results report is due this year. Each posts to its API route (src/web/ui/api-forms.tsx); the policy decided
// whether the visitor sees them.
import type { PlanView } from '../../services/plan-view';

export function RemindMissingForm(props: { planId: string; periodKey: string; missing: number }) {
  return (
    <form
      class="inline"
      data-api={`/api/plans/${encodeURIComponent(props.planId)}/reminders`}
      data-done="Đã yêu cầu gửi nhắc."
      data-confirm={`Gửi nhắc ngay tới ${props.missing} đơn vị chưa báo cáo?`}
      data-period={props.periodKey}
    >
      <input type="hidden" name="periodKey" value={props.periodKey} />
      <input type="hidden" name="requestedBy" value="Cơ quan đầu mối" />
      <button>Nhắc tất cả đơn vị chưa báo cáo</button>
      <span role="status" />
    </form>
  );
}

export function AdhocRequestForm(props: { planId: string; agencies: PlanView['agencies']; today: string }) {
  return (
    <form id="adhoc" data-api={`/api/plans/${encodeURIComponent(props.planId)}/adhoc-requests`} data-arrays="agencyIds" data-done="Đã gửi yêu cầu báo cáo đột xuất.">
      <label>
        Trích yếu (nội dung yêu cầu) <input name="title" required minLength={3} maxLength={300} />
      </label>
      <label>
        Hạn cuối (đến hết ngày) <input name="lastDay" type="date" min={props.today} required />
      </label>
      <fieldset>
        <legend>Đơn vị được yêu cầu</legend>
        {props.agencies.map((a) => (
          <label class="check">
            <input type="checkbox" name="agencyIds" value={a.id} /> {a.name}
          </label>
        ))}
      </fieldset>
      <label>
        Chỉ tiêu, nội dung cần báo cáo <textarea name="indicators" maxLength={2000} />
      </label>
      <label>
        Người yêu cầu <input name="requestedBy" required maxLength={200} />
      </label>
      <button>Gửi yêu cầu</button>
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
      data-done="Đã đặt hạn báo cáo kết quả; các lần nhắc theo hạn mới."
    >
      <input type="hidden" name="year" value={String(props.year)} />
      <label>
        {`Hạn báo cáo kết quả năm ${props.year} (đến hết ngày)`} <input name="resultsDue" type="date" min={props.min} value={props.resultsDue} required />
      </label>
      <label>
        Lý do <input name="reason" required maxLength={500} />
      </label>
      <button>Đặt hạn</button>
      <span role="status" />
    </form>
  );
}
