import { useState } from 'react';
import { adminApi } from '../../api/identity';
import { isApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import type { Role, User } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { ALL_ROLES, roleLabel } from '../../lib/labels';

interface Props {
  user: User;
  /** The signed-in admin: they cannot drop their own ADMIN role here. */
  selfId: number | undefined;
  onUpdated: (u: User) => void;
}

export function UserRow({ user, selfId, onUpdated }: Props) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState(false);
  const [unlocked, setUnlocked] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const [temporary, setTemporary] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);

  // 忘记密码: there is no SMS or e-mail to reset it oneself, so the user asks the service centre / an admin.
  const resetPassword = async () => {
    setConfirmingReset(false);
    setResetting(true);
    setError(null);
    setTemporary(null);
    setCopied(false);
    try {
      setTemporary((await adminApi.setTemporaryPassword(user.id)).password);
    } catch (e) {
      setError(isApiError(e) ? e.detail : '设置临时密码失败');
    } finally {
      setResetting(false);
    }
  };

  const copy = async () => {
    if (!temporary) return;
    try {
      await navigator.clipboard.writeText(temporary);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const unlock = async () => {
    setUnlocking(true);
    setError(null);
    setUnlocked(null);
    try {
      const result = await adminApi.unlockLogin(user.id);
      setUnlocked(
        result.wasLocked
          ? `已解除登录锁定（清除 ${result.failuresCleared} 次失败记录）`
          : result.failuresCleared > 0
            ? `该用户未被锁定，已清除 ${result.failuresCleared} 次失败记录`
            : '该用户没有登录失败记录',
      );
    } catch (e) {
      setError(isApiError(e) ? e.detail : '解除锁定失败');
    } finally {
      setUnlocking(false);
    }
  };

  const [confirmingSelf, setConfirmingSelf] = useState<Role[] | null>(null);

  const toggle = async (role: Role, checked: boolean) => {
    const roles = checked ? [...user.roles, role] : user.roles.filter((r) => r !== role);
    if (roles.length === 0) {
      setError('至少保留一个角色');
      return;
    }
    // The server revokes a user's tokens when their roles change: changing one's own means signing in again.
    if (user.id === selfId) {
      setConfirmingSelf(roles);
      return;
    }
    await save(roles);
  };

  const save = async (roles: Role[]) => {
    setSaving(true);
    setError(null);
    try {
      const ordered = ALL_ROLES.filter((r) => roles.includes(r));
      onUpdated(await adminApi.setRoles(user.id, ordered));
    } catch (e) {
      setError(isApiError(e) ? (e.fieldError('roles') ?? e.detail) : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <li className="user-row card" data-testid={`user-row-${user.username}`}>
      <div className="user-info">
        <strong>{user.displayName}</strong>
        <span className="muted"> @{user.username}</span>
        {user.enterprise && <div className="muted small">{user.enterprise.name}</div>}
        <div className="muted small">注册于 {formatDateTime(user.createdAt)}</div>
      </div>
      <fieldset className="role-boxes" disabled={saving} aria-busy={saving}>
        <legend className="sr-only">{user.displayName} 的角色</legend>
        {ALL_ROLES.map((role) => {
          const locked = role === 'ADMIN' && user.id === selfId;
          return (
            <label key={role} className="role-box" title={locked ? '不能移除自己的管理员角色' : undefined}>
              <input
                type="checkbox"
                checked={user.roles.includes(role)}
                disabled={locked}
                onChange={(e) => toggle(role, e.target.checked)}
              />
              {roleLabel(role)}
            </label>
          );
        })}
      </fieldset>
      <div className="user-actions">
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={unlock}
          disabled={unlocking}
          title="清除该用户名在所有地址的登录失败计数，用户可立即重新登录"
          data-testid={`unlock-${user.username}`}
        >
          {unlocking ? '解除中…' : '解除登录锁定'}
        </button>
        {unlocked && (
          <span className="muted small" role="status">
            {unlocked}
          </span>
        )}
        {user.id !== selfId && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => setConfirmingReset(true)}
            disabled={resetting}
            title="用户忘记密码时使用：生成一次性显示的临时密码，请当面或电话告知"
            data-testid={`temporary-password-${user.username}`}
          >
            {resetting ? '生成中…' : '设置临时密码'}
          </button>
        )}
      </div>
      {temporary && (
        <div className="temporary-password notice card" role="status" data-testid={`temporary-password-shown-${user.username}`}>
          <p>
            临时密码（只显示这一次）：<code className="temporary-password-value">{temporary}</code>
            <button type="button" className="btn btn-ghost btn-sm" onClick={copy}>
              {copied ? '已复制' : '复制'}
            </button>
          </p>
          <p className="muted small">
            请核实身份后当面或电话告知 {user.displayName}，并提醒其登录后在个人中心修改密码。该用户原来的登录已失效，登录锁定已解除。
          </p>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirmingReset && (
        <ConfirmDialog
          title="设置临时密码"
          message={`为 ${user.displayName}（@${user.username}）设置临时密码？该用户当前的登录会立即失效。`}
          confirmLabel="设置临时密码"
          danger
          onCancel={() => setConfirmingReset(false)}
          onConfirm={() => void resetPassword()}
        />
      )}
      {confirmingSelf && (
        <ConfirmDialog
          title="修改自己的角色"
          message="修改自己的角色后需要重新登录，确定继续吗？"
          confirmLabel="继续"
          onCancel={() => setConfirmingSelf(null)}
          onConfirm={() => {
            const roles = confirmingSelf;
            setConfirmingSelf(null);
            void save(roles);
          }}
        />
      )}
    </li>
  );
}
