import { useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { primaryRole, roleLabel } from '../lib/labels';
import { ConnectionBadge } from './ConnectionBadge';
import { NotificationBell } from './NotificationBell';

const SECTIONS = [
  { to: '/live', label: '直播展厅' },
  { to: '/products', label: '展厅商品' },
  { to: '/training', label: '在线培训' },
  { to: '/courses', label: '微课' },
  { to: '/fairs', label: '供需对接' },
];

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link active' : 'nav-link');
const phoneOnlyClass = (s: { isActive: boolean }) => `${navClass(s)} nav-phone-only`;
const wideOnlyClass = (s: { isActive: boolean }) => `${navClass(s)} nav-wide-only`;

export function Header() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const barRef = useRef<HTMLDivElement>(null);

  // Close the phone menu whenever the route changes, and on Escape.
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    // a click outside the header closes the menu (the phone panel, or the account menu on wide screens)
    const onDown = (e: PointerEvent) => {
      if (barRef.current && e.target instanceof Node && !barRef.current.contains(e.target)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  const onLogout = async () => {
    setOpen(false);
    await logout();
    navigate('/');
  };

  const roles = user?.roles ?? [];
  const staff = roles.includes('ORGANISER') || roles.includes('ADMIN');

  return (
    <header className="site-header">
      <div className="container header-bar" ref={barRef} data-testid="header-bar">
        <Link to="/" className="brand" data-testid="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand-name">直播展厅</span>
        </Link>

        <div id={menuId} className={`header-menu${open ? ' open' : ''}`} data-testid="nav-menu">
          <nav className="nav-sections" aria-label="主导航">
            {SECTIONS.map((s) => (
              <NavLink key={s.to} to={s.to} className={navClass}>
                {s.label}
              </NavLink>
            ))}
            {/* workspace links of the roles: inline on wide screens, in the menu on phones */}
            {roles.includes('MERCHANT') ? (
              <NavLink to="/merchant" className={navClass} data-testid="nav-merchant">
                商家中心
              </NavLink>
            ) : (
              user?.enterprise && (
                <NavLink to="/apply" className={navClass} data-testid="nav-apply">
                  入驻申请
                </NavLink>
              )
            )}
            {roles.includes('MERCHANT') && (
              <NavLink to="/merchant/products" className={navClass} data-testid="nav-merchant-products">
                商品管理
              </NavLink>
            )}
            {(roles.includes('ORGANISER') || roles.includes('ADMIN')) && (
              <NavLink to="/organiser" end className={navClass} data-testid="nav-organiser">
                组织方看板
              </NavLink>
            )}
            {/* the live dashboard: here on phones; on wide screens in the account menu (the row of links is full) */}
            {staff && (
              <NavLink to="/organiser/dashboard" className={phoneOnlyClass} data-testid="nav-dashboard">
                实时看板
              </NavLink>
            )}
            {roles.includes('ORGANISER') && (
              <NavLink to="/organiser/applications" className={navClass} data-testid="nav-onboarding">
                入驻审核
              </NavLink>
            )}
            {roles.includes('ADMIN') && (
              <NavLink to="/admin/users" className={navClass} data-testid="nav-admin">
                用户管理
              </NavLink>
            )}
          </nav>
          <div className={`nav-account${user ? ' has-user' : ''}`} data-testid="nav-account">
            {user ? (
              <>
                <NavLink to="/orders" className={navClass} data-testid="nav-orders">
                  我的订单
                </NavLink>
                <NavLink to="/me" className={navClass} data-testid="nav-me">
                  个人中心
                </NavLink>
                {staff && (
                  <NavLink to="/organiser/dashboard" className={wideOnlyClass} data-testid="nav-dashboard-menu">
                    实时看板
                  </NavLink>
                )}
                <button type="button" className="btn btn-ghost btn-sm" onClick={onLogout} data-testid="logout">
                  退出
                </button>
              </>
            ) : (
              <>
                <NavLink to="/login" className={navClass} data-testid="nav-login">
                  登录
                </NavLink>
                <Link to="/register" className="btn btn-primary btn-sm" data-testid="nav-register">
                  注册
                </Link>
              </>
            )}
          </div>
        </div>

        <div className="header-tools" data-testid="header-tools">
          <ConnectionBadge />
          {/* the notification bell sits before the user chip, sized by its content (hidden while empty) */}
          {user && (
            <div className="header-notify" data-testid="header-notify-slot">
              <NotificationBell />
            </div>
          )}
          {user && (
            <button
              type="button"
              className="user-chip"
              data-testid="current-user"
              title={user.displayName}
              aria-label={`${user.displayName} · ${roleLabel(primaryRole(user.roles))}`}
              aria-controls={menuId}
              aria-expanded={open}
              aria-haspopup="menu"
              onClick={() => setOpen((o) => !o)}
            >
              <span className="user-name">{user.displayName}</span>
              <span className="user-sep" aria-hidden="true">
                {' · '}
              </span>
              <span className="user-role">{roleLabel(primaryRole(user.roles))}</span>
            </button>
          )}
        </div>

        <button
          type="button"
          className="menu-toggle"
          aria-controls={menuId}
          aria-expanded={open}
          aria-label={open ? '关闭菜单' : '打开菜单'}
          data-testid="nav-toggle"
          onClick={() => setOpen((o) => !o)}
        >
          <span className="menu-icon" aria-hidden="true" />
          <span className="menu-text">菜单</span>
        </button>
      </div>
    </header>
  );
}
