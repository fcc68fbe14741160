import { useState } from 'react';
import type { SelectionRound } from '../../api/merchant';
import { formatDateTime } from '../../lib/format';
import { CreateRoundForm } from './CreateRoundForm';
import { QuotaBar } from './QuotaBar';

interface Props {
  rounds: SelectionRound[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onCreated: (round: SelectionRound) => void;
}

function phase(r: SelectionRound): string {
  if (r.open) return '申请中';
  return Date.parse(r.opensAt) > Date.now() ? '未开始' : '已截止';
}

/** Every selection round with its figures; pick one to review its applications, or create one. */
export function RoundsPanel({ rounds, selectedId, onSelect, onCreated }: Props) {
  const [creating, setCreating] = useState(false);
  return (
    <section className="rounds-panel" aria-labelledby="rounds-title">
      <div className="panel-head">
        <h2 id="rounds-title">遴选批次</h2>
        {!creating && (
          <button type="button" className="btn btn-gold btn-sm" onClick={() => setCreating(true)}>
            新建批次
          </button>
        )}
      </div>
      {creating && (
        <CreateRoundForm
          onCreated={(r) => {
            setCreating(false);
            onCreated(r);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {rounds.length === 0 && !creating && <p className="muted">还没有遴选批次。</p>}
      <ul className="round-list">
        {rounds.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className={`card round-card${r.id === selectedId ? ' selected' : ''}`}
              aria-pressed={r.id === selectedId}
              onClick={() => onSelect(r.id)}
              data-testid={`round-${r.id}`}
            >
              <span className="round-name">
                {r.name}
                <span className={`chip ${r.open ? 'chip-open' : ''}`}>{phase(r)}</span>
              </span>
              <span className="muted small">
                {formatDateTime(r.opensAt)} — {formatDateTime(r.closesAt)}
              </span>
              <span className="small">
                收到申请 {r.received} · 待审核 {r.pending}
              </span>
              <QuotaBar approved={r.approved} quota={r.quota} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
