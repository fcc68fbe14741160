import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clearSession, getSession } from '../auth/session';
import { makeUser, renderWithAuth } from '../test/renderWithAuth';
import { Header } from './Header';

describe('Header navigation', () => {
  it('shows 登录/注册 and the section links when logged out', () => {
    renderWithAuth(<Header />, null);
    expect(screen.getByTestId('nav-login').textContent).toBe('登录');
    expect(screen.getByTestId('nav-register').textContent).toBe('注册');
    for (const label of ['直播展厅', '在线培训', '供需对接']) {
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    }
    expect(screen.queryByTestId('current-user')).toBeNull();
    expect(screen.queryByTestId('nav-admin')).toBeNull();
    expect(screen.queryByTestId('nav-dashboard')).toBeNull();
    expect(screen.queryByTestId('nav-dashboard-menu')).toBeNull();
  });

  it('shows name · primary role for a viewer, without the admin link', () => {
    renderWithAuth(<Header />, makeUser(['VIEWER']));
    expect(screen.getByTestId('current-user').textContent).toBe('张三 · 观众');
    expect(screen.getByTestId('nav-me').textContent).toBe('个人中心');
    expect(screen.getByTestId('logout').textContent).toBe('退出');
    expect(screen.queryByTestId('nav-admin')).toBeNull();
    expect(screen.queryByTestId('nav-merchant')).toBeNull();
    expect(screen.queryByTestId('nav-login')).toBeNull();
  });

  it('shows 用户管理 only for ADMIN', () => {
    renderWithAuth(<Header />, makeUser(['VIEWER', 'ADMIN']));
    const admin = screen.getByTestId('nav-admin');
    expect(admin.textContent).toBe('用户管理');
    expect(admin.getAttribute('href')).toBe('/admin/users');
    expect(screen.getByTestId('current-user').textContent).toBe('张三 · 管理员');
    expect(screen.getByTestId('nav-organiser').getAttribute('href')).toBe('/organiser');
    // the live dashboard: in the phone menu's sections, and in the account menu on wide screens (header.css)
    expect(screen.getByTestId('nav-dashboard').getAttribute('href')).toBe('/organiser/dashboard');
    expect(screen.getByTestId('nav-dashboard').className).toContain('nav-phone-only');
    expect(screen.getByTestId('nav-dashboard-menu').getAttribute('href')).toBe('/organiser/dashboard');
    expect(screen.getByTestId('nav-dashboard-menu').className).toContain('nav-wide-only');
    expect(screen.queryByTestId('nav-onboarding')).toBeNull();
  });

  it('shows merchant and organiser placeholders by role', () => {
    renderWithAuth(<Header />, makeUser(['MERCHANT', 'ORGANISER']));
    expect(screen.getByTestId('nav-merchant').textContent).toBe('商家中心');
    expect(screen.getByTestId('nav-merchant-products').getAttribute('href')).toBe('/merchant/products');
    expect(screen.getByTestId('nav-organiser').textContent).toBe('组织方看板');
    expect(screen.getByTestId('nav-dashboard').textContent).toBe('实时看板');
    expect(screen.queryByTestId('nav-admin')).toBeNull();
  });

  it('offers 入驻申请 to enterprise users who are not merchants yet, and 入驻审核 to organisers', () => {
    const enterprise = { id: 1, name: '东裕茗茶', creditCode: '91610100MA6TG1XX7Q', region: '西安市', industry: '茶叶',
      size: 'SMALL' as const, tier: 'NONE' as const, createdAt: '2026-11-01T00:00:00Z' };
    const { unmount } = renderWithAuth(<Header />, makeUser(['VIEWER'], { enterprise }));
    expect(screen.getByTestId('nav-apply').getAttribute('href')).toBe('/apply');
    expect(screen.queryByTestId('nav-onboarding')).toBeNull();
    unmount();
    renderWithAuth(<Header />, makeUser(['VIEWER', 'MERCHANT', 'ORGANISER'], { enterprise }));
    expect(screen.queryByTestId('nav-apply')).toBeNull();
    expect(screen.getByTestId('nav-onboarding').getAttribute('href')).toBe('/organiser/applications');
  });

  it('toggles the phone menu', () => {
    renderWithAuth(<Header />, null);
    const toggle = screen.getByTestId('nav-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('nav-menu').className).toContain('open');
    expect(toggle.getAttribute('aria-label')).toBe('关闭菜单');
  });

  it('logs out via POST /api/auth/logout and clears the session', async () => {
    const { fetch } = renderWithAuth(<Header />, makeUser(['VIEWER']));
    fetch.mockImplementation(async () => new Response(null, { status: 204 }));
    fireEvent.click(screen.getByTestId('logout'));
    await waitFor(() => expect(screen.queryByTestId('current-user')).toBeNull());
    expect(getSession()).toBeNull();
    const logoutCall = fetch.mock.calls.find(([url]) => url === '/api/auth/logout');
    expect(logoutCall?.[1]?.method).toBe('POST');
    expect(screen.getByTestId('nav-login')).toBeTruthy();
  });

  it('opens the account menu from the user chip and closes it on Escape and on a click outside', () => {
    renderWithAuth(
      <>
        <Header />
        <p data-testid="outside">页面</p>
      </>,
      makeUser(['MERCHANT']),
    );
    const chip = screen.getByTestId('current-user');
    expect(chip.tagName).toBe('BUTTON');
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('nav-account').className).toContain('has-user');
    fireEvent.click(chip);
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('nav-menu').className).toContain('open');
    // the account links live in the menu
    expect(screen.getByTestId('nav-account').contains(screen.getByTestId('nav-orders'))).toBe(true);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(chip);
    fireEvent.pointerDown(screen.getByTestId('outside'));
    expect(screen.getByTestId('nav-menu').className).not.toContain('open');
  });

  it('keeps a slot for the notification bell before the user chip, only when signed in', () => {
    const { unmount } = renderWithAuth(<Header />, makeUser(['VIEWER']));
    const slot = screen.getByTestId('header-notify-slot');
    expect(slot.nextElementSibling).toBe(screen.getByTestId('current-user'));
    unmount();
    clearSession();
    renderWithAuth(<Header />, null);
    expect(screen.queryByTestId('header-notify-slot')).toBeNull();
    expect(screen.getByTestId('nav-account').className).not.toContain('has-user');
  });
});
