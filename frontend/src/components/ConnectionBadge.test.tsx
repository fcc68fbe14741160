import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setConnectionStatus } from '../realtime/connectionStatus';
import { ConnectionBadge } from './ConnectionBadge';

afterEach(() => setConnectionStatus('idle'));

describe('ConnectionBadge', () => {
  it('shows nothing while no page uses live data (idle), and appears once a page connects', () => {
    render(<ConnectionBadge />);
    expect(screen.queryByTestId('connection-status')).toBeNull();
    act(() => setConnectionStatus('connecting'));
    expect(screen.getByTestId('connection-status').getAttribute('data-status')).toBe('connecting');
  });

  it('follows the store as the status changes', () => {
    render(<ConnectionBadge />);
    act(() => setConnectionStatus('reconnecting'));
    const badge = screen.getByTestId('connection-status');
    expect(badge.textContent).toBe('重连中');
    expect(badge.className).toContain('conn-reconnecting');
    act(() => setConnectionStatus('connected'));
    expect(badge.textContent).toBe('实时已连接');
    expect(badge.getAttribute('title')).toBe('实时连接：实时已连接');
  });

  it('renders an explicit status prop', () => {
    render(<ConnectionBadge status="offline" />);
    expect(screen.getByRole('status').textContent).toBe('离线');
  });
});
