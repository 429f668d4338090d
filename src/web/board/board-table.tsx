// The board's rows: plan, agency, period, last day, official status with working days late
// and the escalation sent, and the actions the visitor may take on an open deadline (remind
// now here; the others on the deadline page, where each asks its reason).
import type { BoardRow } from '../../services/board';
import { Instant, StateBadge } from '../ui/parts';
import { ageingText, formatIsoDay, officialText, periodText, tr } from '../ui/i18n';

export function RemindForm(props: { deadlineId: string }) {
  return (
    <form class="inline" data-api={`/api/deadlines/${encodeURIComponent(props.deadlineId)}/remind`} data-done={tr('Đã yêu cầu gửi nhắc.', 'A reminder was requested.')}>
      <input type="hidden" name="requestedBy" value="Cơ quan đầu mối" />
      <button>{tr('Nhắc ngay', 'Remind now')}</button>
      <span role="status" />
    </form>
  );
}

/** The draft urging letter (công văn đôn đốc) of an overdue deadline, as .docx (src/web/exports). */
export function UrgingLetterLink(props: { deadlineId: string }) {
  return <a class="urge" href={`/api/deadlines/${encodeURIComponent(props.deadlineId)}/urging-letter.docx`} download>{tr('Công văn đôn đốc (.docx)', 'Urging letter (.docx)')}</a>;
}

function Row(props: { r: BoardRow; canRemind: boolean; canUrge: boolean }) {
  const { r } = props;
  return (
    <tr data-deadline={r.id} data-status={r.official}>
      <td>
        <a href={`/plans/${encodeURIComponent(r.planId)}`}>{r.planNumber}</a>
        <br />
        <small>{r.organisation}</small>
      </td>
      <td>
        <a href={`/agencies/${encodeURIComponent(r.agencyId)}`}>{r.agency}</a>
        <br />
        <small>{r.obligation}</small>
      </td>
      <td>{periodText(r.periodLabel)}</td>
      <td>{formatIsoDay(r.lastDay)}</td>
      <td>
        <StateBadge state={r.state} label={officialText(r.official)} />
        {r.extended ? <small>{tr(' (đã gia hạn)', ' (extended)')}</small> : null}
      </td>
      <td class="num">{r.official === 'overdue' || r.official === 'late' ? String(r.workingDaysLate) : ''}{r.ageing ? <small>{` (${ageingText(r.ageing)})`}</small> : null}</td>
      <td>
        {r.escalationLevel > 0 ? (
          <>
            {tr(`Cấp ${r.escalationLevel}: ${r.escalatedTo ?? ''}`, `Level ${r.escalationLevel}: ${r.escalatedTo ?? ''}`)}
            {r.escalatedAt ? (
              <>
                <br />
                <small>
                  <Instant at={r.escalatedAt} />
                </small>
              </>
            ) : null}
          </>
        ) : null}
      </td>
      <td>
        <a href={`/deadlines/${encodeURIComponent(r.id)}`}>{tr('Chi tiết', 'Details')}</a>
        {r.open && props.canRemind ? <RemindForm deadlineId={r.id} /> : null}
        {r.official === 'overdue' && props.canUrge ? (
          <>
            <br />
            <UrgingLetterLink deadlineId={r.id} />
          </>
        ) : null}
      </td>
    </tr>
  );
}

export function BoardTable(props: { rows: BoardRow[]; canRemind: (r: BoardRow) => boolean; canUrge?: (r: BoardRow) => boolean }) {
  return (
    <table id="board-rows">
      <thead>
        <tr>
          <th>{tr('Kế hoạch', 'Plan')}</th>
          <th>{tr('Đơn vị, nội dung', 'Agency, report')}</th>
          <th>{tr('Kỳ', 'Period')}</th>
          <th>{tr('Hạn cuối', 'Last day')}</th>
          <th>{tr('Tình trạng', 'Status')}</th>
          <th>{tr('Số ngày làm việc chậm', 'Working days late')}</th>
          <th>{tr('Đã đôn đốc', 'Escalated')}</th>
          <th>{tr('Thao tác', 'Actions')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.length ? (
          props.rows.map((r) => <Row r={r} canRemind={props.canRemind(r)} canUrge={props.canUrge?.(r) ?? false} />)
        ) : (
          <tr>
            <td colSpan={8}>{tr('Không có hạn báo cáo nào khớp bộ lọc.', 'No deadline matches the filters.')}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
