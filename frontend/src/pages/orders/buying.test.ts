import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { BuyAttempt, buyErrorText, loadRecipient, recipientErrors, saveRecipient } from './buying';

describe('BuyAttempt', () => {
  it('keeps the key for the same request until a definite answer', () => {
    const a = new BuyAttempt();
    const k1 = a.keyFor({ q: 1 });
    expect(a.keyFor({ q: 1 })).toBe(k1);
    a.settle(new ApiError({ status: 503 }));
    expect(a.keyFor({ q: 1 })).toBe(k1);
    a.settle(ApiError.network(new Error('x')));
    expect(a.keyFor({ q: 1 })).toBe(k1);
    expect(a.keyFor({ q: 2 })).not.toBe(k1);
    const k2 = a.keyFor({ q: 2 });
    a.settle(new ApiError({ status: 409 }));
    expect(a.keyFor({ q: 2 })).not.toBe(k2);
    const k3 = a.keyFor({ q: 2 });
    a.settle();
    expect(a.keyFor({ q: 2 })).not.toBe(k3);
  });

  it('remembers the recipient and checks it', () => {
    expect(loadRecipient()).toEqual({ name: '', phone: '', address: '' });
    saveRecipient({ name: '张三', phone: '13800138000', address: '西安' });
    expect(loadRecipient().name).toBe('张三');
    expect(recipientErrors({ name: '', phone: '123', address: '' })).toEqual({
      name: '请填写收货人', phone: '请填写有效的手机号', address: '请填写收货地址',
    });
  });

  it('words refusals for buyers', () => {
    const p = (code: string, status = 409) => new ApiError({ status, type: `https://livehall.io/problems/${code}`, detail: 'x' });
    expect(buyErrorText(p('sold-out'))).toBe('x');
    expect(buyErrorText(new ApiError({ status: 409, type: 'https://livehall.io/problems/sold-out', detail: '已抢光' })))
      .toBe('手慢了，已抢光');
    expect(buyErrorText(p('limit-reached'), 2)).toBe('每人限购 2 件，您已达上限');
    expect(buyErrorText(p('deal-ended'))).toBe('秒杀已结束');
    expect(buyErrorText(new ApiError({ status: 429 }))).toBe('操作太频繁，请稍后再试');
    expect(buyErrorText(p('merchant-suspended', 403))).toBe('该商家已暂停营业，暂时不能下单');
    expect(buyErrorText(p('own-product'))).toBe('不能购买自家商品');
  });
});
