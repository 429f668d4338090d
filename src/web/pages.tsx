// Server-rendered pages: the coordinator's list, one deadline with its history and the
// actions its visitor may take, and the development inbox of the embedded SMTP catcher.
// Every value reaches the markup through the renderer (src/web/ui/render.tsx), which escapes
// it and removes bidirectional controls.
import type { CaughtMail } from '../mail/mail-catcher';
import type { DeadlineEmail, DeadlineView } from '../services/list-deadlines';
import { DeadlineActionForms, NO_ACTIONS, type DeadlineActions } from './deadline-actions';
import { DeadlineReturnForms } from './deadline-return-forms';
import { UrgingLetterLink } from './board/board-table';
import { DatesExplained } from './deadline/dates-explained';
import { History } from './deadline/history';
import { OutboxList } from './deadline/outbox-list';
import { Received } from './deadline/received';
import type { DeadlineEventRow } from './event-text';
import { Layout, type PageChrome } from './ui/layout';
import { Instant, StateBadge } from './ui/parts';
import { currentLocale, formatIsoDay, periodText, stateText, tr } from './ui/i18n';
import { renderPage } from './ui/render';
import { dataWindowEn } from '../domain/data-window';
import { parseIsoDate } from '../domain/local-date';

export type { DeadlineActions } from './deadline-actions';

const STEP_LABEL: Record<string, [string, string]> = {
  reminder: ['Nhắc hạn', 'Reminder'],
  'due-today': ['Đến hạn hôm nay', 'Due today'],
  overdue: ['Báo quá hạn', 'Overdue notice'],
  escalation: ['Đôn đốc', 'Escalation'],
  repeat: ['Nhắc lại', 'Repeat reminder'],
};

function NextStep(props: { step: DeadlineView['nextStep'] }) {
  const { step } = props;
  if (!step) return null;
  const label = STEP_LABEL[step.kind];
  return (
    <>
      {label ? tr(...label) : step.kind}
      <br />
      <small>
        <Instant at={step.at} />
      </small>
    </>
  );
}

function DeadlineRow(props: { v: DeadlineView }) {
  const { v } = props;
  return (
    <tr data-deadline={v.id}>
      <td>{v.planNumber}</td>
      <td>
        <a href={`/deadlines/${encodeURIComponent(v.id)}`}>{v.agency}</a>
        {v.progress ? (
          <>
            <br />
            <small>{tr(`Tổng hợp: ${v.progress.reported}/${v.progress.expected} đơn vị đã gửi`, `Roll-up: ${v.progress.reported}/${v.progress.expected} agencies have reported`)}</small>
          </>
        ) : null}
      </td>
      <td>{periodText(v.periodLabel)}</td>
      <td>
        {formatIsoDay(v.lastDay)}
        <br />
        <small>{v.ruleText}</small>
      </td>
      <td>
        <StateBadge state={v.state} label={stateText(v.stateLabel, v.stateLabelEn)} />
      </td>
      <td>
        <NextStep step={v.nextStep} />
      </td>
    </tr>
  );
}

/** The data window in English, from the view's own dates. */
function dataWindowEnOf(v: DeadlineView): string {
  try {
    return dataWindowEn({ from: parseIsoDate(v.dataWindow.from), to: parseIsoDate(v.dataWindow.to) }, parseIsoDate(v.lastDay));
  } catch {
    return v.dataWindowVi;
  }
}

export function dashboardPage(views: DeadlineView[], chrome: PageChrome): string {
  return renderPage(
    <Layout title={tr('Danh sách hạn báo cáo', 'Reporting deadlines')} chrome={chrome}>
      <h1>{tr('Danh sách hạn báo cáo', 'Reporting deadlines')}</h1>
      <table>
        <thead>
          <tr>
            <th>{tr('Kế hoạch', 'Plan')}</th>
            <th>{tr('Đơn vị', 'Agency')}</th>
            <th>{tr('Kỳ', 'Period')}</th>
            <th>{tr('Hạn cuối', 'Last day')}</th>
            <th>{tr('Trạng thái', 'Status')}</th>
            <th>{tr('Bước tiếp theo', 'Next step')}</th>
          </tr>
        </thead>
        <tbody>
          {views.length ? (
            views.map((v) => <DeadlineRow v={v} />)
          ) : (
            <tr>
              <td colSpan={6}>{tr('Chưa có hạn báo cáo nào.', 'No reporting deadlines yet.')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </Layout>,
  );
}

/** What the deadline page shows besides the deadline itself: its dates in words and its emails. */
export interface DeadlineExtras {
  explained: string[];
  /** The same sentences in English (src/domain/explain-dates.ts explainDatesEn). */
  explainedEn?: string[];
  outbox: DeadlineEmail[];
  /** The visitor may draft an urging letter (policy deadline.urge): shown while the deadline is overdue. */
  urge?: boolean;
}

export const NO_EXTRAS: DeadlineExtras = { explained: [], outbox: [] };

/**
 * One deadline: its rule and dates explained, state, data window, the report if received,
 * the forms `actions` allows while it is still open, every email sent, and its history as
 * sentences. Each part is a small component of src/web/deadline/ (or deadline-actions.tsx).
 */
export function deadlinePage(v: DeadlineView, events: DeadlineEventRow[], actions: DeadlineActions, chrome: PageChrome, extras: DeadlineExtras = NO_EXTRAS): string {
  // A received or waived period takes no more changes (the API refuses them as conflicts);
  // one before tracking has no workflow to take them.
  const open = !v.submission && v.state !== 'waived' && v.state !== 'before-tracking';
  return renderPage(
    <Layout title={`${v.agency} – ${periodText(v.periodLabel)}`} chrome={chrome}>
      <h1>{`${v.agency}: ${periodText(v.periodLabel)}`}</h1>
      <p>{`${v.planNumber}: ${v.planTitle}`}</p>
      <p>
        {tr('Quy định: ', 'Rule: ')}
        <b>{v.ruleText}</b>
        {tr('. Ngày cuối cùng đúng hạn: ', '. Last day on time: ')}
        <b>{formatIsoDay(v.lastDay)}</b>
        {tr('. Trạng thái: ', '. Status: ')}
        <StateBadge state={v.state} label={stateText(v.stateLabel, v.stateLabelEn)} />
      </p>
      <DatesExplained lines={currentLocale() === 'en' && extras.explainedEn ? extras.explainedEn : extras.explained} />
      <p>
        {tr('Số liệu: ', 'Data: ')}
        {tr(v.dataWindowVi, dataWindowEnOf(v))}
      </p>
      {extras.urge && (v.state === 'overdue' || v.state === 'escalated') ? (
        <p>
          <UrgingLetterLink deadlineId={v.id} />
        </p>
      ) : null}
      {v.submission ? <Received submission={v.submission} /> : null}
      <DeadlineActionForms deadlineId={v.id} lastDay={v.lastDay} actions={open ? actions : NO_ACTIONS} />
      <DeadlineReturnForms v={v} actions={actions} csrfToken={chrome.csrfToken} />
      <h2>{tr('Thư đã gửi', 'Emails sent')}</h2>
      <OutboxList emails={extras.outbox} />
      <h2>{tr('Lịch sử', 'History')}</h2>
      <History events={events} periodLabel={v.periodLabel} />
    </Layout>,
  );
}

export function inboxPage(mails: CaughtMail[] | null, chrome: PageChrome): string {
  return renderPage(
    <Layout title={tr('Hộp thư', 'Inbox')} chrome={chrome}>
      {mails ? (
        <>
          <h1>{tr(`Hộp thư thử (${mails.length})`, `Test inbox (${mails.length})`)}</h1>
          {mails.length ? (
            [...mails].reverse().map((m) => (
              <details>
                <summary>
                  <Instant at={m.receivedAt} /> — <b>{m.subject}</b> → {m.to.join(', ')}
                </summary>
                <pre>{m.text}</pre>
              </details>
            ))
          ) : (
            <p>{tr('Chưa có thư.', 'No mail yet.')}</p>
          )}
        </>
      ) : (
        <p>{tr('Hộp thư thử chỉ có khi dùng máy chủ SMTP nhúng (SMTP_HOST chưa đặt).', 'The test inbox exists only with the embedded SMTP server (SMTP_HOST not set).')}</p>
      )}
    </Layout>,
  );
}
