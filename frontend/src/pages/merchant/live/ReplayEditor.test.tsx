import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplayEditor, replayUrlProblem } from './ReplayEditor';

type Call = { url: string; method: string; body?: unknown };

function renderEditor(current: string | null, answer?: (call: Call) => Response) {
  const calls: Call[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const call = { url: String(input), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    if (call.method === 'GET') return Response.json({ sessionId: 5, replayUrl: current });
    if (answer) return answer(call);
    return Response.json({ sessionId: 5, replayUrl: call.method === 'PUT' ? (call.body as { replayUrl: string }).replayUrl : null });
  });
  render(<ReplayEditor sessionId={5} />);
  return calls;
}

describe('ReplayEditor', () => {
  afterEach(() => vi.restoreAllMocks());

  it('adds a replay link to an ended session', async () => {
    const calls = renderEditor(null);
    expect((await screen.findByTestId('replay-editor')).textContent).toContain('暂无回放');
    fireEvent.click(screen.getByTestId('replay-edit'));
    fireEvent.change(screen.getByLabelText('回放地址'), { target: { value: ' https://v.example.com/r/5 ' } });
    fireEvent.click(screen.getByTestId('replay-save'));
    await waitFor(() => expect(screen.getByTestId('replay-current').getAttribute('href')).toBe('https://v.example.com/r/5'));
    expect(calls).toContainEqual({ url: '/api/merchant/live-sessions/5/replay', method: 'PUT', body: { replayUrl: 'https://v.example.com/r/5' } });
  });

  it('checks the address before sending and keeps the line of the error reserved by a hint', async () => {
    const calls = renderEditor(null);
    fireEvent.click(await screen.findByTestId('replay-edit'));
    expect(screen.getByText('发布回放的页面地址，以 https:// 开头')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('回放地址'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByTestId('replay-save'));
    expect(screen.getByTestId('error-replay-5').textContent).toBe('回放地址需为 http:// 或 https:// 开头的完整网址');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('shows the server\'s field error', async () => {
    renderEditor(null, () =>
      Response.json(
        { type: 'x', title: 'Bad Request', status: 400, detail: '请求参数有误', errors: [{ field: 'replayUrl', message: '回放地址最长 500 个字符' }] },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    fireEvent.click(await screen.findByTestId('replay-edit'));
    fireEvent.change(screen.getByLabelText('回放地址'), { target: { value: 'https://v.example.com/long' } });
    fireEvent.click(screen.getByTestId('replay-save'));
    expect((await screen.findByTestId('error-replay-5')).textContent).toBe('回放地址最长 500 个字符');
  });

  it('clears the replay link', async () => {
    const calls = renderEditor('https://v.example.com/r/5');
    expect((await screen.findByTestId('replay-current')).textContent).toContain('https://v.example.com/r/5');
    fireEvent.click(screen.getByTestId('replay-clear'));
    await waitFor(() => expect(screen.queryByTestId('replay-current')).toBeNull());
    expect(calls).toContainEqual({ url: '/api/merchant/live-sessions/5/replay', method: 'DELETE', body: undefined });
  });

  it('accepts complete http(s) addresses of bounded length only', () => {
    expect(replayUrlProblem('https://v.example.com/r?x=1')).toBeNull();
    expect(replayUrlProblem('http://v.example.com:8080/')).toBeNull();
    expect(replayUrlProblem('')).toBe('请填写回放地址');
    expect(replayUrlProblem('ftp://v.example.com/')).not.toBeNull();
    expect(replayUrlProblem('https://user@v.example.com/')).not.toBeNull();
    expect(replayUrlProblem(`https://v.example.com/${'a'.repeat(490)}`)).toBe('回放地址最长 500 个字符');
  });
});
