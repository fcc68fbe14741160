import { useState } from 'react';
import type { FormEvent } from 'react';
import type { IndustryNode, ListingFilters } from '../../../api/fairListing';
import { CategoryPicker } from './CategoryPicker';
import { activeCount, NO_FILTERS, toQuery } from './listingFilters';
import type { FilterState } from './listingFilters';

/** Search + filters of a fair's listings; calls `onApply` with the API's query when they are valid. */
export function ListingFiltersBar({ industries, onApply }: {
  industries: IndustryNode[];
  onApply: (filters: ListingFilters) => void;
}) {
  const [state, setState] = useState<FilterState>(NO_FILTERS);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<FilterState>) => setState((s) => ({ ...s, ...patch }));

  const apply = (s: FilterState) => {
    const { filters, errors: found } = toQuery(s);
    setErrors(found);
    if (Object.keys(found).length === 0) onApply(filters);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(state);
  };
  const count = activeCount(state);

  return (
    <form className="listing-filters" role="search" onSubmit={submit} noValidate data-testid="listing-filters">
      <div className="training-search">
        <label htmlFor="listing-q" className="sr-only">搜索供需</label>
        <input id="listing-q" type="search" value={state.q} maxLength={50} placeholder="搜索标题、描述、关键词"
          onChange={(e) => set({ q: e.target.value })} />
        <button type="submit" className="btn btn-primary btn-sm" data-testid="filters-apply">搜索</button>
        <button type="button" className="btn btn-ghost btn-sm listing-filters-toggle" aria-expanded={open}
          onClick={() => setOpen(!open)} data-testid="filters-toggle">
          筛选{count > 0 && `（${count}）`}
        </button>
      </div>
      {errors.q && <p className="field-error" role="alert">{errors.q}</p>}
      <div className={`listing-filters-panel${open ? ' open' : ''}`}>
        <span className="filter-chips" role="group" aria-label="类型">
          {([['', '全部'], ['SUPPLY', '供给'], ['DEMAND', '需求']] as const).map(([v, label]) => (
            <button key={v || 'all'} type="button" className={`filter-chip${state.side === v ? ' active' : ''}`}
              aria-pressed={state.side === v} data-testid={`filter-side-${v || 'all'}`}
              onClick={() => { const next = { ...state, side: v }; setState(next); apply(next); }}>
              {label}
            </button>
          ))}
        </span>
        <CategoryPicker id="filter-category" industries={industries} value={state.category} allowSection
          onChange={(code) => set({ category: code })} />
        <label className="sr-only" htmlFor="filter-region">地区</label>
        <input id="filter-region" value={state.region} maxLength={60} placeholder="地区，如 合肥"
          onChange={(e) => set({ region: e.target.value })} />
        <span className="listing-amounts">
          <label className="sr-only" htmlFor="filter-amount-min">最低金额（万元）</label>
          <input id="filter-amount-min" inputMode="decimal" value={state.amountMin} placeholder="金额下限（万元）"
            aria-invalid={errors.amountMin ? true : undefined} onChange={(e) => set({ amountMin: e.target.value })} />
          <span aria-hidden="true">–</span>
          <label className="sr-only" htmlFor="filter-amount-max">最高金额（万元）</label>
          <input id="filter-amount-max" inputMode="decimal" value={state.amountMax} placeholder="金额上限（万元）"
            aria-invalid={errors.amountMax ? true : undefined} onChange={(e) => set({ amountMax: e.target.value })} />
        </span>
        {(errors.amountMin || errors.amountMax) && (
          <p className="field-error" role="alert" data-testid="filter-error">{errors.amountMin ?? errors.amountMax}</p>
        )}
        <span className="listing-filter-actions">
          <button type="submit" className="btn btn-ghost btn-sm">应用筛选</button>
          <button type="button" className="btn btn-ghost btn-sm" data-testid="filters-reset"
            onClick={() => { setState(NO_FILTERS); setErrors({}); onApply({}); }}>
            清除
          </button>
        </span>
      </div>
    </form>
  );
}
