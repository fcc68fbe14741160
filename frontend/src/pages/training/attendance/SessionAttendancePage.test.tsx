import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { AttendanceReport } from '../../../api/trainingAttendance';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { SessionAttendancePage } from './SessionAttendancePage';

const report: AttendanceReport = {
  summary: {
    sessionId: 12, sessionTitle: '政策篇', seriesTitle: '宁夏系列', status: 'ENDED', startsAt: '2026-12-08T02:00:00Z',
    registered: 40, attended: 2, peakViewers: 35, uniqueViewers: 60, roomWatchSeconds: 7200, attendeeWatchSeconds: 4500,
    averageWatchSeconds: 2250, checkedIn: 30, checkInRate: 0.75, questions: 7, replayViews: 12, replayWatchSeconds: 600,
    certificateMinutes: 30, certificateCountsReplay: false, eligible: 1,
  },
  attendees: [
    { userId: 7, name: '张三', firstJoin: '2026-12-08T02:00:00Z', lastLeave: '2026-12-08T03:00:00Z', stays: 2, liveSeconds: 3600, replaySeconds: 0, checkedIn: true, questions: 3, eligible: true },
    { userId: 8, name: '李四', firstJoin: '2026-12-08T02:10:00Z', lastLeave: '2026-12-08T02:25:00Z', stays: 1, liveSeconds: 900, replaySeconds: 60, checkedIn: false, questions: 0, eligible: false },
  ],
};

describe('SessionAttendancePage', () => {
  it('shows the figures and every attendee, and saves the series certificate rule with field errors', async () => {
    const puts: unknown[] = [];
    renderWithAuth(
      <Routes><Route path="/organiser/training/sessions/:id/attendance" element={<SessionAttendancePage />} /></Routes>,
      makeUser(['ORGANISER']), '/organiser/training/sessions/12/attendance',
      async (input, init) => {
        const url = String(input);
        if (url.endsWith('/attendance')) return Response.json(report);
        if (url.endsWith('/api/training/sessions/12')) return Response.json({ id: 12, seriesId: 5 });
        if (url.endsWith('/certificate-rule') && init?.method === 'PUT') {
          puts.push(JSON.parse(String(init.body)));
          return Response.json({ seriesId: 5, configured: true, minWatchMinutes: 20, includeReplay: true });
        }
        if (url.endsWith('/certificate-rule')) return Response.json({ seriesId: 5, configured: false, minWatchMinutes: null, includeReplay: false });
        return Response.json(makeUser(['ORGANISER']));
      });
    await waitFor(() => expect(screen.getByTestId('figure-attended').textContent).toBe('到课2'));
    expect(screen.getByTestId('figure-checkin-rate').textContent).toBe('签到率75%');
    expect(screen.getByTestId('figure-average').textContent).toBe('人均观看37 分 30 秒');
    const rows = screen.getAllByTestId('attendee-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('张三');
    expect(rows[0].textContent).toContain('10:00');
    expect(rows[1].textContent).toContain('15 分');

    await waitFor(() => expect(screen.getByText('未设置：按每节课程计划时长的一半、仅计直播。')).toBeTruthy());
    const minutes = screen.getByLabelText('最少观看（分钟）');
    fireEvent.change(minutes, { target: { value: '0' } });
    await act(async () => fireEvent.click(screen.getByText('保存规则')));
    expect(screen.getByTestId('error-rule-minutes').textContent).toBe('请填写 1–720 之间的整数');
    expect(puts).toHaveLength(0);
    fireEvent.change(minutes, { target: { value: '20' } });
    fireEvent.click(screen.getByLabelText('回看时长也计入'));
    await act(async () => fireEvent.click(screen.getByText('保存规则')));
    await waitFor(() => expect(puts).toEqual([{ minWatchMinutes: 20, includeReplay: true }]));
    expect(screen.getByText('本系列每节课程按此规则颁发证书。')).toBeTruthy();
  });
});
