import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { OrganiserDirectoryPage } from './OrganiserDirectoryPage';
import { currentQuarter, quarterChoices, quarterLabel } from './quarters';

const organiser = makeUser(['ORGANISER']);
const directory = (id: number, fairId: number | null, entryCount: number) => ({
  id, fairId, title: `目录 ${id}`, periodLabel: '2026年第四季度', periodStart: '2026-10-01', periodEnd: '2027-01-01',
  entryCount, publishedAt: '2026-12-07T02:00:00Z',
});

describe('quarters', () => {
  it('names quarters and offers the previous one, this one and the next three', () => {
    expect(quarterLabel(2026, 4)).toBe('2026年第四季度');
    expect(currentQuarter(new Date('2026-12-31T17:00:00Z'))).toEqual({ year: 2027, quarter: 1 }); // Shanghai: 1 January
    expect(quarterChoices(new Date('2026-12-07T00:00:00Z')).map((c) => c.label))
      .toEqual(['2026年第三季度', '2026年第四季度', '2027年第一季度', '2027年第二季度', '2027年第三季度']);
  });
});

describe('OrganiserDirectoryPage', () => {
  it('publishes this quarter’s directory of the fair or of all my fairs and lists the issues, newest first', async () => {
    const posts: unknown[] = [];
    let published = [directory(3, 7, 120)];
    renderWithAuth(
      <Routes><Route path="/organiser/fairs/:id/directory" element={<OrganiserDirectoryPage />} /></Routes>,
      organiser, '/organiser/fairs/7/directory', async (input, init) => {
        const url = String(input);
        if (init?.method === 'POST') {
          const body = JSON.parse(String(init.body));
          posts.push(body);
          const d = directory(posts.length + 10, body.fairId, 42);
          published = [...published, d];
          return Response.json(d, { status: 201 });
        }
        if (url === '/api/organiser/fair-directories?fairId=7') return Response.json(published.filter((d) => d.fairId === 7));
        if (url === '/api/organiser/fair-directories') return Response.json([...published.filter((d) => d.fairId === null), directory(9, 8, 1)]);
        return Response.json(organiser);
      });
    await waitFor(() => expect(screen.getAllByTestId('directory-item')).toHaveLength(1));
    const now = currentQuarter();
    fireEvent.click(screen.getByTestId('directory-submit'));
    await waitFor(() => expect(screen.getAllByTestId('directory-item')).toHaveLength(2));
    expect(posts[0]).toEqual({ fairId: 7, year: now.year, quarter: now.quarter });

    fireEvent.change(screen.getByLabelText('范围'), { target: { value: 'all' } });
    fireEvent.click(screen.getByTestId('directory-submit'));
    await waitFor(() => expect(screen.getAllByTestId('directory-item')).toHaveLength(3));
    expect(posts[1]).toEqual({ fairId: null, year: now.year, quarter: now.quarter });
    // another fair's directory (fairId 8) is not this page's; the all-fairs one is
    expect(screen.getAllByTestId('directory-item').map((li) => li.querySelector('strong')?.textContent)).toEqual(['目录 12', '目录 11', '目录 3']);
  });
});
