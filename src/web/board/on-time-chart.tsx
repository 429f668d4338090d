// The on-time rate per agency over the years, as an SVG drawn on the server: d3-scale places
// the points and d3-shape writes the lines' path data (both maintained by the d3 project,
// pure functions without a DOM), preact writes the elements, so names are escaped like any
// text and the page needs no script at all (the CSP allows none without a nonce). A table
// with the same figures follows for screen readers and for copying.
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { formatRate } from '../../domain/board';
import type { OnTimeSeries } from '../../services/board';
import { tr } from '../ui/i18n';

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 44 };
/** Tableau 10, colour-blind aware: one colour per agency line (at most CHART_MAX_AGENCIES). */
const COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function OnTimeChart(props: { chart: OnTimeSeries }) {
  const { years, series } = props.chart;
  if (!years.length || !series.length) return <p>{tr('Chưa có báo cáo nào đến hạn để vẽ tỷ lệ đúng hạn.', 'No report has come due yet to chart the on-time rate.')}</p>;
  const x = scalePoint<number>().domain(years).range([MARGIN.left, WIDTH - MARGIN.right]).padding(0.5);
  const y = scaleLinear().domain([0, 1]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = line<{ year: number; rate: number | null }>()
    .defined((d) => d.rate !== null)
    .x((d) => x(d.year) ?? 0)
    .y((d) => y(d.rate ?? 0));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-labelledby="on-time-chart-title">
        <title id="on-time-chart-title">{tr('Tỷ lệ báo cáo đúng hạn của từng đơn vị qua các năm', 'On-time rate of each agency over the years')}</title>
        {y.ticks(5).map((t) => (
          <g>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke="#ddd" />
            <text x={MARGIN.left - 6} y={y(t) + 4} text-anchor="end" font-size="11">{`${Math.round(t * 100)} %`}</text>
          </g>
        ))}
        {years.map((yr) => (
          <text x={x(yr)} y={HEIGHT - 8} text-anchor="middle" font-size="11">{String(yr)}</text>
        ))}
        {series.map((s, i) => {
          const points = years.map((year, j) => ({ year, rate: s.rates[j] ?? null }));
          const colour = COLOURS[i % COLOURS.length];
          return (
            <g data-agency={s.id}>
              <path d={path(points) ?? ''} fill="none" stroke={colour} stroke-width="2" />
              {points.map((p) =>
                p.rate === null ? null : (
                  <circle cx={x(p.year)} cy={y(p.rate)} r="3.5" fill={colour}>
                    <title>{`${s.name}, ${p.year}: ${formatRate(p.rate)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {series.map((s, i) => (
            <li>
              <span class="swatch" style={`background:${COLOURS[i % COLOURS.length]}`} /> {s.name}
            </li>
          ))}
        </ul>
      </figcaption>
      <details>
        <summary>{tr('Số liệu của biểu đồ', 'The chart\'s figures')}</summary>
        <table>
          <thead>
            <tr>
              <th>{tr('Đơn vị', 'Agency')}</th>
              {years.map((yr) => (
                <th>{String(yr)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr>
                <td>{s.name}</td>
                {s.rates.map((r) => (
                  <td>{formatRate(r)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
