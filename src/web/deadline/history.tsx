// The deadline's append-only history as sentences (src/web/event-text.ts).
import { eventSentence, type DeadlineEventRow } from '../event-text';
import { Instant } from '../ui/parts';

export function History(props: { events: DeadlineEventRow[]; periodLabel: string }) {
  return (
    <table id="history">
      <thead>
        <tr>
          <th>Thời điểm</th>
          <th>Sự kiện</th>
        </tr>
      </thead>
      <tbody>
        {props.events.length ? (
          props.events.map((e) => (
            <tr data-event={e.type}>
              <td>
                <Instant at={e.at} />
              </td>
              <td>{eventSentence(e, { periodLabel: props.periodLabel })}</td>
            </tr>
          ))
        ) : (
          <tr>
            <td colSpan={2}>Chưa có sự kiện.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
