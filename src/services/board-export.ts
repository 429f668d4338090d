// The board's rows for a file (the .xlsx export): the same filters and order as the board
// (src/services/board.ts readBoardRows), every page of them up to a cap, with what a reader of
// the file needs to know about how it was made.
import type { Principal } from '../auth/policy';
import { OFFICIAL_STATUS_VI } from '../domain/board';
import { formatViInstant } from '../domain/local-date';
import { EXPORT_MAX_ROWS, readBoardRows, type BoardRow } from './board';
import type { ServiceDeps } from './deps';

/** At most this many rows per file: ~10 MB of workbook, built in memory in a few seconds. */
export { EXPORT_MAX_ROWS };

export interface BoardExport {
  generatedAt: Date;
  generatedAtVi: string;
  periodLabel: string;
  /** The filters in words ("Tình trạng: Quá hạn; Tìm: trạm y tế"); "" when none. */
  filtersVi: string;
  /** Rows the filters select; `rows` holds at most EXPORT_MAX_ROWS of them. */
  total: number;
  rows: BoardRow[];
}

const STATUS_VI: Record<string, string> = { ...OFFICIAL_STATUS_VI, extended: 'Đã gia hạn' };

export async function exportBoard(deps: Pick<ServiceDeps, 'db' | 'clock'>, principal: Principal, input: unknown, limit = EXPORT_MAX_ROWS): Promise<BoardExport> {
  const { period, query, total, rows } = await readBoardRows(deps, principal, input, limit);
  const first = rows[0];
  const filters: string[] = [];
  // A chosen plan, obligation or agency is named from the rows it selected (its id otherwise).
  if (query.plan) filters.push(`Kế hoạch: ${first ? first.planNumber : query.plan}`);
  if (query.obligation) filters.push(`Nội dung: ${first ? first.obligation : query.obligation}`);
  if (query.agency) filters.push(`Đơn vị: ${first ? first.agency : query.agency}`);
  if (query.status) filters.push(`Tình trạng: ${STATUS_VI[query.status] ?? query.status}`);
  if (query.escalation) filters.push(`Cấp cảnh báo: ${query.escalation}`);
  if (query.q) filters.push(`Tìm: ${query.q}`);
  const now = deps.clock();
  return {
    generatedAt: now,
    generatedAtVi: formatViInstant(now),
    periodLabel: /^\d{4}$/.test(period) ? `Cả năm ${period}` : (first?.periodLabel ?? period),
    filtersVi: filters.join('; '),
    total,
    rows,
  };
}
