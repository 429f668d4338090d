// DHIS2's two rates for a group of deadlines (per agency, per plan, per commune): reports
// received ÷ expected, and received on time ÷ expected, with the counts behind them.
import { formatRate } from '../../domain/board';
import type { RateRow } from '../../services/board';
import { tr } from '../ui/i18n';

export function RatesTable(props: { caption: string; unit: string; rows: RateRow[]; href?: (id: string) => string }) {
  if (!props.rows.length) return null;
  return (
    <table class="rates" data-rates={props.unit}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th>{props.unit}</th>
          <th>{tr('Phải nộp', 'Expected')}</th>
          <th>{tr('Đã nộp', 'Received')}</th>
          <th>{tr('Đúng hạn', 'On time')}</th>
          <th>{tr('Tỷ lệ báo cáo', 'Reporting rate')}</th>
          <th>{tr('Tỷ lệ đúng hạn', 'On-time rate')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr data-id={r.id}>
            <td>{props.href ? <a href={props.href(r.id)}>{r.name}</a> : r.name}</td>
            <td class="num">{String(r.expected)}</td>
            <td class="num">{String(r.received)}</td>
            <td class="num">{String(r.onTime)}</td>
            <td class="num">{formatRate(r.reportingRate)}</td>
            <td class="num">{formatRate(r.onTimeRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
