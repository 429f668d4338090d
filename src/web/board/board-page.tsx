// The coordinator's board (GET /board): filters, counts in the official four-way status with
// overdue ageing, the rows with their actions, the rates per agency, plan and commune, and
// the on-time chart. Everything comes from src/services/board.ts; the route decides from the
// policy which rows the visitor may remind.
import type { Board, BoardRow } from '../../services/board';
import { ApiFormsScript } from '../ui/api-forms';
import { Layout, type PageChrome } from '../ui/layout';
import { Style } from '../ui/parts';
import { renderPage } from '../ui/render';
import { boardHref, BoardCounts, BoardFilters, Pager } from './board-filters';
import { BoardTable } from './board-table';
import { OnTimeChart } from './on-time-chart';
import { RatesTable } from './rates-table';
import { tr } from '../ui/i18n';

export const BOARD_CSS = `
.filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:end}.filters label{margin:0}.filters select,.filters input{width:auto;max-width:18rem}
.counts{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}.count{display:flex;flex-direction:column;padding:.5rem .8rem;border:1px solid #ccc;border-radius:.4rem;text-decoration:none;color:inherit;min-width:8rem}
.count b{font-size:1.6rem}.count.chosen{outline:2px solid #8b1a1a}.count-overdue{background:#fde2e1}.count-on-time{background:#dff5e1}.count-late{background:#e9f0d8}.count-not-due{background:#fff8dc}
.ageing{flex-basis:100%;margin:.2rem 0}.num{text-align:right}form.inline{display:inline;margin-left:.5rem}form.inline button{font-size:.85em}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:50%}
.rates{margin:1rem 0}.rates caption{text-align:left;font-weight:bold;padding:.3rem 0}
`;

export function boardPage(board: Board, canRemind: (r: BoardRow) => boolean, chrome: PageChrome, canUrge?: (r: BoardRow) => boolean): string {
  return renderPage(
    <Layout title={tr('Bảng theo dõi báo cáo', 'Reporting board')} chrome={chrome}>
      <Style css={BOARD_CSS} />
      <h1>{tr(`Bảng theo dõi báo cáo – kỳ ${board.period}`, `Reporting board – period ${board.period}`)}</h1>
      <BoardFilters board={board} />
      <BoardCounts board={board} />
      <p>
        <a class="button" id="board-export" href={boardHref(board.query, board.period, {}).replace(/^\/board/, '/api/board/export.xlsx')} download>
          {tr(`Tải Excel (.xlsx) – ${board.total} dòng theo bộ lọc này`, `Download Excel (.xlsx) – ${board.total} rows with these filters`)}
        </a>
      </p>
      <BoardTable rows={board.rows} canRemind={canRemind} canUrge={canUrge} />
      <Pager board={board} />
      <h2>{tr('Tỷ lệ báo cáo và tỷ lệ đúng hạn', 'Reporting rate and on-time rate')}</h2>
      <RatesTable caption={tr('Theo xã', 'By commune')} unit={tr('Xã', 'Commune')} rows={board.byOrganisation} />
      <RatesTable caption={tr('Theo kế hoạch', 'By plan')} unit={tr('Kế hoạch', 'Plan')} rows={board.byPlan} href={(id) => `/plans/${encodeURIComponent(id)}`} />
      <RatesTable caption={tr('Theo đơn vị', 'By agency')} unit={tr('Đơn vị', 'Agency')} rows={board.byAgency} href={(id) => `/agencies/${encodeURIComponent(id)}`} />
      <h2>{tr('Tỷ lệ đúng hạn của các đơn vị qua các năm', 'On-time rate of each agency over the years')}</h2>
      <OnTimeChart chart={board.chart} />
      <ApiFormsScript />
    </Layout>,
  );
}
