// The board's filters as a plain GET form (works without script; the URL is the state, so a
// filtered board can be bookmarked or sent), the counts in the official four-way status,
// each a link to the rows behind it, and the pager.
import { AGEING_BUCKETS, AGEING_VI, OFFICIAL_STATUS_VI } from '../../domain/board';
import type { BoardQuery } from '../../schemas/board.schemas';
import type { Board } from '../../services/board';

/** The board's URL for the same filters with some changed (page back to 1 unless given). */
export function boardHref(q: BoardQuery, period: string, change: Partial<Record<keyof BoardQuery, string | number>>): string {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...q, period, page: 1, ...change };
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === 50) || (k === 'sort' && v === 'days-late')) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/board?${s}` : '/board';
}

function Select(props: { name: string; label: string; value: string | undefined; options: { id: string; label: string }[]; all?: string }) {
  return (
    <label>
      {props.label}{' '}
      <select name={props.name}>
        <option value="">{props.all ?? 'Tất cả'}</option>
        {props.options.map((o) => (
          <option value={o.id} selected={o.id === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function BoardFilters(props: { board: Board }) {
  const { query: q, options, period } = props.board;
  return (
    <form method="get" action="/board" class="filters" id="board-filters">
      <Select name="period" label="Kỳ" value={period} options={options.periods.map((p) => ({ id: p, label: options.periodLabels[p] ?? p }))} all="Năm nay" />
      <Select name="plan" label="Kế hoạch" value={q.plan} options={options.plans} />
      <Select name="obligation" label="Nội dung báo cáo" value={q.obligation} options={options.obligations} />
      <Select name="agency" label="Đơn vị" value={q.agency} options={options.agencies} />
      <Select
        name="status"
        label="Tình trạng"
        value={q.status}
        options={[...(['on-time', 'late', 'not-due', 'overdue', 'waived'] as const).map((s) => ({ id: s, label: OFFICIAL_STATUS_VI[s] })), { id: 'extended', label: 'Đã gia hạn' }]}
      />
      <Select name="escalation" label="Đôn đốc" value={q.escalation} options={[{ id: '0', label: 'Chưa đôn đốc' }, { id: '1', label: 'Cấp 1' }, { id: '2', label: 'Cấp 2' }, { id: '3', label: 'Cấp 3' }]} />
      <label>
        Tìm <input type="search" name="q" value={q.q ?? ''} maxLength={200} placeholder="Tên đơn vị, số kế hoạch…" />
      </label>
      <label>
        Sắp xếp{' '}
        <select name="sort">
          <option value="days-late" selected={q.sort === 'days-late'}>Chậm nhiều nhất trước</option>
          <option value="last-day" selected={q.sort === 'last-day'}>Theo hạn cuối</option>
          <option value="agency" selected={q.sort === 'agency'}>Theo tên đơn vị</option>
        </select>
      </label>
      <button>Lọc</button> <a href="/board">Bỏ lọc</a>
    </form>
  );
}

export function BoardCounts(props: { board: Board }) {
  const { counts, query: q, period } = props.board;
  const card = (status: string, label: string, n: number) => (
    <a class={`count count-${status}${q.status === status ? ' chosen' : ''}`} href={boardHref(q, period, { status })} data-count={status}>
      <b>{String(n)}</b>
      <span>{label}</span>
    </a>
  );
  return (
    <section class="counts" aria-label="Số lượng theo tình trạng">
      {card('on-time', OFFICIAL_STATUS_VI['on-time'], counts['on-time'])}
      {card('late', OFFICIAL_STATUS_VI.late, counts.late)}
      {card('not-due', OFFICIAL_STATUS_VI['not-due'], counts['not-due'])}
      {card('overdue', OFFICIAL_STATUS_VI.overdue, counts.overdue)}
      {card('extended', 'Đã gia hạn', counts.extended)}
      {card('waived', OFFICIAL_STATUS_VI.waived, counts.waived)}
      <p class="ageing" data-ageing="">
        {'Quá hạn theo ngày làm việc: '}
        {AGEING_BUCKETS.map((b, i) => (
          <span data-bucket={b}>
            {`${i ? '; ' : ''}${AGEING_VI[b]}: ${counts.ageing[b]}`}
          </span>
        ))}
      </p>
    </section>
  );
}

export function Pager(props: { board: Board }) {
  const { query: q, period, pages, total } = props.board;
  if (pages <= 1) return <p>{`${total} hạn báo cáo.`}</p>;
  return (
    <nav class="pager" aria-label="Trang">
      {`${total} hạn báo cáo, trang ${q.page}/${pages}. `}
      {q.page > 1 ? <a href={boardHref(q, period, { page: q.page - 1 })} rel="prev">« Trang trước</a> : null}{' '}
      {q.page < pages ? <a href={boardHref(q, period, { page: q.page + 1 })} rel="next">Trang sau »</a> : null}
    </nav>
  );
}
