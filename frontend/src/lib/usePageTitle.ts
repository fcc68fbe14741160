import { useEffect } from 'react';

export const SITE_TITLE = '直播展厅 Live Hall';

/** Sets document.title to "<title> · 直播展厅 Live Hall" (or just the site title). */
export function usePageTitle(title?: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_TITLE}` : SITE_TITLE;
  }, [title]);
}
