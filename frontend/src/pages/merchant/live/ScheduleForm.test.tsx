import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { ScheduleForm } from './ScheduleForm';
import { fromShanghaiInput, toShanghaiInput } from './shanghaiTime';

const merchant = makeUser(['MERCHANT']);
const products = [
  { id: 7, merchantId: 3, name: '东裕绿茶', priceFen: 12800, status: 'ON_SALE', coverFileId: null },
  { id: 8, merchantId: 3, name: '白瓷茶杯', priceFen: 3900, status: 'ON_SALE', coverFileId: null },
];

describe('ScheduleForm', () => {
  it('reads and writes the start time as Beijing time whatever the browser zone', () => {
    expect(fromShanghaiInput('2026-11-23T20:30')).toBe('2026-11-23T12:30:00.000Z');
    expect(toShanghaiInput('2026-11-23T12:30:00Z')).toBe('2026-11-23T20:30');
    expect(fromShanghaiInput('2026-11-23')).toBeNull();
    expect(toShanghaiInput(null)).toBe('');
  });

  it('sends the lineup in the chosen order and shows the server’s field errors next to the fields', async () => {
    const sent: unknown[] = [];
    renderWithAuth(<ScheduleForm onSaved={() => undefined} />, merchant, '/merchant/live', async (input, init) => {
      const url = String(input);
      if (url === '/api/merchant/live-sessions/products') return Response.json(products);
      if (url === '/api/merchant/live-sessions' && init?.method === 'POST') {
        sent.push(JSON.parse(String(init.body)));
        return Response.json(
          {
            status: 400,
            detail: '请求参数有误',
            errors: [
              { field: 'productIds[1]', message: '「东裕绿茶」未上架，不能加入直播' },
              { field: 'streamUrl', message: '直播流地址无效' },
            ],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }
      return Response.json(merchant);
    });

    fireEvent.submit(screen.getByTestId('schedule-form'));
    expect(screen.getByTestId('error-title').textContent).toBe('请填写直播标题');
    expect(screen.getByTestId('error-streamUrl').textContent).toBe('请填写直播流地址');
    fireEvent.change(screen.getByLabelText('直播流地址'), { target: { value: 'rtmp://push.example.com/x' } });
    fireEvent.submit(screen.getByTestId('schedule-form'));
    expect(screen.getByTestId('error-streamUrl').textContent).toContain('直播流地址需为');
    expect(sent).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('直播标题'), { target: { value: '开业直播' } });
    fireEvent.change(screen.getByLabelText('开播时间（北京时间）'), { target: { value: '2099-01-01T20:00' } });
    fireEvent.change(screen.getByLabelText('直播流地址'), { target: { value: 'https://cdn.example.com/a.m3u8' } });
    const add = await screen.findAllByTestId('add-product');
    fireEvent.click(add[1]); // 白瓷茶杯 first
    fireEvent.click(screen.getByTestId('add-product')); // then 东裕绿茶
    fireEvent.submit(screen.getByTestId('schedule-form'));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      title: '开业直播',
      coverFileId: null,
      startsAt: '2099-01-01T12:00:00.000Z',
      streamUrl: 'https://cdn.example.com/a.m3u8',
      productIds: [8, 7],
    });
    await waitFor(() => expect(screen.getByTestId('error-streamUrl').textContent).toBe('直播流地址无效'));
    const picked = screen.getAllByTestId('picked');
    expect(picked[1].textContent).toContain('「东裕绿茶」未上架，不能加入直播');
    expect(picked[0].className).not.toContain('invalid');
  });
});
