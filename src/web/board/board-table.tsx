// The board's rows: plan, agency, period, last day, official status with working days late
// and the escalation sent, and the actions the visitor may take on an open deadline (remind
// now here; the others on the deadline page, where each asks its reason).
import { AGEING_VI } from '../../domain/board';
import type { BoardRow } from '../../services/board';
import { Instant, StateBadge } from '../ui/parts';

export function RemindForm(props: { deadlineId: string }) {
  return (
    <form class="inline" data-api={`/api/deadlines/${encodeURIComponent(props.deadlineId)}/remind`} data-done="Đã yêu cầu gửi nhắc.">
      <input type="hidden" name="requestedBy" value="Cơ quan đầu mối" />
      <button>Nhắc ngay</button>
      <span role="status" />
    </form>
  );
}

/** The draft urging letter (công văn đôn đốc) of an overdue deadline, as .docx (src/web/exports). */
export function UrgingLetterLink(props: { deadlineId: string }) {
  return <a class="urge" href={`/api/deadlines/${encodeURIComponent(props.deadlineId)}/urging-letter.docx`} download>Công văn đôn đốc (.docx)</a>;
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
      <td>{r.periodLabel}</td>
      <td>{r.lastDayVi}</td>
      <td>
        <StateBadge state={r.state} label={r.officialVi} />
        {r.extended ? <small> (đã gia hạn)</small> : null}
      </td>
      <td class="num">{r.official === 'overdue' || r.official === 'late' ? String(r.workingDaysLate) : ''}{r.ageing ? <small>{` (${AGEING_VI[r.ageing]})`}</small> : null}</td>
      <td>
        {r.escalationLevel > 0 ? (
          <>
            {`Cấp ${r.escalationLevel}: ${r.escalatedTo ?? ''}`}
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
        <a href={`/deadlines/${encodeURIComponent(r.id)}`}>Chi tiết</a>
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
          <th>Kế hoạch</th>
          <th>Đơn vị, nội dung</th>
          <th>Kỳ</th>
          <th>Hạn cuối</th>
          <th>Tình trạng</th>
          <th>Số ngày làm việc chậm</th>
          <th>Đã đôn đốc</th>
          <th>Thao tác</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.length ? (
          props.rows.map((r) => <Row r={r} canRemind={props.canRemind(r)} canUrge={props.canUrge?.(r) ?? false} />)
        ) : (
          <tr>
            <td colSpan={8}>Không có hạn báo cáo nào khớp bộ lọc.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
