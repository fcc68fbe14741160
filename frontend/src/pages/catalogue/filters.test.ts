import { describe, expect, it } from 'vitest';
import { emptyFilters, filtersFromSearch, filtersToQuery, filtersToSearch, priceRangeProblem } from './filters';

describe('catalogue filters', () => {
  it('sends only the filters that are set, prices in fen and the search trimmed', () => {
    expect(filtersToQuery(emptyFilters())).toEqual({});
    expect(
      filtersToQuery({
        category: 'INTANGIBLE_HERITAGE',
        region: '宝鸡市',
        channel: 'LIVE_ECOMMERCE',
        merchantId: 7,
        minYuan: '10',
        maxYuan: '99.5',
        q: '  泥塑 ',
      }),
    ).toEqual({
      category: 'INTANGIBLE_HERITAGE',
      region: '宝鸡市',
      channel: 'LIVE_ECOMMERCE',
      merchantId: 7,
      minPrice: 1000,
      maxPrice: 9950,
      q: '泥塑',
    });
  });

  it('leaves out unusable prices and an inverted range', () => {
    expect(filtersToQuery({ ...emptyFilters(), minYuan: 'abc', maxYuan: '5' })).toEqual({ maxPrice: 500 });
    expect(filtersToQuery({ ...emptyFilters(), minYuan: '50', maxYuan: '5' })).toEqual({ minPrice: 5000 });
    expect(priceRangeProblem({ ...emptyFilters(), minYuan: '50', maxYuan: '5' })).toBe('最高价不能低于最低价');
    expect(priceRangeProblem({ ...emptyFilters(), minYuan: '1.234' })).toBe('价格请填写数字，最多两位小数');
    expect(priceRangeProblem({ ...emptyFilters(), minYuan: '5', maxYuan: '5' })).toBeNull();
  });

  it('round-trips through the page URL and ignores unknown values', () => {
    const f = { ...emptyFilters(), category: 'FAMOUS_QUALITY' as const, region: '西安市', minYuan: '20', q: '西凤 酒' };
    const search = filtersToSearch(f);
    expect(search).toBe('?category=FAMOUS_QUALITY&region=%E8%A5%BF%E5%AE%89%E5%B8%82&min=20&q=%E8%A5%BF%E5%87%A4+%E9%85%92');
    expect(filtersFromSearch(search)).toEqual(f);
    expect(filtersToSearch(emptyFilters())).toBe('');
    expect(filtersFromSearch('?category=WINE&region=北京市&channel=TV&merchant=-3&min=x&max=9')).toEqual({
      ...emptyFilters(),
      maxYuan: '9',
    });
  });

  it('keeps a non-default order in the query and the URL, and drops newest and unknown orders', () => {
    const f = { ...emptyFilters(), q: 'dyc', sort: 'price_desc' as const };
    expect(filtersToQuery(f)).toEqual({ q: 'dyc', sort: 'price_desc' });
    expect(filtersToSearch(f)).toBe('?q=dyc&sort=price_desc');
    expect(filtersFromSearch('?q=dyc&sort=price_desc')).toEqual(f);
    expect(filtersToQuery({ ...emptyFilters(), sort: 'newest' })).toEqual({});
    expect(filtersFromSearch('?sort=newest').sort).toBeUndefined();
    expect(filtersFromSearch('?sort=cheap').sort).toBeUndefined();
  });
});
