import type { ProductOption } from '../../../api/live';
import { formatFen } from '../../../lib/format';

interface Props {
  options: ProductOption[];
  /** Chosen product ids in presentation order. */
  value: number[];
  onChange: (ids: number[]) => void;
  /** Field errors by index of `value` (from `productIds[i]`). */
  errors?: Record<number, string>;
  /** Names of chosen products that are no longer offered (e.g. taken off sale since). */
  names?: Record<number, string>;
}

/** Pick on-sale products for a session and put them in order. */
export function LineupPicker({ options, value, onChange, errors = {}, names = {} }: Props) {
  const byId = new Map(options.map((o) => [o.id, o]));
  const move = (i: number, d: -1 | 1) => {
    const next = value.slice();
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  const available = options.filter((o) => !value.includes(o.id));
  return (
    <div className="lineup-picker" data-testid="lineup-picker">
      {value.length === 0 ? (
        <p className="muted small">还没有选择商品</p>
      ) : (
        <ol className="picked-list">
          {value.map((id, i) => (
            <li key={id} className={errors[i] ? 'picked invalid' : 'picked'} data-testid="picked">
              <span className="picked-name">
                {byId.get(id)?.name ?? names[id] ?? `商品 #${id}`}
                {byId.get(id) && <span className="muted small"> {formatFen(byId.get(id)!.priceFen)}</span>}
              </span>
              <span className="picked-actions">
                <button type="button" className="btn btn-ghost btn-sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label="上移">
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  disabled={i === value.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label="下移"
                >
                  ↓
                </button>
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(value.filter((x) => x !== id))}>
                  移除
                </button>
              </span>
              {errors[i] && (
                <span className="field-error" role="alert">
                  {errors[i]}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {available.length > 0 && (
        <ul className="option-list">
          {available.map((o) => (
            <li key={o.id}>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange([...value, o.id])} data-testid="add-product">
                ＋ {o.name} <span className="muted">{formatFen(o.priceFen)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {options.length === 0 && <p className="muted small">本店暂无在售商品，请先在商品管理中上架商品。</p>}
    </div>
  );
}
