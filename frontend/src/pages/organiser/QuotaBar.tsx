interface Props {
  approved: number;
  quota: number;
}

/** 已通过 12 / 20, with a bar that turns red when the quota is used up. */
export function QuotaBar({ approved, quota }: Props) {
  const ratio = quota > 0 ? Math.min(1, approved / quota) : 1;
  const full = approved >= quota;
  return (
    <div className={`quota${full ? ' full' : ''}`} data-testid="quota">
      <div
        className="quota-bar"
        role="progressbar"
        aria-label="名额使用"
        aria-valuemin={0}
        aria-valuemax={quota}
        aria-valuenow={approved}
      >
        <span style={{ width: `${Math.round(ratio * 100)}%` }} />
      </div>
      <span className="quota-text" data-testid="quota-text">
        已通过 {approved} / {quota}
        {full ? '（名额已满）' : `，剩余 ${quota - approved}`}
      </span>
    </div>
  );
}
