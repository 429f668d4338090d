// The board's filters as a plain GET form (works without script; the URL is the state, so a
// filtered board can be bookmarked or sent), the counts in the official four-way status,
// each a link to the rows behind it, and the pager.
import { AGEING_BUCKETS } from '../../domain/board';
import type { BoardQuery } from '../../schemas/board.schemas';
import type { Board } from '../../services/board';
import { ageingText, officialText, periodText, tr } from '../ui/i18n';

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
        <option value="">{props.all ?? tr('Tất cả', 'All')}</option>
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
      <Select name="period" label={tr('Kỳ', 'Period')} value={period} options={options.periods.map((p) => ({ id: p, label: periodText(options.periodLabels[p] ?? p) }))} all={tr('Năm nay', 'This year')} />
      <Select name="plan" label={tr('Kế hoạch', 'Plan')} value={q.plan} options={options.plans} />
      <Select name="obligation" label={tr('Nội dung báo cáo', 'Report')} value={q.obligation} options={options.obligations} />
      <Select name="agency" label={tr('Đơn vị', 'Agency')} value={q.agency} options={options.agencies} />
      <Select
        name="status"
        label={tr('Tình trạng', 'Status')}
        value={q.status}
        options={[...(['on-time', 'late', 'not-due', 'overdue', 'waived', 'untracked'] as const).map((s) => ({ id: s, label: officialText(s) })), { id: 'extended', label: tr('Đã gia hạn', 'Extended') }]}
      />
      <Select name="escalation" label={tr('Đôn đốc', 'Escalation')} value={q.escalation} options={[{ id: '0', label: tr('Chưa đôn đốc', 'Not escalated') }, { id: '1', label: tr('Cấp 1', 'Level 1') }, { id: '2', label: tr('Cấp 2', 'Level 2') }, { id: '3', label: tr('Cấp 3', 'Level 3') }]} />
      <label>
        {tr('Tìm', 'Search')} <input type="search" name="q" value={q.q ?? ''} maxLength={200} placeholder={tr('Tên đơn vị, số kế hoạch…', 'Agency name, plan number…')} />
      </label>
      <label>
        {tr('Sắp xếp', 'Sort')}{' '}
        <select name="sort">
          <option value="days-late" selected={q.sort === 'days-late'}>{tr('Chậm nhiều nhất trước', 'Latest first')}</option>
          <option value="last-day" selected={q.sort === 'last-day'}>{tr('Theo hạn cuối', 'By last day')}</option>
          <option value="agency" selected={q.sort === 'agency'}>{tr('Theo tên đơn vị', 'By agency name')}</option>
        </select>
      </label>
      <button>{tr('Lọc', 'Filter')}</button> <a href="/board">{tr('Bỏ lọc', 'Clear filters')}</a>
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
    <section class="counts" aria-label={tr('Số lượng theo tình trạng', 'Counts by status')}>
      {card('on-time', officialText('on-time'), counts['on-time'])}
      {card('late', officialText('late'), counts.late)}
      {card('not-due', officialText('not-due'), counts['not-due'])}
      {card('overdue', officialText('overdue'), counts.overdue)}
      {card('extended', tr('Đã gia hạn', 'Extended'), counts.extended)}
      {card('waived', officialText('waived'), counts.waived)}
      {counts.untracked ? card('untracked', officialText('untracked'), counts.untracked) : null}
      <p class="ageing" data-ageing="">
        {tr('Quá hạn theo ngày làm việc: ', 'Overdue by working days: ')}
        {AGEING_BUCKETS.map((b, i) => (
          <span data-bucket={b}>
            {`${i ? '; ' : ''}${ageingText(b)}: ${counts.ageing[b]}`}
          </span>
        ))}
      </p>
    </section>
  );
}

export function Pager(props: { board: Board }) {
  const { query: q, period, pages, total } = props.board;
  if (pages <= 1) return <p>{tr(`${total} hạn báo cáo.`, `${total} deadlines.`)}</p>;
  return (
    <nav class="pager" aria-label={tr('Trang', 'Pages')}>
      {tr(`${total} hạn báo cáo, trang ${q.page}/${pages}. `, `${total} deadlines, page ${q.page}/${pages}. `)}
      {q.page > 1 ? <a href={boardHref(q, period, { page: q.page - 1 })} rel="prev">{tr('« Trang trước', '« Previous page')}</a> : null}{' '}
      {q.page < pages ? <a href={boardHref(q, period, { page: q.page + 1 })} rel="next">{tr('Trang sau »', 'Next page »')}</a> : null}
    </nav>
  );
}
