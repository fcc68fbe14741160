import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { MyMatches } from '../../../api/fairMatching';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { FairMatchesPage } from './FairMatchesPage';

const data: MyMatches = {
  listings: [
    { id: 11, title: '采购铝合金压铸壳体', side: 'DEMAND' },
    { id: 12, title: '采购线束', side: 'DEMAND' },
  ],
  matches: [
    {
      listingId: 11,
      listingTitle: '采购铝合金压铸壳体',
      counterpart: { listingId: 21, title: '供应铝合金压铸件', side: 'SUPPLY', category: 'C367', categoryName: '汽车零部件及配件制造',
        region: '安徽省合肥市', participantId: 5, enterpriseName: '合肥精铸科技有限公司' },
      score: 74,
      parts: [
        { kind: 'CATEGORY', points: 40, text: '同属汽车零部件及配件制造' },
        { kind: 'KEYWORDS', points: 16, text: '关键词：铝合金、压铸' },
        { kind: 'REGION', points: 10, text: '同在合肥' },
        { kind: 'COMPLEMENT', points: 8, text: '中小企业对接大型企业' },
      ],
    },
  ],
  recommended: [{ participantId: 9, enterpriseName: '芜湖线束厂', role: 'SUPPLIER', note: '线束配套', createdAt: '2026-12-06T11:30:00Z' }],
  next: null,
};

function page(handler: (url: string) => Response) {
  return renderWithAuth(
    <Routes><Route path="/fairs/:id/matches" element={<FairMatchesPage />} /></Routes>,
    makeUser(['VIEWER']), '/fairs/7/matches', async (input) => {
      const url = String(input);
      return url.startsWith('/api/fairs/') ? handler(url) : Response.json(makeUser(['VIEWER']));
    },
  );
}

describe('FairMatchesPage', () => {
  it('shows ranked matches with the score and its parts as chips, and filters by one of my listings', async () => {
    const seen: string[] = [];
    page((url) => {
      if (url.includes('/matches')) seen.push(url); // the tab strip also asks for the fair's kind
      if (url.includes('listingId=12')) return Response.json({ ...data, matches: [] });
      if (url.includes('after=74_11_21')) {
        return Response.json({ ...data, recommended: [], next: null, matches: [{ ...data.matches[0], score: 50,
          counterpart: { ...data.matches[0].counterpart, listingId: 22, title: '供应压铸模具' } }] });
      }
      return Response.json({ ...data, next: '74_11_21' });
    });
    await waitFor(() => expect(screen.getAllByTestId('match')).toHaveLength(1));
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('match')).toHaveLength(2));
    expect(screen.getAllByTestId('match')[1].textContent).toContain('供应压铸模具');
    expect(screen.queryByText('加载更多')).toBeNull();
    const match = screen.getAllByTestId('match')[0];
    expect(match.textContent).toContain('供应铝合金压铸件');
    expect(match.textContent).toContain('合肥精铸科技有限公司');
    expect(match.textContent).toContain('匹配我的：采购铝合金压铸壳体');
    expect(Array.from(match.querySelectorAll('[data-testid="match-chip"]')).map((c) => c.textContent)).toEqual([
      '同属汽车零部件及配件制造+40', '关键词：铝合金、压铸+16', '同在合肥+10', '中小企业对接大型企业+8',
    ]);
    expect(screen.getByTestId('recommended').textContent).toContain('线束配套');
    expect(seen[0]).toBe('/api/fairs/7/matches');

    fireEvent.change(screen.getByLabelText('我的供需信息'), { target: { value: '12' } });
    await waitFor(() => expect(screen.getByTestId('matches-empty')).toBeTruthy());
    expect(seen[seen.length - 1]).toBe('/api/fairs/7/matches?listingId=12');
  });

  it('tells a participant not yet approved why it sees nothing', async () => {
    page(() => Response.json({ type: 'https://livehall.io/problems/fair-approval-required', title: 'Forbidden', status: 403,
      detail: '你的企业通过本场对接会的审核后才能使用此功能' }, { status: 403, headers: { 'Content-Type': 'application/problem+json' } }));
    await waitFor(() => expect(screen.getByTestId('matches-locked').textContent).toContain('审核后才能使用'));
    expect(screen.getByTestId('matches-locked').querySelector('a')?.getAttribute('href')).toBe('/fairs/7/register');
  });
});
