import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareButton, posterFileName, shareLink } from './ShareButton';

const props = {
  kind: '商品',
  path: '/products/7',
  title: '东裕绿茶',
  lines: ['¥128.00', '东裕茗茶 · 陕西省 · 西安市'],
  imageUrl: null,
};

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'clipboard');
  Reflect.deleteProperty(navigator, 'share');
  Reflect.deleteProperty(document, 'execCommand');
});

function open() {
  render(<ShareButton {...props} />);
  fireEvent.click(screen.getByTestId('share-button'));
  return screen.getByTestId('share-sheet');
}

describe('ShareButton', () => {
  it('opens a sheet with the absolute link and closes on × , Escape and the backdrop', () => {
    const sheet = open();
    expect(sheet.getAttribute('role')).toBe('dialog');
    expect(screen.getByRole('heading').textContent).toBe('分享商品');
    expect((screen.getByTestId('share-link') as HTMLInputElement).value).toBe(`${window.location.origin}/products/7`);
    fireEvent.click(screen.getByLabelText('关闭'));
    expect(screen.queryByTestId('share-sheet')).toBeNull();
    fireEvent.click(screen.getByTestId('share-button'));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('share-sheet')).toBeNull();
    fireEvent.click(screen.getByTestId('share-button'));
    fireEvent.click(screen.getByTestId('share-backdrop'));
    expect(screen.queryByTestId('share-sheet')).toBeNull();
  });

  it('copies the link with the Clipboard API', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    open();
    fireEvent.click(screen.getByTestId('share-copy'));
    await waitFor(() => expect(screen.getByTestId('share-status').textContent).toContain('链接已复制'));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/products/7`);
  });

  it('falls back to execCommand when the Clipboard API is missing or refuses, and says so when both fail', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) }, configurable: true });
    const exec = vi.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    open();
    fireEvent.click(screen.getByTestId('share-copy'));
    await waitFor(() => expect(screen.getByTestId('share-status').textContent).toContain('链接已复制'));
    expect(exec).toHaveBeenCalledWith('copy');
    exec.mockReturnValue(false);
    fireEvent.click(screen.getByTestId('share-copy'));
    await waitFor(() => expect(screen.getByTestId('share-status').textContent).toContain('请长按上方链接手动复制'));
  });

  it('offers the system share sheet where the browser has one', async () => {
    const share = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    open();
    fireEvent.click(screen.getByTestId('share-system'));
    await waitFor(() => expect(share).toHaveBeenCalledWith({ title: '东裕绿茶', text: '东裕绿茶', url: `${window.location.origin}/products/7` }));
  });

  it('generates the poster as a PNG to long-press or download', async () => {
    const calls: string[] = [];
    const ctx = new Proxy(
      {},
      {
        get: (_t, name) =>
          name === 'measureText'
            ? () => ({ width: 10 })
            : name === 'createLinearGradient'
              ? () => ({ addColorStop() {} })
              : (...args: unknown[]) => void calls.push(`${String(name)} ${args[0] ?? ''}`),
        set: () => true,
      },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,UE5H');
    open();
    fireEvent.click(screen.getByTestId('share-make-poster'));
    const img = (await screen.findByTestId('share-poster')) as HTMLImageElement;
    expect(img.getAttribute('src')).toBe('data:image/png;base64,UE5H');
    expect(img.alt).toBe('东裕绿茶 分享海报');
    expect(screen.getByText('在微信中长按图片，可保存到相册或发送给朋友')).toBeTruthy();
    const download = screen.getByTestId('share-download');
    expect(download.getAttribute('download')).toBe('东裕绿茶-海报.png');
    expect(download.getAttribute('href')).toBe('data:image/png;base64,UE5H');
    expect(calls).toContain('fillText 东裕绿茶');
    expect(calls).toContain('fillText ¥128.00');
  });

  it('says so when the poster cannot be drawn', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    open();
    fireEvent.click(screen.getByTestId('share-make-poster'));
    await waitFor(() => expect(screen.getByTestId('share-status').textContent).toContain('海报生成失败'));
    expect(screen.queryByTestId('share-poster')).toBeNull();
  });
});

describe('share helpers', () => {
  it('builds the absolute link and a safe file name', () => {
    expect(shareLink('/live/12')).toBe(`${window.location.origin}/live/12`);
    expect(posterFileName('新茶 / 品鉴:会')).toBe('新茶-品鉴-会-海报.png');
    expect(posterFileName('')).toBe('分享-海报.png');
  });
});
