// The share action of a live session, a product or (later) a training session: a button that opens a sheet with
// the link (copy, with a fallback for browsers without the Clipboard API), the system share sheet where there is one,
// and a poster generated in the browser (picture, title, time or price, QR code of the link) to save as PNG —
// on a phone, and in WeChat, by long-pressing the picture.
import { useEffect, useId, useRef, useState } from 'react';
import { copyText } from './copyText';
import type { PosterSpec } from './poster';

export interface ShareProps {
  /** 直播 / 商品 / 培训: what is shared (the poster's tag, the sheet's title) */
  kind: string;
  /** the app path, e.g. /live/12; the link is this on the current origin */
  path: string;
  title: string;
  /** lines under the title on the poster (time in Asia/Shanghai, price, merchant) */
  lines: string[];
  /** a same-origin picture (cover or product photo), or null */
  imageUrl: string | null;
  /** for e2e and tests: data-testid of the button (default share-button) */
  testId?: string;
}

type PosterState = { state: 'idle' } | { state: 'making' } | { state: 'ready'; url: string } | { state: 'failed' };

/** The absolute link of an app path on this site. */
export function shareLink(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/** A file name for the saved poster: the title without characters file systems refuse. */
export function posterFileName(title: string): string {
  const safe = Array.from(title.replace(/[\\/:*?"<>|\s]+/g, '-')).slice(0, 40).join('');
  return `${safe || '分享'}-海报.png`;
}

export function ShareButton({ kind, path, title, lines, imageUrl, testId = 'share-button' }: ShareProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-ghost btn-sm share-btn" onClick={() => setOpen(true)} data-testid={testId}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7c0 .3 0 .5.1.8L8.4 11.2a3 3 0 1 0 0 1.6l6.7 3.4A3 3 0 1 0 18 16Z"
          />
        </svg>
        分享
      </button>
      {open && <ShareSheet kind={kind} path={path} title={title} lines={lines} imageUrl={imageUrl} onClose={() => setOpen(false)} />}
    </>
  );
}

function ShareSheet({ kind, path, title, lines, imageUrl, onClose }: ShareProps & { onClose: () => void }) {
  const headingId = useId();
  const link = shareLink(path);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [poster, setPoster] = useState<PosterState>({ state: 'idle' });
  const closeRef = useRef<HTMLButtonElement>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      alive.current = false;
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const copy = async () => setCopied((await copyText(link)) ? 'yes' : 'no');

  const makePoster = async () => {
    setPoster({ state: 'making' });
    try {
      const { renderPoster } = await import('./poster');
      const spec: PosterSpec = { kind, title, lines, url: link, imageUrl };
      const url = await renderPoster(spec);
      if (alive.current) setPoster({ state: 'ready', url });
    } catch {
      if (alive.current) setPoster({ state: 'failed' });
    }
  };

  const canShare = typeof navigator.share === 'function';
  const systemShare = async () => {
    try {
      await navigator.share({ title, text: title, url: link });
    } catch {
      // dismissed: nothing to do
    }
  };

  return (
    <div className="share-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()} data-testid="share-backdrop">
      <div className="share-sheet" role="dialog" aria-modal="true" aria-labelledby={headingId} data-testid="share-sheet">
        <div className="share-head">
          <h2 id={headingId}>分享{kind}</h2>
          <button ref={closeRef} type="button" className="share-close" aria-label="关闭" onClick={onClose}>
            ×
          </button>
        </div>
        <label className="share-link">
          <span className="muted small">链接</span>
          <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
        </label>
        <div className="share-actions">
          <button type="button" className="btn btn-primary btn-sm" onClick={copy} data-testid="share-copy">
            复制链接
          </button>
          {poster.state !== 'ready' && (
            <button
              type="button"
              className="btn btn-gold btn-sm"
              onClick={makePoster}
              disabled={poster.state === 'making'}
              data-testid="share-make-poster"
            >
              {poster.state === 'making' ? '生成中…' : '生成海报'}
            </button>
          )}
          {canShare && (
            <button type="button" className="btn btn-ghost btn-sm" onClick={systemShare} data-testid="share-system">
              更多分享方式
            </button>
          )}
        </div>
        <p className="share-status small" role="status" aria-live="polite" data-testid="share-status">
          {copied === 'yes' && '链接已复制，可以粘贴到微信发送给朋友'}
          {copied === 'no' && '无法自动复制，请长按上方链接手动复制'}
          {poster.state === 'failed' && '海报生成失败，请稍后再试'}
        </p>
        {poster.state === 'ready' && (
          <figure className="share-poster">
            <img src={poster.url} alt={`${title} 分享海报`} data-testid="share-poster" />
            <figcaption className="muted small">在微信中长按图片，可保存到相册或发送给朋友</figcaption>
            <a className="btn btn-primary btn-sm" href={poster.url} download={posterFileName(title)} data-testid="share-download">
              保存图片
            </a>
          </figure>
        )}
      </div>
    </div>
  );
}
