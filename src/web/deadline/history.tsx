// The deadline's append-only history as sentences (src/web/event-text.ts).
import { eventSentence, type DeadlineEventRow } from '../event-text';
import { Instant } from '../ui/parts';
import { tr } from '../ui/i18n';

export function History(props: { events: DeadlineEventRow[]; periodLabel: string }) {
  return (
    <table id="history">
      <thead>
        <tr>
          <th>{tr('Thời điểm', 'Time')}</th>
          <th>{tr('Sự kiện', 'Event')}</th>
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
            <td colSpan={2}>{tr('Chưa có sự kiện.', 'No events yet.')}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
