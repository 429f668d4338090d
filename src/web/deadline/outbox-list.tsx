// Every email of the deadline as the outbox holds it: when it left (or when it will), to
// whom, its subject; a failure says why.
import type { DeadlineEmail } from '../../services/list-deadlines';
import { Instant } from '../ui/parts';
import { tr } from '../ui/i18n';

const STATUS_VI: Record<string, string> = { sent: 'Đã gửi', pending: 'Chờ gửi', queued: 'Chờ gửi (gộp thư trong ngày)', claimed: 'Đang gửi', failed: 'Không gửi được' };
const STATUS_EN: Record<string, string> = { sent: 'Sent', pending: 'Waiting', queued: 'Waiting (in the day\'s digest)', claimed: 'Sending', failed: 'Could not be sent' };

export function OutboxList(props: { emails: DeadlineEmail[] }) {
  return (
    <table id="outbox">
      <thead>
        <tr>
          <th>{tr('Thời điểm', 'Time')}</th>
          <th>{tr('Người nhận', 'Recipient')}</th>
          <th>{tr('Tiêu đề', 'Subject')}</th>
          <th>{tr('Tình trạng', 'Status')}</th>
        </tr>
      </thead>
      <tbody>
        {props.emails.length ? (
          props.emails.map((m) => (
            <tr data-email={m.status}>
              <td>{m.sentAt ? <Instant at={m.sentAt} /> : m.notBefore ? <>{tr('từ ', 'from ')}<Instant at={m.notBefore} /></> : ''}</td>
              <td>{m.recipient}</td>
              <td>{m.subject}</td>
              <td>{`${tr(STATUS_VI[m.status] ?? m.status, STATUS_EN[m.status] ?? m.status)}${m.error ? `: ${m.error}` : ''}`}</td>
            </tr>
          ))
        ) : (
          <tr>
            <td colSpan={4}>{tr('Chưa có thư nào.', 'No emails yet.')}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
