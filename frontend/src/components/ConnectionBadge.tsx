import { CONNECTION_LABELS, useBackgroundOnly, useConnectionStatus } from '../realtime/connectionStatus';
import type { ConnectionStatus } from '../realtime/connectionStatus';

interface Props {
  /** Override the live store (tests, previews). */
  status?: ConnectionStatus;
}

/** Small pill showing the realtime connection state while a page uses live data; on phones only the dot shows. */
export function ConnectionBadge({ status }: Props) {
  const live = useConnectionStatus();
  const backgroundOnly = useBackgroundOnly();
  const s = status ?? live;
  // idle: no page needs live data right now, so there is nothing to report (未连接 would read like a fault);
  // likewise while only the header's notifications keep the connection open
  if (s === 'idle' || (status === undefined && backgroundOnly)) return null;
  const label = CONNECTION_LABELS[s];
  return (
    <span
      className={`conn-badge conn-${s}`}
      data-testid="connection-status"
      data-status={s}
      role="status"
      aria-live="polite"
      title={`实时连接：${label}`}
    >
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-label">{label}</span>
    </span>
  );
}
