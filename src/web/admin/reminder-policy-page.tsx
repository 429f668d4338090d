// /plans/:id/reminder-policy: when a plan's reminders, due-today and overdue notices,
// escalations and repeats go out. Coordinators and administrators of the plan's organisation
// change it; others see it read-only. Running deadlines follow a change from their next
// step on; what was already sent stays sent.
import type { Audience, ReminderPolicy } from '../../domain/timeline';
import { AUDIENCE_NAMES_VI, AUDIENCES } from '../../schemas/policy.schemas';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { ActionButton, Csrf, Problem, Saved, type FormProblem } from './forms';

/** Rows the form offers for escalation levels (the schema allows five). */
export const ESCALATION_ROWS = 5;

export interface PolicyPageOptions {
  chrome: PageChrome;
  plan: { id: string; number: string; title: string };
  policy: ReminderPolicy;
  isDefault: boolean;
  /** The visitor may change it ('plan.policy'). */
  editable: boolean;
  problem?: FormProblem | null;
  /** The form as it was sent, to show it again with its problem. */
  values?: Record<string, string | string[]>;
  saved?: boolean;
}

const hh = (n: number) => String(n).padStart(2, '0');

/** The policy as the form's fields. */
export function policyFormValues(p: ReminderPolicy): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {
    reminderWorkingDaysBefore: p.reminderWorkingDaysBefore.join(', '),
    sendHour: String(p.sendHour),
    sendMinute: String(p.sendMinute),
    latestSendHour: p.latestSendHour === undefined ? '' : String(p.latestSendHour),
    repeatEveryDays: String(p.repeatEveryDays),
    repeatCap: String(p.repeatCap),
    quietDays: p.quietDays.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`).join('\n'),
  };
  if (p.dueToday) values.dueToday = 'on';
  if (p.overdue) values.overdue = 'on';
  p.escalations.forEach((e, i) => {
    values[`escalation${i + 1}Days`] = String(e.afterWorkingDays);
    values[`escalation${i + 1}Audience`] = [...e.audience];
  });
  return values;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: string | string[] | undefined): string => list(v)[0] ?? '';

export function reminderPolicyPage(opts: PolicyPageOptions): string {
  const { plan, policy } = opts;
  const v = opts.values ?? policyFormValues(policy);
  const disabled = !opts.editable;
  const action = `/plans/${encodeURIComponent(plan.id)}/reminder-policy`;
  return renderPage(
    <Layout title={`Chính sách nhắc hạn – ${plan.number}`} chrome={opts.chrome}>
      <h1>Chính sách nhắc hạn</h1>
      <p>
        Kế hoạch {plan.number}: {plan.title}
      </p>
      <p>
        {opts.isDefault ? 'Kế hoạch đang dùng chính sách mặc định.' : 'Kế hoạch có chính sách riêng.'} Thay đổi áp dụng cho các bước nhắc tiếp theo của mọi hạn báo cáo đang chạy;
        các email đã gửi không gửi lại. Giờ theo giờ Việt Nam; chỉ gửi vào ngày làm việc.
      </p>
      <Saved saved={opts.saved} />
      <Problem problem={opts.problem} />
      <form method="post" action={action}>
        <Csrf token={opts.chrome.csrfToken} />
        <fieldset disabled={disabled}>
          <legend>Trước hạn</legend>
          <label>
            Nhắc trước hạn (số ngày làm việc, cách nhau bởi dấu phẩy) <input name="reminderWorkingDaysBefore" value={text(v.reminderWorkingDaysBefore)} />
          </label>
          <label>
            <input type="checkbox" name="dueToday" checked={text(v.dueToday) === 'on'} style="width:auto" /> Nhắc vào ngày làm việc cuối cùng ("đến hạn hôm nay")
          </label>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>Giờ gửi</legend>
          <label>
            Giờ <input name="sendHour" type="number" min={6} max={18} value={text(v.sendHour)} />
          </label>
          <label>
            Phút <input name="sendMinute" type="number" min={0} max={59} value={text(v.sendMinute)} />
          </label>
          <label>
            Gửi muộn nhất trước (giờ; để trống là {hh(17)}:00) <input name="latestSendHour" type="number" min={7} max={21} value={text(v.latestSendHour)} />
          </label>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>Sau hạn</legend>
          <label>
            <input type="checkbox" name="overdue" checked={text(v.overdue) === 'on'} style="width:auto" /> Báo quá hạn vào ngày làm việc đầu tiên sau hạn (cho thủ trưởng và đầu mối của đơn vị, đồng gửi cơ quan đầu mối)
          </label>
          <table>
            <thead>
              <tr>
                <th>Cấp</th>
                <th>Quá hạn (ngày làm việc)</th>
                <th>Người nhận</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: ESCALATION_ROWS }, (_, i) => {
                const chosen = list(v[`escalation${i + 1}Audience`]);
                return (
                  <tr>
                    <td>{i + 1}</td>
                    <td>
                      <input name={`escalation${i + 1}Days`} type="number" min={1} max={60} value={text(v[`escalation${i + 1}Days`])} aria-label={`Cấp ${i + 1}: số ngày quá hạn`} />
                    </td>
                    <td>
                      {AUDIENCES.map((a: Audience) => (
                        <label style="display:inline;margin-right:1rem">
                          <input type="checkbox" name={`escalation${i + 1}Audience`} value={a} checked={chosen.includes(a)} style="width:auto" /> {AUDIENCE_NAMES_VI[a]}
                        </label>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label>
            Nhắc lại sau cấp cuối, mỗi (ngày; 0 là không nhắc lại) <input name="repeatEveryDays" type="number" min={0} max={90} value={text(v.repeatEveryDays)} />
          </label>
          <label>
            Nhắc lại nhiều nhất (lần) <input name="repeatCap" type="number" min={0} max={104} value={text(v.repeatCap)} />
          </label>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>Ngày không gửi</legend>
          <label>
            Ngoài ngày nghỉ, không gửi vào các ngày (dd/MM/yyyy, mỗi dòng một ngày) <textarea name="quietDays" rows={3}>{text(v.quietDays)}</textarea>
          </label>
        </fieldset>
        {opts.editable ? <button>Lưu chính sách</button> : null}
      </form>
      {opts.editable && !opts.isDefault ? <ActionButton action={`${action}/reset`} token={opts.chrome.csrfToken} label="Dùng lại chính sách mặc định" /> : null}
    </Layout>,
  );
}
