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
import { renderPage } from './ui/render';

export type { DeadlineActions } from './deadline-actions';

const STEP_LABEL: Record<string, string> = {
  reminder: 'Nhắc hạn',
  'due-today': 'Đến hạn hôm nay',
  overdue: 'Báo quá hạn',
  escalation: 'Đôn đốc',
  repeat: 'Nhắc lại',
};

function NextStep(props: { step: DeadlineView['nextStep'] }) {
  const { step } = props;
  if (!step) return null;
  return (
    <>
      {STEP_LABEL[step.kind] ?? step.kind}
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
            <small>{`Tổng hợp: ${v.progress.reported}/${v.progress.expected} đơn vị đã gửi`}</small>
          </>
        ) : null}
      </td>
      <td>{v.periodLabel}</td>
      <td>
        {v.lastDayVi}
        <br />
        <small>{v.ruleText}</small>
      </td>
      <td>
        <StateBadge state={v.state} label={v.stateLabel} />
      </td>
      <td>
        <NextStep step={v.nextStep} />
      </td>
    </tr>
  );
}

export function dashboardPage(views: DeadlineView[], chrome: PageChrome): string {
  return renderPage(
    <Layout title="Danh sách hạn báo cáo" chrome={chrome}>
      <h1>Danh sách hạn báo cáo</h1>
      <table>
        <thead>
          <tr>
            <th>Kế hoạch</th>
            <th>Đơn vị</th>
            <th>Kỳ</th>
            <th>Hạn cuối</th>
            <th>Trạng thái</th>
            <th>Bước tiếp theo</th>
          </tr>
        </thead>
        <tbody>
          {views.length ? (
            views.map((v) => <DeadlineRow v={v} />)
          ) : (
            <tr>
              <td colSpan={6}>Chưa có hạn báo cáo nào.</td>
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
  // A received or waived period takes no more changes (the API refuses them as conflicts).
  const open = !v.submission && v.state !== 'waived';
  return renderPage(
    <Layout title={`${v.agency} – ${v.periodLabel}`} chrome={chrome}>
      <h1>{`${v.agency}: ${v.periodLabel}`}</h1>
      <p>{`${v.planNumber}: ${v.planTitle}`}</p>
      <p>
        Quy định: <b>{v.ruleText}</b>. Ngày cuối cùng đúng hạn: <b>{v.lastDayVi}</b>. Trạng thái: <StateBadge state={v.state} label={v.stateLabel} />
      </p>
      <DatesExplained lines={extras.explained} />
      <p>Số liệu: {v.dataWindowVi}</p>
      {extras.urge && (v.state === 'overdue' || v.state === 'escalated') ? (
        <p>
          <UrgingLetterLink deadlineId={v.id} />
        </p>
      ) : null}
      {v.submission ? <Received submission={v.submission} /> : null}
      <DeadlineActionForms deadlineId={v.id} lastDay={v.lastDay} actions={open ? actions : NO_ACTIONS} />
      <DeadlineReturnForms v={v} actions={actions} csrfToken={chrome.csrfToken} />
      <h2>Thư đã gửi</h2>
      <OutboxList emails={extras.outbox} />
      <h2>Lịch sử</h2>
      <History events={events} periodLabel={v.periodLabel} />
    </Layout>,
  );
}

export function inboxPage(mails: CaughtMail[] | null, chrome: PageChrome): string {
  return renderPage(
    <Layout title="Hộp thư" chrome={chrome}>
      {mails ? (
        <>
          <h1>{`Hộp thư thử (${mails.length})`}</h1>
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
            <p>Chưa có thư.</p>
          )}
        </>
      ) : (
        <p>Hộp thư thử chỉ có khi dùng máy chủ SMTP nhúng (SMTP_HOST chưa đặt).</p>
      )}
    </Layout>,
  );
}
