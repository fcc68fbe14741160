import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { DashboardScope } from '../../api/dashboard';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { ScopePicker } from './ScopePicker';
import { scopes } from './testData';
import { useScopes } from './useScopes';

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function Picker() {
  return <ScopePicker scopes={useScopes()} />;
}

const merchants: DashboardScope[] = [
  { scope: 'merchant-12', kind: 'MERCHANT', title: '东裕茗茶', live: true },
  { scope: 'merchant-7', kind: 'MERCHANT', title: '秦岭茶业', live: false },
];

function open(path: string, list: DashboardScope[], merchantsAnswer: (q: string) => Response = () => Response.json(merchants)) {
  const urls: string[] = [];
  const user = makeUser(['ORGANISER']);
  renderWithAuth(<><Routes><Route path="/organiser/dashboard" element={<Picker />} /></Routes><Where /></>, user, path,
    async (input) => {
      const url = String(input);
      urls.push(url);
      if (url === '/api/dashboard/scopes') return Response.json(list);
      if (url.startsWith('/api/dashboard/merchants')) {
        return merchantsAnswer(new URL(url, 'http://x').searchParams.get('q') ?? '');
      }
      return Response.json(user);
    });
  return urls;
}

describe('ScopePicker by merchant', () => {
  it('lets an organiser search the merchants by name and watch one', async () => {
    const urls = open('/organiser/dashboard?scope=showcase', scopes);
    fireEvent.click(await screen.findByTestId('merchant-search-open'));
    expect(await screen.findByTestId('merchant-option-merchant-12')).toBeTruthy();
    expect(screen.getByTestId('merchant-option-merchant-12').textContent).toBe('东裕茗茶 · 直播中');
    expect(screen.getByTestId('merchant-option-merchant-7').textContent).toBe('秦岭茶业');
    expect(urls).toContain('/api/dashboard/merchants');

    fireEvent.change(screen.getByTestId('merchant-search-input'), { target: { value: ' 东裕 ' } });
    await waitFor(() => expect(urls).toContain('/api/dashboard/merchants?q=%E4%B8%9C%E8%A3%95'));
    fireEvent.click(screen.getByTestId('merchant-option-merchant-12'));
    expect(screen.getByTestId('where').textContent).toBe('/organiser/dashboard?scope=merchant-12');
    const picker = screen.getByTestId('scope-picker') as HTMLSelectElement;
    expect(picker.value).toBe('merchant-12');
    expect(picker.selectedOptions[0].textContent).toBe('东裕茗茶');
    expect(screen.queryByTestId('merchant-search')).toBeNull();
  });

  it('names a merchant opened from a link, says when none matches and shows the server’s refusal', async () => {
    open('/organiser/dashboard?scope=merchant-7', scopes, (q) => q === '无此商家'
      ? Response.json([])
      : new Response(JSON.stringify({ status: 400, title: 'x', detail: '搜索词最多 50 个字', errors: [{ field: 'q', message: '搜索词最多 50 个字' }] }),
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } }));
    const picker = await screen.findByTestId('scope-picker') as HTMLSelectElement;
    expect(picker.selectedOptions[0].textContent).toBe('商家 #7');
    fireEvent.click(screen.getByTestId('merchant-search-open'));
    expect((await screen.findByRole('alert')).textContent).toContain('搜索词最多 50 个字');
    fireEvent.change(screen.getByTestId('merchant-search-input'), { target: { value: '无此商家' } });
    expect((await screen.findByTestId('merchant-search-empty')).textContent).toBe('没有找到商家');
  });

  it('offers no merchant search to a merchant, whose only scope is its own', async () => {
    open('/organiser/dashboard', [merchants[1]]);
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/organiser/dashboard?scope=merchant-7'));
    expect((screen.getByTestId('scope-picker') as HTMLSelectElement).selectedOptions[0].textContent).toBe('秦岭茶业');
    expect(screen.queryByTestId('merchant-search-open')).toBeNull();
  });
});
