import { useId } from 'react';

import { formatHour } from '../format';
import { niceMax, type TChartData } from './chart-data';

const COLORS = ['#03a9f4', '#7e57c2', '#26a69a', '#ffa726', '#ef5350', '#8d6e63', '#78909c'];
const W = 1000;
const H = 220;
const PAD = { left: 40, right: 8, top: 8, bottom: 28 };

/** A stacked bar chart in plain SVG; a data table beneath it carries the same numbers for screen readers. */
export function StackedBarChart({ data, title }: { data: TChartData; title: string }) {
  const titleId = useId();
  const max = niceMax(data.maxTotal);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const barW = plotW / Math.max(1, data.hours.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(data.hours.length / 8);

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="chart-svg">
        <title id={titleId}>{`${title}: ${data.total} webhooks in ${data.hours.length} hours`}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" className="chart-label">
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        {data.hours.map((hour, hi) => {
          let acc = 0;

          return (
            <g key={hour}>
              {data.series.map((name, si) => {
                const v = data.counts[hi]?.[si] ?? 0;
                if (v === 0) return null;
                const top = y(acc + v);
                const height = y(acc) - top;
                acc += v;

                return (
                  <rect
                    key={name}
                    x={PAD.left + hi * barW + 1}
                    y={top}
                    width={Math.max(1, barW - 2)}
                    height={height}
                    fill={COLORS[si % COLORS.length]}
                  >
                    <title>{`${formatHour(hour)} · ${name}: ${v}`}</title>
                  </rect>
                );
              })}
              {hi % labelEvery === 0 && (
                <text x={PAD.left + hi * barW + barW / 2} y={H - 8} textAnchor="middle" className="chart-label">
                  {formatHour(hour)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {data.series.map((name, si) => (
            <li key={name}>
              <span className="legend-swatch" style={{ background: COLORS[si % COLORS.length] }} aria-hidden="true" /> {name}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="chart-table">
        <summary>Show the numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Hour</th>
              {data.series.map((s) => (
                <th scope="col" key={s}>
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.hours.map((hour, hi) => (
              <tr key={hour}>
                <th scope="row">{formatHour(hour)}</th>
                {data.series.map((s, si) => (
                  <td key={s}>{data.counts[hi]?.[si] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
