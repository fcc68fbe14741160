import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { AgreementPublisher } from './AgreementPublisher';

const organiser = makeUser(['VIEWER', 'ORGANISER']);

describe('AgreementPublisher', () => {
  it('publishes only after the dialog is confirmed; dismissing it publishes nothing', async () => {
    const posts: unknown[] = [];
    renderWithAuth(<AgreementPublisher />, organiser, '/organiser', async (input, init) => {
      if (init?.method === 'POST') {
        posts.push(JSON.parse(String(init.body)));
        return Response.json({
          id: 9, kind: 'ENTRY_AGREEMENT', version: 2, title: '进场协议', body: '正文', textSha256: 'a'.repeat(64),
          publishedAt: '2026-11-23T04:05:06Z',
        });
      }
      if (String(input).startsWith('/api/')) return String(input).includes('agreements') ? Response.json([]) : Response.json(organiser);
      return Response.json(organiser);
    });
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '进场协议' } });
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '正文' } });
    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    const dialog = screen.getByRole('dialog', { name: '发布新版本' });
    fireEvent.click(within(dialog).getByTestId('dialog-cancel'));
    expect(posts).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByTestId('dialog-confirm'));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(await screen.findByText('已发布进场协议第 2 版')).toBeTruthy();
  });
});
