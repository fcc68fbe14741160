// The filters of a fair's listings as typed (amounts in 万元) → the API's query (amounts in fen), with the errors a
// user can fix before asking.
import type { ListingFilters, ListingSide } from '../../../api/fairListing';
import { wanToFen } from './listingForm';

export interface FilterState {
  q: string;
  side: ListingSide | '';
  category: string;
  region: string;
  amountMin: string;
  amountMax: string;
}

export const NO_FILTERS: FilterState = { q: '', side: '', category: '', region: '', amountMin: '', amountMax: '' };

export function toQuery(s: FilterState): { filters: ListingFilters; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const min = wanToFen(s.amountMin);
  const max = wanToFen(s.amountMax);
  if (Number.isNaN(min)) errors.amountMin = '请填写有效金额';
  if (Number.isNaN(max)) errors.amountMax = '请填写有效金额';
  if (!errors.amountMin && !errors.amountMax && min !== null && max !== null && min > max) {
    errors.amountMax = '最高金额不能低于最低金额';
  }
  if (s.q.trim().length > 50) errors.q = '搜索词不能超过 50 个字';
  const filters: ListingFilters = {
    q: s.q.trim() || undefined,
    side: s.side || undefined,
    category: s.category || undefined,
    region: s.region.trim() || undefined,
    amountMin: Number.isNaN(min) ? null : min,
    amountMax: Number.isNaN(max) ? null : max,
  };
  return { filters, errors };
}

/** How many filters (besides the search) are set: the badge of the collapsed filter panel on a phone. */
export function activeCount(s: FilterState): number {
  return [s.side, s.category, s.region.trim(), s.amountMin.trim() || s.amountMax.trim()].filter(Boolean).length;
}
