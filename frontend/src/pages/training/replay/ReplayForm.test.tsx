import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { ReplayForm } from './ReplayForm';
import { organiserReplay, replay } from './testData';

const organiser = makeUser(['ORGANISER'], { id: 2 });

type Call = { url: string; method: string; body: unknown };

function sent(calls: Call[]) {
  return calls.filter((c) => c.url !== '/api/me');
}

function serve(calls: Call[], answer: (c: Call) => Response = () => Response.json(organiserReplay())) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const body = init?.body instanceof FormData ? init.body.get('purpose') : init?.body ? JSON.parse(String(init.body)) : null;
    const call = { url, method: init?.method ?? 'GET', body };
    calls.push(call);
    if (url === '/api/me') return Response.json(organiser);
    return answer(call);
  };
}

const rows = () => screen.getAllByTestId('chapter-row');

describe('ReplayForm', () => {
  it('edits chapters in m:ss (add, reorder, remove) and sends an address with them in seconds', async () => {
    const calls: Call[] = [];
    const onSaved = vi.fn();
    renderWithAuth(<ReplayForm sessionId={12} initial={null} onSaved={onSaved} />, organiser, '/', serve(calls));
    fireEvent.change(screen.getByLabelText('回放地址'), { target: { value: ' https://cdn.example.com/r/a.m3u8 ' } });
    fireEvent.click(screen.getByTestId('chapter-add'));
    expect((within(rows()[0]).getByTestId('chapter-at') as HTMLInputElement).value).toBe('0:00');
    fireEvent.change(within(rows()[0]).getByTestId('chapter-title'), { target: { value: '开场' } });
    fireEvent.click(screen.getByTestId('chapter-add'));
    expect((within(rows()[1]).getByTestId('chapter-at') as HTMLInputElement).value).toBe('1:00');
    fireEvent.change(within(rows()[1]).getByTestId('chapter-at'), { target: { value: '12:30' } });
    fireEvent.change(within(rows()[1]).getByTestId('chapter-title'), { target: { value: '答疑' } });
    fireEvent.click(screen.getByTestId('chapter-add'));
    fireEvent.change(within(rows()[2]).getByTestId('chapter-at'), { target: { value: '5:00' } });
    fireEvent.change(within(rows()[2]).getByTestId('chapter-title'), { target: { value: '趋势' } });
    // 5:00 belongs before 12:30: move it up
    fireEvent.click(within(rows()[2]).getByTestId('chapter-up'));
    fireEvent.click(screen.getByTestId('chapter-add'));
    fireEvent.click(within(rows()[3]).getByTestId('chapter-remove'));
    expect(rows()).toHaveLength(3);

    fireEvent.click(screen.getByTestId('replay-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent(calls)).toEqual([{
      url: '/api/organiser/training/sessions/12/replay',
      method: 'PUT',
      body: { url: 'https://cdn.example.com/r/a.m3u8', chapters: [
        { title: '开场', startSeconds: 0 }, { title: '趋势', startSeconds: 300 }, { title: '答疑', startSeconds: 750 }] },
    }]);
  });

  it('refuses bad addresses and chapters before sending', () => {
    const calls: Call[] = [];
    renderWithAuth(<ReplayForm sessionId={12} initial={null} onSaved={vi.fn()} />, organiser, '/', serve(calls));
    fireEvent.change(screen.getByLabelText('回放地址'), { target: { value: 'https://cdn.example.com/page.html' } });
    fireEvent.click(screen.getByTestId('chapter-add'));
    fireEvent.change(within(rows()[0]).getByTestId('chapter-title'), { target: { value: '开场' } });
    fireEvent.click(screen.getByTestId('chapter-add'));
    fireEvent.change(within(rows()[1]).getByTestId('chapter-at'), { target: { value: '0:00' } });
    fireEvent.change(within(rows()[1]).getByTestId('chapter-title'), { target: { value: '同时开始' } });
    fireEvent.click(screen.getByTestId('chapter-add'));
    fireEvent.change(within(rows()[2]).getByTestId('chapter-at'), { target: { value: '1:75' } });
    fireEvent.click(screen.getByTestId('replay-submit'));
    expect(screen.getByTestId('error-replay-url').textContent).toBe('回放地址需为 HLS（.m3u8）或 MP4（.mp4）视频地址');
    expect(within(rows()[1]).getByTestId('chapter-error').textContent).toBe('开始时间需晚于上一章节');
    expect(within(rows()[2]).getByTestId('chapter-error').textContent).toContain('分:秒');
    expect(sent(calls)).toHaveLength(0);
  });

  it('uploads an MP4 as a video and sends its id; the server’s chapter errors land on their rows', async () => {
    const calls: Call[] = [];
    renderWithAuth(<ReplayForm sessionId={12} initial={replay()} onSaved={vi.fn()} />, organiser, '/', serve(calls, (c) => {
      if (c.url === '/api/files') {
        return Response.json({ id: 77, ownerId: 2, purpose: 'VIDEO', originalName: '录像.mp4', contentType: 'video/mp4',
          sizeBytes: 1000, sha256: 'x', createdAt: '2026-12-01T00:00:00Z' }, { status: 201 });
      }
      return Response.json({ status: 400, detail: '请求参数有误', errors: [{ field: 'chapters[1].title', message: '包含不允许的字符' }] },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
    }));
    // the initial replay's chapters are there to edit
    expect((within(rows()[1]).getByTestId('chapter-at') as HTMLInputElement).value).toBe('1:00');
    fireEvent.click(screen.getByTestId('source-file'));
    const mp4 = new File(['....ftypisom'], '录像.mp4', { type: 'video/mp4' });
    fireEvent.change(screen.getByTestId('replay-file-input'), { target: { files: [mp4] } });
    await waitFor(() => expect(screen.getByText('已选：录像.mp4')).toBeTruthy());
    fireEvent.click(screen.getByTestId('replay-submit'));
    await waitFor(() => expect(within(rows()[1]).getByTestId('chapter-error').textContent).toBe('包含不允许的字符'));
    expect(sent(calls)[0]).toEqual({ url: '/api/files', method: 'POST', body: 'VIDEO' });
    expect(sent(calls)[1].body).toEqual({ fileId: 77, chapters: [{ title: '开场', startSeconds: 0 }, { title: '数字化转型趋势', startSeconds: 60 }] });
  });

  it('keeps the demo replay\'s own path when only the chapters change, and refuses a new path', async () => {
    const calls: Call[] = [];
    const demo = replay({ url: '/demo/stream/replay.m3u8', playUrl: '/demo/stream/replay.m3u8' });
    renderWithAuth(<ReplayForm sessionId={12} initial={demo} onSaved={vi.fn()} />, organiser, '/', serve(calls));
    fireEvent.click(within(rows()[1]).getByTestId('chapter-remove'));
    fireEvent.click(screen.getByTestId('replay-submit'));
    await waitFor(() => expect(sent(calls)).toHaveLength(1));
    expect(sent(calls)[0].body).toEqual({ url: '/demo/stream/replay.m3u8', chapters: [{ title: '开场', startSeconds: 0 }] });
    fireEvent.change(screen.getByLabelText('回放地址'), { target: { value: '/elsewhere.m3u8' } });
    fireEvent.click(screen.getByTestId('replay-submit'));
    expect(screen.getByTestId('error-replay-url').textContent).toBe('回放地址需为 https:// 开头的完整网址');
    expect(sent(calls)).toHaveLength(1);
  });

  it('refuses a video over 50 MB without uploading it', () => {
    const calls: Call[] = [];
    renderWithAuth(<ReplayForm sessionId={12} initial={null} onSaved={vi.fn()} />, organiser, '/', serve(calls));
    fireEvent.click(screen.getByTestId('source-file'));
    const big = new File(['x'], 'big.mp4', { type: 'video/mp4' });
    Object.defineProperty(big, 'size', { value: 51 * 1024 * 1024 });
    fireEvent.change(screen.getByTestId('replay-file-input'), { target: { files: [big] } });
    expect(screen.getByTestId('error-replay-file').textContent).toContain('50MB');
    expect(sent(calls)).toHaveLength(0);
  });
});
