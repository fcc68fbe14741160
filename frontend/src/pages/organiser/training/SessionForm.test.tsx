import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { sessionDetail } from '../../training/testData';
import { SessionForm } from './SessionForm';

const organiser = makeUser(['ORGANISER'], { id: 2 });

function fill() {
  fireEvent.change(screen.getByLabelText('课程标题'), { target: { value: '实务篇' } });
  fireEvent.change(screen.getByLabelText('讲师'), { target: { value: '张华' } });
  fireEvent.change(screen.getByLabelText('开始时间（北京时间）'), { target: { value: '2099-12-10T19:30' } });
  fireEvent.change(screen.getByLabelText('时长（分钟）'), { target: { value: '90' } });
  fireEvent.change(screen.getByLabelText('直播流地址'), { target: { value: 'https://cdn.example.com/a.m3u8' } });
}

describe('SessionForm', () => {
  it('refuses a bad address and duration before sending', () => {
    const fetch = renderWithAuth(<SessionForm seriesId={5} onSaved={vi.fn()} />, organiser).fetch;
    fill();
    fireEvent.change(screen.getByLabelText('直播流地址'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.change(screen.getByLabelText('时长（分钟）'), { target: { value: '721' } });
    fireEvent.click(screen.getByTestId('session-submit'));
    expect(screen.getByTestId('error-session-stream').textContent).toContain('http(s)://');
    expect(screen.getByTestId('error-session-duration').textContent).toBe('时长为 5–720 分钟的整数');
    expect(fetch.mock.calls.filter(([u]) => String(u) !== '/api/me')).toHaveLength(0);
  });

  it('uploads materials as documents and sends them with the session (Beijing time as UTC)', async () => {
    const onCreated = vi.fn();
    const calls: Array<{ url: string; body: unknown }> = [];
    renderWithAuth(<SessionForm seriesId={5} onSaved={onCreated} />, organiser, '/', async (input, init) => {
      const url = String(input);
      if (url === '/api/files') {
        const form = init?.body as FormData;
        calls.push({ url, body: form.get('purpose') });
        return Response.json({ id: 31, ownerId: 2, purpose: 'DOCUMENT', originalName: '讲义.pdf', contentType: 'application/pdf',
          sizeBytes: 100, sha256: 'x', createdAt: '2026-12-01T00:00:00Z' }, { status: 201 });
      }
      calls.push({ url, body: JSON.parse(String(init?.body)) });
      return Response.json(sessionDetail({ id: 40 }), { status: 201 });
    });
    fill();
    const pdf = new File(['%PDF-1.4'], '讲义.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByTestId('materials-input'), { target: { files: [pdf] } });
    await waitFor(() => expect(screen.getByTestId('material-list').textContent).toContain('讲义.pdf'));
    fireEvent.click(screen.getByTestId('session-submit'));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(calls[0]).toEqual({ url: '/api/files', body: 'DOCUMENT' });
    expect(calls[1]).toEqual({
      url: '/api/organiser/training/series/5/sessions',
      body: { title: '实务篇', lecturer: '张华', startsAt: '2099-12-10T11:30:00.000Z', durationMinutes: 90,
        streamUrl: 'https://cdn.example.com/a.m3u8', materialFileIds: [31] },
    });
  });
});
