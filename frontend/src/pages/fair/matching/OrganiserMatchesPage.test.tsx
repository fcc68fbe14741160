import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { OrganiserMatchesPage } from './OrganiserMatchesPage';

const tea = { participantId: 4, enterpriseName: '黄山茶业采购商', role: 'BUYER', region: '安徽省黄山市', industry: '茶叶' };
const cast = { participantId: 2, enterpriseName: '合肥精铸科技有限公司', role: 'SUPPLIER', region: '安徽省合肥市', industry: '汽车零部件' };

describe('OrganiserMatchesPage', () => {
  it('shows the figures, the unmatched and the pairs, and matches two enterprises by hand', async () => {
    const posts: unknown[] = [];
    let matched = false;
    renderWithAuth(
      <Routes><Route path="/organiser/fairs/:id/matches" element={<OrganiserMatchesPage />} /></Routes>,
      makeUser(['ORGANISER']), '/organiser/fairs/7/matches', async (input, init) => {
        const url = String(input);
        if (url.startsWith('/api/organiser/fairs/7/matches/unmatched')) {
          return Response.json({ items: matched ? [] : [tea], next: null });
        }
        if (url.startsWith('/api/organiser/fairs/7/matches/pairs')) {
          return Response.json({ items: [{ id: 1, a: cast, b: { ...tea, participantId: 3, enterpriseName: '江淮整车' },
            manual: false, note: null, bestScore: 74, createdAt: '2026-12-06T11:30:00Z' }], next: null });
        }
        if (url.startsWith('/api/organiser/fairs/7/matches/participants')) return Response.json([cast]);
        if (url === '/api/organiser/fairs/7/matches' && init?.method === 'POST') {
          posts.push(JSON.parse(String(init.body)));
          matched = true;
          return Response.json({ id: 2, a: cast, b: tea, manual: true, note: '礼盒', bestScore: null, createdAt: '2026-12-06T11:30:00Z' },
            { status: 201 });
        }
        if (url === '/api/organiser/fairs/7/matches') {
          return Response.json({ approved: 3, pairs: matched ? 2 : 1, manualPairs: matched ? 1 : 0, unmatched: matched ? 0 : 1,
            listingMatches: 2, lastRun: { startedAt: '2026-12-06T11:29:58Z', finishedAt: '2026-12-06T11:30:00Z', listings: 4,
              matches: 2, millis: 1500 } });
        }
        return Response.json(makeUser(['ORGANISER']));
      },
    );
    await waitFor(() => expect(screen.getAllByTestId('unmatched')).toHaveLength(1));
    expect(screen.getByTestId('match-summary').textContent).toContain('已匹配企业对（人工 0）');
    expect(screen.getByTestId('last-run').textContent).toBe('上次全量计算：2026/12/06 19:30，4 条供需信息，2 条匹配，用时 1.5 秒');
    expect(screen.getByTestId('pair').textContent).toContain('自动匹配 · 最高 74 分');

    fireEvent.click(screen.getByText('人工匹配'));
    fireEvent.click(screen.getByTestId('match-submit'));
    expect(screen.getByTestId('manual-match').textContent).toContain('请选择要匹配的企业');
    fireEvent.change(screen.getByPlaceholderText('输入企业名称查找'), { target: { value: '精铸' } });
    fireEvent.click(screen.getByText('查找'));
    await waitFor(() => expect(screen.getByTestId('pick')).toBeTruthy());
    fireEvent.click(screen.getByTestId('pick'));
    fireEvent.change(screen.getByLabelText('推荐理由（双方可见）'), { target: { value: ' 礼盒 ' } });
    fireEvent.click(screen.getByTestId('match-submit'));
    await waitFor(() => expect(screen.queryByTestId('manual-match')).toBeNull());
    expect(posts).toEqual([{ participantA: 4, participantB: 2, note: '礼盒' }]);
    await waitFor(() => expect(screen.queryAllByTestId('unmatched')).toHaveLength(0));
  });
});
