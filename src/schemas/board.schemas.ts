// The board's filters: GET /board (a form of selects, so an unchosen filter arrives as "")
// and GET /api/board. Ids outside the reader's scope are not refused: they match nothing.
import { z } from 'zod';

export const MAX_BOARD_PAGE = 200;

/** An unchosen select sends "": the same as absent. */
const choice = z.string().max(300).optional();

export const BOARD_STATUSES = ['on-time', 'late', 'not-due', 'overdue', 'waived', 'untracked', 'extended'] as const;

export const boardQuerySchema = z.object({
  plan: choice,
  obligation: choice,
  agency: choice,
  /** A year ("2026", the default: this year) or one period key ("2026-H1", an ad-hoc request's "2026-12-20"). */
  period: z.string().regex(/^$|^\d{4}(-[0-9A-Za-z-]{1,12})?$/, 'kỳ có dạng 2026 hoặc 2026-H1 / a year or a period key').optional(),
  /** One of the official statuses, "waived" or "extended"; "" for all. */
  status: z.enum(['', ...BOARD_STATUSES]).optional(),
  /** The highest escalation sent: "0" none, "1", "2", "3". */
  escalation: z.enum(['', '0', '1', '2', '3']).optional(),
  /** Words of an agency, a plan's number or title, a period or a request's subject. */
  q: z.string().max(200).optional(),
  sort: z.enum(['days-late', 'last-day', 'agency']).default('days-late'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_BOARD_PAGE).default(50),
});
export type BoardQuery = z.infer<typeof boardQuerySchema>;
export type BoardStatusFilter = (typeof BOARD_STATUSES)[number];
