import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { AdminUsersPage } from './AdminUsersPage';

const admin = makeUser(['VIEWER', 'ADMIN'], { id: 1, username: 'admin', displayName: '管理员甲' });
const u = (id: number) => makeUser(['VIEWER'], { id, username: `user${id}`, displayName: `用户${id}` });

describe('AdminUsersPage', () => {
  it('pages with the next cursor and searches from the start', async () => {
    const { fetch } = renderWithAuth(<AdminUsersPage />, admin, '/admin/users', async (input) => {
      const url = String(input);
      if (url.startsWith('/api/admin/users?after=2')) return Response.json({ items: [u(1)], next: null });
      if (url.startsWith('/api/admin/users')) return Response.json({ items: [u(3), u(2)], next: '2' });
      return Response.json(admin);
    });
    await screen.findByTestId('user-row-user3');
    fireEvent.click(await screen.findByTestId('load-more'));
    await screen.findByTestId('user-row-user1');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByTestId('load-more')).toBeNull();

    fireEvent.change(screen.getByPlaceholderText('按用户名或昵称搜索'), { target: { value: ' 张 ' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    await waitFor(() =>
      expect(fetch.mock.calls.some(([url]) => String(url) === '/api/admin/users?q=%E5%BC%A0&limit=20')).toBe(true),
    );
  });

  it('changes roles with PUT and shows a server error on the row', async () => {
    const { fetch } = renderWithAuth(<AdminUsersPage />, admin, '/admin/users', async (input, init) => {
      const url = String(input);
      if (init?.method === 'PUT') {
        const { roles } = JSON.parse(init.body as string);
        if (roles.includes('ADMIN')) {
          return new Response(JSON.stringify({ status: 403, title: 'Forbidden', detail: '不允许此操作' }), {
            status: 403,
            headers: { 'Content-Type': 'application/problem+json' },
          });
        }
        return Response.json({ ...u(5), roles });
      }
      if (url.startsWith('/api/admin/users')) return Response.json({ items: [u(5)], next: null });
      return Response.json(admin);
    });
    const row = await screen.findByTestId('user-row-user5');
    fireEvent.click(within(row).getByLabelText('商家'));
    await waitFor(() => expect((within(row).getByLabelText('商家') as HTMLInputElement).checked).toBe(true));
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/admin/users/5/roles');
    expect(JSON.parse(put[1]!.body as string)).toEqual({ roles: ['VIEWER', 'MERCHANT'] });

    fireEvent.click(within(row).getByLabelText('管理员'));
    expect((await within(row).findByRole('alert')).textContent).toBe('不允许此操作');
    expect((within(row).getByLabelText('管理员') as HTMLInputElement).checked).toBe(false);
  });

  it('refuses to remove the last role without calling the server', async () => {
    const { fetch } = renderWithAuth(<AdminUsersPage />, admin, '/admin/users', async (input) =>
      String(input).startsWith('/api/admin/users') ? Response.json({ items: [u(6)], next: null }) : Response.json(admin),
    );
    const row = await screen.findByTestId('user-row-user6');
    fireEvent.click(within(row).getByLabelText('观众'));
    expect((await within(row).findByRole('alert')).textContent).toBe('至少保留一个角色');
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
  });

  it('unlocks the logins of a user and says what it cleared', async () => {
    const { fetch } = renderWithAuth(<AdminUsersPage />, admin, '/admin/users', async (input, init) => {
      const url = String(input);
      if (init?.method === 'POST' && url === '/api/admin/users/7/unlock') {
        return Response.json({ wasLocked: true, failuresCleared: 50 });
      }
      if (init?.method === 'POST' && url === '/api/admin/users/8/unlock') {
        return Response.json({ wasLocked: false, failuresCleared: 0 });
      }
      if (url.startsWith('/api/admin/users')) return Response.json({ items: [u(7), u(8)], next: null });
      return Response.json(admin);
    });
    const locked = await screen.findByTestId('user-row-user7');
    fireEvent.click(within(locked).getByTestId('unlock-user7'));
    expect((await within(locked).findByRole('status')).textContent).toBe('已解除登录锁定（清除 50 次失败记录）');
    expect(fetch.mock.calls.some(([url, init]) => String(url) === '/api/admin/users/7/unlock' && init?.method === 'POST')).toBe(true);

    const free = screen.getByTestId('user-row-user8');
    fireEvent.click(within(free).getByRole('button', { name: '解除登录锁定' }));
    expect((await within(free).findByRole('status')).textContent).toBe('该用户没有登录失败记录');
  });

  it('shows a refused unlock on the row', async () => {
    renderWithAuth(<AdminUsersPage />, admin, '/admin/users', async (input, init) => {
      const url = String(input);
      if (init?.method === 'POST') {
        return new Response(JSON.stringify({ status: 404, detail: '用户不存在' }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      }
      if (url.startsWith('/api/admin/users')) return Response.json({ items: [u(9)], next: null });
      return Response.json(admin);
    });
    const row = await screen.findByTestId('user-row-user9');
    fireEvent.click(within(row).getByTestId('unlock-user9'));
    expect((await within(row).findByRole('alert')).textContent).toBe('用户不存在');
  });

  describe('temporary password (忘记密码)', () => {
    afterEach(() => vi.restoreAllMocks());

    it('sets one after confirming, shows it once with a hint, and offers none for oneself', async () => {
      const posts: string[] = [];
      renderWithAuth(<AdminUsersPage />, admin, '/admin/users', async (input, init) => {
        const url = String(input);
        if (init?.method === 'POST') {
          posts.push(url);
          return Response.json({ userId: 3, username: 'user3', password: 'Ab3dEf7hJk9m' });
        }
        if (url.startsWith('/api/admin/users')) return Response.json({ items: [u(3), admin], next: null });
        return Response.json(admin);
      });
      await screen.findByTestId('user-row-user3');
      expect(screen.queryByTestId('temporary-password-admin')).toBeNull();

      fireEvent.click(screen.getByTestId('temporary-password-user3'));
      const dialog = screen.getByRole('dialog', { name: '设置临时密码' });
      expect(dialog.textContent).toContain('为 用户3（@user3）设置临时密码？该用户当前的登录会立即失效。');
      fireEvent.keyDown(dialog, { key: 'Escape' }); // dismissed: nothing set
      expect(posts).toEqual([]);

      fireEvent.click(screen.getByTestId('temporary-password-user3'));
      fireEvent.click(within(screen.getByRole('dialog')).getByTestId('dialog-confirm'));
      const shown = await screen.findByTestId('temporary-password-shown-user3');
      expect(posts).toEqual(['/api/admin/users/3/temporary-password']);
      expect(shown.textContent).toContain('Ab3dEf7hJk9m');
      expect(shown.textContent).toContain('只显示这一次');
      expect(shown.textContent).toContain('个人中心修改密码');
    });

    it('shows the server problem on the row', async () => {
      renderWithAuth(<AdminUsersPage />, admin, '/admin/users', async (input, init) => {
        const url = String(input);
        if (init?.method === 'POST') {
          return new Response(JSON.stringify({ status: 404, title: 'Not Found', detail: '用户不存在' }), {
            status: 404,
            headers: { 'Content-Type': 'application/problem+json' },
          });
        }
        if (url.startsWith('/api/admin/users')) return Response.json({ items: [u(3)], next: null });
        return Response.json(admin);
      });
      fireEvent.click(await screen.findByTestId('temporary-password-user3'));
      fireEvent.click(within(screen.getByRole('dialog')).getByTestId('dialog-confirm'));
      const row = screen.getByTestId('user-row-user3');
      await waitFor(() => expect(within(row).getByRole('alert').textContent).toBe('用户不存在'));
      expect(screen.queryByTestId('temporary-password-shown-user3')).toBeNull();
    });
  });

  it('asks in a dialog before changing one’s own roles; dismissing it changes nothing', async () => {
    const { fetch } = renderWithAuth(<AdminUsersPage />, admin, '/admin/users', async (input, init) => {
      const url = String(input);
      if (init?.method === 'PUT') return Response.json({ ...admin, roles: JSON.parse(init.body as string).roles });
      if (url.startsWith('/api/admin/users')) return Response.json({ items: [admin], next: null });
      return Response.json(admin);
    });
    const row = await screen.findByTestId('user-row-admin');
    fireEvent.click(within(row).getByLabelText('商家'));
    const dialog = screen.getByRole('dialog', { name: '修改自己的角色' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
    fireEvent.click(within(row).getByLabelText('商家'));
    fireEvent.click(within(screen.getByRole('dialog')).getByTestId('dialog-confirm'));
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true));
  });
});
