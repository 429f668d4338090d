// Every email of the deadline as the outbox holds it: when it left (or when it will), to
// whom, its subject; a failure says why.
import type { DeadlineEmail } from '../../services/list-deadlines';
import { Instant } from '../ui/parts';

const STATUS_VI: Record<string, string> = { sent: 'Đã gửi', pending: 'Chờ gửi', queued: 'Chờ gửi (gộp thư trong ngày)', claimed: 'Đang gửi', failed: 'Không gửi được' };

export function OutboxList(props: { emails: DeadlineEmail[] }) {
  return (
    <table id="outbox">
      <thead>
        <tr>
          <th>Thời điểm</th>
          <th>Người nhận</th>
          <th>Tiêu đề</th>
          <th>Tình trạng</th>
        </tr>
      </thead>
      <tbody>
        {props.emails.length ? (
          props.emails.map((m) => (
            <tr data-email={m.status}>
              <td>{m.sentAt ? <Instant at={m.sentAt} /> : m.notBefore ? <>{'từ '}<Instant at={m.notBefore} /></> : ''}</td>
              <td>{m.recipient}</td>
              <td>{m.subject}</td>
              <td>{`${STATUS_VI[m.status] ?? m.status}${m.error ? `: ${m.error}` : ''}`}</td>
            </tr>
          ))
        ) : (
          <tr>
            <td colSpan={4}>Chưa có thư nào.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
