import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithAuth } from '../../../test/renderWithAuth';
import { VerifyCertificatePage } from './VerifyCertificatePage';

const routes = (
  <Routes>
    <Route path="/verify/:code" element={<VerifyCertificatePage />} />
  </Routes>
);

describe('VerifyCertificatePage', () => {
  it('shows a genuine certificate with its holder, training and times in Asia/Shanghai', async () => {
    renderWithAuth(routes, null, '/verify/ABCDEFGH23', async () => Response.json({
      code: 'ABCDEFGH23', holderName: '李四', sessionTitle: '政策篇', seriesTitle: '宁夏中小企业系列培训', organiser: '宁夏中小企业服务中心',
      sessionStartsAt: '2026-12-08T02:00:00Z', watchMinutes: 88, issuedAt: '2026-12-08T06:00:00Z',
    }));
    await waitFor(() => expect(screen.getByTestId('verify-holder').textContent).toBe('李四'));
    expect(screen.getByTestId('verify-ok').textContent).toContain('✓ 证书真实有效');
    expect(screen.getByTestId('verify-ok').textContent).toContain('2026/12/08 10:00');
    expect(screen.getByTestId('verify-ok').textContent).toContain('88 分钟');
  });

  it('says plainly when no such certificate exists', async () => {
    renderWithAuth(routes, null, '/verify/ZZZZZZZZZZ', async () =>
      Response.json({ status: 404, title: 'Not Found', detail: '证书不存在' }, { status: 404, headers: { 'Content-Type': 'application/problem+json' } }));
    await waitFor(() => expect(screen.getByTestId('verify-error').textContent).toBe('未找到该证书：编号有误，或证书不是本平台颁发的'));
  });
});
