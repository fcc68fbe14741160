import { describe, expect, it } from 'vitest';
import type { Listing } from '../../../api/fairListing';
import { checkForm, dateAhead, emptyForm, fenToWan, formatRange, formErrors, formOf, parseKeywords, toInput, wanToFen } from './listingForm';
import { activeCount, NO_FILTERS, toQuery } from './listingFilters';

const now = new Date('2026-12-07T20:00:00Z'); // 2026-12-08 04:00 in Shanghai

describe('listing form', () => {
  it('reads keywords typed with Chinese or Latin commas, 、 and spaces, each once', () => {
    expect(parseKeywords('铝合金压铸，制动盘、线束 , PCB;制动盘  ')).toEqual(['铝合金压铸', '制动盘', '线束', 'PCB']);
    expect(parseKeywords('  ')).toEqual([]);
  });

  it('turns 万元 into fen exactly and back', () => {
    expect(wanToFen('10')).toBe(10_000_000);
    expect(wanToFen('0.35')).toBe(350_000);
    expect(wanToFen('1.2345')).toBe(1_234_500);
    expect(wanToFen(' ')).toBeNull();
    expect(wanToFen('1.23456')).toBeNaN();
    expect(wanToFen('-1')).toBeNaN();
    expect(wanToFen('1e5')).toBeNaN();
    expect(fenToWan(10_000_000)).toBe('10');
    expect(fenToWan(350_000)).toBe('0.35');
    expect(fenToWan(null)).toBe('');
  });

  it('reads amount ranges in 万元 or 元', () => {
    expect(formatRange(10_000_000, 50_000_000)).toBe('10 万元 – 50 万元');
    expect(formatRange(60_000_000, null)).toBe('60 万元起');
    expect(formatRange(null, 500_000)).toBe('至多 5,000 元');
    expect(formatRange(null, null)).toBe('');
  });

  it('dates the validity in Shanghai and sends the end of that day', () => {
    expect(dateAhead(0, now)).toBe('2026-12-08');
    expect(emptyForm(now).validUntil).toBe('2027-03-08');
    const input = toInput({ ...emptyForm(now), title: ' 压铸件 ', category: 'C367', region: '合肥', keywords: '压铸，压铸',
      amountMin: '10', amountMax: '', quantity: ' ' });
    expect(input).toMatchObject({ title: '压铸件', keywords: ['压铸'], amountMinFen: 10_000_000, amountMaxFen: null,
      quantity: null, validUntil: '2027-03-08T23:59:59+08:00' });
  });

  it('finds what the user can fix before sending', () => {
    const f = { ...emptyForm(now), amountMin: '50', amountMax: '10', validUntil: '2026-12-07',
      keywords: Array.from({ length: 11 }, (_, i) => `词${i}`).join(' ') };
    expect(checkForm(f, '2026-12-08')).toEqual({
      title: '请填写标题', category: '请选择行业分类', region: '请填写地区', keywords: '关键词最多 10 个',
      amountMaxFen: '最高金额不能低于最低金额', validUntil: '有效期需晚于现在',
    });
    expect(checkForm({ ...emptyForm(now), title: 'a', category: 'C36', region: '合肥', amountMin: 'x' }, '2026-12-08'))
      .toEqual({ amountMinFen: '请填写有效金额（万元）' });
    expect(checkForm({ ...emptyForm(now), title: 'a', category: 'C36', region: '合肥' }, '2026-12-08')).toEqual({});
  });

  it('fills the form from a listing and maps the server’s indexed field errors', () => {
    const listing = {
      id: 1, enterpriseId: 2, enterpriseName: '甲', side: 'DEMAND', title: '采购', description: '', category: 'C367',
      categoryName: '汽车零部件及配件制造', keywords: ['a', 'b'], region: '合肥', quantity: null, amountMinFen: 1_000_000,
      amountMaxFen: null, validUntil: '2027-01-31T15:59:59Z', status: 'ACTIVE', active: true, createdAt: '', updatedAt: '',
      attachments: [{ fileId: 9, name: 'x.pdf', contentType: 'application/pdf', sizeBytes: 3 }],
    } satisfies Listing;
    expect(formOf(listing)).toMatchObject({ side: 'DEMAND', keywords: 'a，b', amountMin: '1', amountMax: '',
      validUntil: '2027-01-31', fileIds: [9] });
    expect(formErrors({ 'keywords[3]': '每个关键词最多 20 字', 'fileIds[0]': '附件无效', title: '请填写标题' }))
      .toEqual({ keywords: '每个关键词最多 20 字', fileIds: '附件无效', title: '请填写标题' });
  });
});

describe('listing filters', () => {
  it('turns 万元 filters into fen and leaves out what is blank', () => {
    const { filters, errors } = toQuery({ ...NO_FILTERS, q: ' 压铸 ', side: 'SUPPLY', amountMin: '20', amountMax: '40' });
    expect(errors).toEqual({});
    expect(filters).toEqual({ q: '压铸', side: 'SUPPLY', category: undefined, region: undefined,
      amountMin: 20_000_000, amountMax: 40_000_000 });
  });

  it('refuses a reversed or unreadable range and counts the filters set', () => {
    expect(toQuery({ ...NO_FILTERS, amountMin: '50', amountMax: '10' }).errors).toEqual({ amountMax: '最高金额不能低于最低金额' });
    expect(toQuery({ ...NO_FILTERS, amountMin: 'abc' }).errors).toEqual({ amountMin: '请填写有效金额' });
    expect(activeCount({ ...NO_FILTERS, side: 'DEMAND', category: 'C36', amountMax: '5' })).toBe(3);
    expect(activeCount(NO_FILTERS)).toBe(0);
  });
});
