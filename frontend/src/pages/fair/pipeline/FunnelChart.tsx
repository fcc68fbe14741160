import { useEffect, useRef } from 'react';
import type { FunnelLevel } from './kpi';

type Chart = { setOption: (o: unknown) => void; resize: () => void; dispose: () => void };

/** The pairs' funnel drawn by ECharts (loaded on first use), with the same figures as a list for screen readers. */
export function FunnelChart({ levels }: { levels: FunnelLevel[] }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(levels);
  latest.current = levels;

  useEffect(() => {
    let disposed = false;
    let onResize: (() => void) | null = null;
    void import('./funnelECharts')
      .then(({ init }) => {
        if (disposed || !box.current) return;
        chart.current = init(box.current) as unknown as Chart;
        chart.current.setOption(option(latest.current));
        onResize = () => chart.current?.resize();
        window.addEventListener('resize', onResize);
      })
      .catch(() => undefined);
    return () => {
      disposed = true;
      if (onResize) window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option(levels));
  }, [levels]);

  return (
    <figure className="funnel" data-testid="funnel">
      <div ref={box} className="funnel-chart" aria-hidden="true" />
      <figcaption>
        <ol className="funnel-levels">
          {levels.map((l) => (
            <li key={l.stage} data-testid={`funnel-${l.stage}`}>{l.name} <strong>{l.value}</strong></li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}

const COLOURS = ['#f2c14e', '#e6a23c', '#d9822b', '#c0521f', '#b3261e'];

function option(levels: FunnelLevel[]) {
  const max = Math.max(1, ...levels.map((l) => l.value));
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 对' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max,
        minSize: '36%',
        left: '8%',
        right: '8%',
        top: 8,
        bottom: 8,
        gap: 2,
        label: { show: true, position: 'inside', formatter: '{b} {c}' },
        data: levels.map((l, i) => ({
          name: l.name,
          value: l.value,
          itemStyle: { color: COLOURS[i] },
          label: { color: i < 2 ? '#2b2118' : '#fff' },
        })),
      },
    ],
  };
}
