import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agreement } from '../../api/merchant';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { AgreementPublisher, titleWithoutVersion } from './AgreementPublisher';

const agreement = (over: Partial<Agreement> = {}): Agreement => ({
  id: 7,
  kind: 'ENTRY_AGREEMENT',
  version: 2,
  title: '进场协议',
  body: '一、条款',
  textSha256: 'a'.repeat(64),
  publishedAt: '2026-11-30T02:00:00Z',
  ...over,
});

const organiser = makeUser(['VIEWER', 'ORGANISER']);

describe('AgreementPublisher', () => {
  afterEach(() => vi.restoreAllMocks());

  it('starts a draft from the current title without repeating the version', async () => {
    const posted: unknown[] = [];
    renderWithAuth(<AgreementPublisher />, makeUser(['ORGANISER']), '/organiser', async (input, init) => {
      const url = String(input);
      if (url.endsWith('/api/agreements/current')) {
        return Response.json([agreement(), agreement({ id: 8, kind: 'QUALITY_COMMITMENT', title: '质量承诺书（第 3 版）', version: 3 })]);
      }
      if (url.endsWith('/api/organiser/agreements')) {
        posted.push(JSON.parse(String(init?.body)));
        return Response.json(agreement({ id: 9, version: 3 }), { status: 201 });
      }
      return Response.json(makeUser(['ORGANISER']));
    });
    const buttons = await screen.findAllByRole('button', { name: '基于此版本修订' });
    expect(screen.getByTestId('agreement-publisher').textContent).not.toMatch(/（第 \d 版）（第/);

    fireEvent.click(buttons[0]);
    expect((screen.getByLabelText('标题') as HTMLInputElement).value).toBe('进场协议');
    expect((screen.getByLabelText('正文') as HTMLTextAreaElement).value).toBe('一、条款');
    fireEvent.click(buttons[1]);
    expect((screen.getByLabelText('标题') as HTMLInputElement).value).toBe('质量承诺书');
    expect(screen.getByText('只写协议名称，版本号由系统自动标注')).toBeTruthy();

    fireEvent.click(buttons[0]);
    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByTestId('dialog-confirm'));
    await waitFor(() => expect(posted).toEqual([{ kind: 'ENTRY_AGREEMENT', title: '进场协议', body: '一、条款' }]));
    expect(await screen.findByText('已发布进场协议第 3 版')).toBeTruthy();
  });

  it('drops only a trailing version from a title', () => {
    expect(titleWithoutVersion('进场协议（第 2 版）（第 2 版）')).toBe('进场协议');
    expect(titleWithoutVersion(' 进场协议(第2版) ')).toBe('进场协议');
    expect(titleWithoutVersion('第 2 版修订说明')).toBe('第 2 版修订说明');
    expect(titleWithoutVersion('（第 2 版）')).toBe('（第 2 版）');
  });

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
