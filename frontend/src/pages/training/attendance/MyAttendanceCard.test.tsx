import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MyAttendance } from '../../../api/trainingAttendance';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { MyAttendanceCard } from './MyAttendanceCard';

function mine(over: Partial<MyAttendance> = {}): MyAttendance {
  return {
    sessionId: 12, liveSeconds: 1530, replaySeconds: 0,
    stays: [{ joinedAt: '2026-12-08T02:00:00Z', leftAt: '2026-12-08T02:20:00Z' }, { joinedAt: '2026-12-08T02:30:00Z', leftAt: '2026-12-08T02:35:30Z' }],
    checkedIn: true, questions: 2, certificateMinutes: 45, certificateCountsReplay: false, eligible: false,
    sessionOver: false, certificateCode: null, ...over,
  };
}

describe('MyAttendanceCard', () => {
  it('shows watch time, stays and check-in, and what the certificate still needs while live', async () => {
    renderWithAuth(<MyAttendanceCard sessionId={12} live status="LIVE" />, makeUser(['VIEWER']), '/', async () => Response.json(mine()));
    await waitFor(() => expect(screen.getByTestId('my-live-watch').textContent).toBe('25 分 30 秒'));
    expect(screen.getByTestId('my-stays').textContent).toBe('进出记录：10:00–10:20，10:30–10:35');
    expect(screen.getByTestId('my-checkin').textContent).toBe('已签到');
    expect(screen.getByTestId('certificate-hint').textContent).toBe('结业证书：直播累计观看满 45 分钟，课程结束后可领取（已计 25 分 30 秒）');
    expect(screen.queryByTestId('certificate-download')).toBeNull();
  });

  it('downloads the earned certificate once the session is over and says why when the server refuses', async () => {
    const calls: string[] = [];
    let refuse = true;
    const { fetch } = renderWithAuth(<MyAttendanceCard sessionId={12} live={false} status="ENDED" />, makeUser(['VIEWER']), '/',
      async (input) => {
        const url = String(input);
        calls.push(url);
        if (url.endsWith('certificate.pdf')) {
          return refuse
            ? Response.json({ status: 409, title: 'Conflict', detail: '观看时长未达到 45 分钟，不能领取结业证书' }, { status: 409, headers: { 'Content-Type': 'application/problem+json' } })
            : new Response(new Blob(['%PDF-1.7']), { headers: { 'Content-Type': 'application/pdf' } });
        }
        return Response.json(mine({ sessionOver: true, eligible: true, liveSeconds: 3000 }));
      });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    await waitFor(() => expect(screen.getByTestId('certificate-download').textContent).toBe('领取结业证书（PDF）'));
    await act(async () => fireEvent.click(screen.getByTestId('certificate-download')));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('观看时长未达到 45 分钟，不能领取结业证书'));
    refuse = false;
    await act(async () => fireEvent.click(screen.getByTestId('certificate-download')));
    await waitFor(() => expect(calls.filter((c) => c.endsWith('certificate.pdf'))).toHaveLength(2));
    const pdfCall = fetch.mock.calls.find(([u]) => String(u).endsWith('certificate.pdf'))!;
    expect((pdfCall[1]?.headers as Record<string, string>).Authorization).toBe('Bearer test-token');
  });

  it('links the issued certificate to its public verification page', async () => {
    renderWithAuth(<MyAttendanceCard sessionId={12} live={false} status="ENDED" />, makeUser(['VIEWER']), '/',
      async () => Response.json(mine({ sessionOver: true, eligible: true, certificateCode: 'ABCDEFGH23' })));
    await waitFor(() => expect(screen.getByText('证书编号 ABCDEFGH23').getAttribute('href')).toBe('/verify/ABCDEFGH23'));
    expect(screen.getByTestId('certificate-download').textContent).toBe('下载结业证书');
  });
});
