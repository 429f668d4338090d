// /plans/:id/reminder-policy: when a plan's reminders, due-today and overdue notices,
// escalations and repeats go out. Coordinators and administrators of the plan's organisation
// change it; others see it read-only. Running deadlines follow a change from their next
// step on; what was already sent stays sent.
import type { Audience, ReminderPolicy } from '../../domain/timeline';
import { AUDIENCE_NAMES_VI, AUDIENCES } from '../../schemas/policy.schemas';
import { Layout, type PageChrome } from '../ui/layout';
import { renderPage } from '../ui/render';
import { tr } from '../ui/i18n';
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

const AUDIENCE_NAMES_EN: Record<Audience, string> = {
  'agency-contacts': "The agency's contacts",
  'agency-head': "The agency's head",
  coordinator: 'The coordinating office',
  'coordinator-head': "The coordinating office's head",
  leadership: 'The commune or province leadership',
};

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
    <Layout title={`${tr('Chính sách nhắc hạn', 'Reminder policy')} – ${plan.number}`} chrome={opts.chrome}>
      <h1>{tr('Chính sách nhắc hạn', 'Reminder policy')}</h1>
      <p>
        {tr('Kế hoạch', 'Plan')} {plan.number}: {plan.title}
      </p>
      <p>
        {opts.isDefault ? tr('Kế hoạch đang dùng chính sách mặc định.', 'The plan uses the default policy.') : tr('Kế hoạch có chính sách riêng.', 'The plan has its own policy.')}
        {tr(
          ' Thay đổi áp dụng cho các bước nhắc tiếp theo của mọi hạn báo cáo đang chạy; các email đã gửi không gửi lại. Giờ theo giờ Việt Nam; chỉ gửi vào ngày làm việc.',
          " A change applies to the next steps of every running deadline; emails already sent are not sent again. Times are Vietnam's (UTC+7); emails leave on working days only.",
        )}
      </p>
      <Saved saved={opts.saved} />
      <Problem problem={opts.problem} />
      <form method="post" action={action}>
        <Csrf token={opts.chrome.csrfToken} />
        <fieldset disabled={disabled}>
          <legend>{tr('Trước hạn', 'Before the deadline')}</legend>
          <label>
            {tr('Nhắc trước hạn (số ngày làm việc, cách nhau bởi dấu phẩy)', 'Reminders before the deadline (working days, separated by commas)')} <input name="reminderWorkingDaysBefore" value={text(v.reminderWorkingDaysBefore)} />
          </label>
          <label>
            <input type="checkbox" name="dueToday" checked={text(v.dueToday) === 'on'} style="width:auto" /> {tr('Nhắc vào ngày làm việc cuối cùng ("đến hạn hôm nay")', 'Remind on the last working day ("due today")')}
          </label>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{tr('Giờ gửi', 'Sending time')}</legend>
          <label>
            {tr('Giờ', 'Hour')} <input name="sendHour" type="number" min={6} max={18} value={text(v.sendHour)} />
          </label>
          <label>
            {tr('Phút', 'Minute')} <input name="sendMinute" type="number" min={0} max={59} value={text(v.sendMinute)} />
          </label>
          <label>
            {tr(`Gửi muộn nhất trước (giờ; để trống là ${hh(17)}:00)`, `Send no later than (hour; empty means ${hh(17)}:00)`)} <input name="latestSendHour" type="number" min={7} max={21} value={text(v.latestSendHour)} />
          </label>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{tr('Sau hạn', 'After the deadline')}</legend>
          <label>
            <input type="checkbox" name="overdue" checked={text(v.overdue) === 'on'} style="width:auto" />{' '}
            {tr(
              'Báo quá hạn vào ngày làm việc đầu tiên sau hạn (cho thủ trưởng và đầu mối của đơn vị, đồng gửi cơ quan đầu mối)',
              "Overdue notice on the first working day after the deadline (to the agency's head and contacts, copied to the coordinating office)",
            )}
          </label>
          <table>
            <thead>
              <tr>
                <th>{tr('Cấp', 'Level')}</th>
                <th>{tr('Quá hạn (ngày làm việc)', 'Overdue by (working days)')}</th>
                <th>{tr('Người nhận', 'Recipients')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: ESCALATION_ROWS }, (_, i) => {
                const chosen = list(v[`escalation${i + 1}Audience`]);
                return (
                  <tr>
                    <td>{i + 1}</td>
                    <td>
                      <input name={`escalation${i + 1}Days`} type="number" min={1} max={60} value={text(v[`escalation${i + 1}Days`])} aria-label={tr(`Cấp ${i + 1}: số ngày quá hạn`, `Level ${i + 1}: working days overdue`)} />
                    </td>
                    <td>
                      {AUDIENCES.map((a: Audience) => (
                        <label style="display:inline;margin-right:1rem">
                          <input type="checkbox" name={`escalation${i + 1}Audience`} value={a} checked={chosen.includes(a)} style="width:auto" /> {tr(AUDIENCE_NAMES_VI[a], AUDIENCE_NAMES_EN[a])}
                        </label>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label>
            {tr('Nhắc lại sau cấp cuối, mỗi (ngày; 0 là không nhắc lại)', 'After the last level, remind again every (days; 0: never)')} <input name="repeatEveryDays" type="number" min={0} max={90} value={text(v.repeatEveryDays)} />
          </label>
          <label>
            {tr('Nhắc lại nhiều nhất (lần)', 'Remind again at most (times)')} <input name="repeatCap" type="number" min={0} max={104} value={text(v.repeatCap)} />
          </label>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{tr('Ngày không gửi', 'Days without email')}</legend>
          <label>
            {tr('Ngoài ngày nghỉ, không gửi vào các ngày (dd/MM/yyyy, mỗi dòng một ngày)', 'Besides days off, send nothing on these days (dd/MM/yyyy, one a line)')} <textarea name="quietDays" rows={3}>{text(v.quietDays)}</textarea>
          </label>
        </fieldset>
        {opts.editable ? <button>{tr('Lưu chính sách', 'Save the policy')}</button> : null}
      </form>
      {opts.editable && !opts.isDefault ? <ActionButton action={`${action}/reset`} token={opts.chrome.csrfToken} label={tr('Dùng lại chính sách mặc định', 'Go back to the default policy')} /> : null}
    </Layout>,
  );
}
