import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { Header } from './Header';

export function Layout() {
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Header />
      <main id="main" className="app-main">
        {/* the staff pages are loaded on first use (App.tsx): the header stays while one loads */}
        <Suspense fallback={<p className="container page muted" data-testid="page-loading">加载中…</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>直播展厅 Live Hall · 名优新特 · 文创 · 非遗 · 旅游纪念</p>
          <p className="muted">时间均以北京时间显示</p>
        </div>
      </footer>
    </div>
  );
}
