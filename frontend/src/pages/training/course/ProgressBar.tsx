/** A thin progress bar with its label (my progress in a course). */
export function ProgressBar({ percent, label }: { percent: number; label?: string }) {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="course-progress" data-testid="progress-bar">
      <div className="course-progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={p}
        aria-label={label ?? '学习进度'}>
        <div className="course-progress-fill" style={{ width: `${p}%` }} />
      </div>
      <span className="small muted">{label ?? `${p}%`}</span>
    </div>
  );
}
