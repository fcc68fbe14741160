import type { ProductSort } from '../../api/catalogue';

interface Props {
  value: ProductSort;
  onChange: (sort: ProductSort) => void;
}

/**
 * The hall's order, as in shopping apps: 最新 · 销量 · 价格, where 价格 toggles between low→high and high→low
 * (its arrow says which). Each is a toggle button (aria-pressed).
 */
export function SortBar({ value, onChange }: Props) {
  const price = value === 'price_asc' || value === 'price_desc';
  const button = (sort: ProductSort, label: string, active: boolean, title?: string) => (
    <button type="button" className={`sort-option${active ? ' active' : ''}`} aria-pressed={active} title={title}
      onClick={() => onChange(sort)}>
      {label}
    </button>
  );
  return (
    <div className="sort-bar" role="group" aria-label="排序" data-testid="sort-bar">
      <span className="filter-label">排序</span>
      {button('newest', '最新', value === 'newest')}
      {button('sales', '销量', value === 'sales', '按已付款订单的件数，从多到少')}
      {button(value === 'price_asc' ? 'price_desc' : 'price_asc',
        value === 'price_desc' ? '价格 ↓' : value === 'price_asc' ? '价格 ↑' : '价格',
        price, value === 'price_asc' ? '价格从低到高，点击改为从高到低' : value === 'price_desc' ? '价格从高到低，点击改为从低到高' : '按价格从低到高')}
    </div>
  );
}
