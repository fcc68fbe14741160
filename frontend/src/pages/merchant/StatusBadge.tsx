import type { ApplicationStatus } from '../../api/merchant';
import { STATUS_LABELS } from './labels';

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <span className={`status-badge status-${status.toLowerCase().replace('_', '-')}`} data-testid="status-badge">
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}
