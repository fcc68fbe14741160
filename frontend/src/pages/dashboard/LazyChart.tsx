import { useEffect, useRef } from 'react';

type Chart = { setOption: (o: unknown, notMerge?: boolean) => void; resize: () => void; dispose: () => void };

interface Props {
  /** the ECharts option; applied again whenever it changes */
  option: unknown;
  className?: string;
  testId?: string;
}

/**
 * A chart drawn by ECharts, loaded on first use (the dashboard's own slice of ECharts). Decorative for screen readers:
 * every chart of the dashboard has its figures in a table or list next to it.
 */
export function LazyChart({ option, className, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    const onResize = () => chart.current?.resize();
    void import('./dashboardECharts')
      .then(({ init }) => {
        if (disposed || !box.current) return;
        chart.current = init(box.current) as unknown as Chart;
        chart.current.setOption(latest.current, true);
        window.addEventListener('resize', onResize);
        // the big-screen toggle changes the box's size without a window resize
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(onResize);
          observer.observe(box.current);
        }
      })
      .catch(() => undefined);
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // merged: a new frame moves the lines instead of drawing them again from nothing
    chart.current?.setOption(option);
  }, [option]);

  return <div ref={box} className={className} data-testid={testId} aria-hidden="true" />;
}
