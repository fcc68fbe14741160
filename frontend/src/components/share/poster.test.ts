import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { POSTER_HEIGHT, POSTER_WIDTH, QR_QUIET, drawPoster, drawQr, qrModules, wrapText } from './poster';
import type { PosterContext } from './poster';

/** A context that paints fillRect into an RGBA buffer (enough for the QR code) and records the texts. */
function pixelContext(width: number, height: number) {
  const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
  const texts: string[] = [];
  let fill = '#ffffff';
  let font = '30px sans-serif';
  const size = () => Number(/(\d+)px/.exec(font)?.[1] ?? 30);
  const ctx = {
    get fillStyle() {
      return fill;
    },
    set fillStyle(v: string) {
      fill = String(v);
    },
    get font() {
      return font;
    },
    set font(v: string) {
      font = v;
    },
    textBaseline: 'top',
    textAlign: 'left',
    fillRect(x: number, y: number, w: number, h: number) {
      const v = fill === '#000000' ? 0 : 255;
      for (let yy = Math.max(0, y); yy < Math.min(height, y + h); yy++) {
        for (let xx = Math.max(0, x); xx < Math.min(width, x + w); xx++) {
          const i = (yy * width + xx) * 4;
          pixels[i] = pixels[i + 1] = pixels[i + 2] = v;
          pixels[i + 3] = 255;
        }
      }
    },
    fillText(t: string) {
      texts.push(t);
    },
    // CJK characters a full em wide, the rest about half (as a CJK font draws them)
    measureText: (t: string) =>
      ({ width: Array.from(t).reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? size() : size() * 0.55), 0) }) as TextMetrics,
    drawImage() {},
    save() {},
    restore() {},
    beginPath() {},
    rect() {},
    clip() {},
    createLinearGradient: () => ({ addColorStop() {} }) as unknown as CanvasGradient,
  };
  return { ctx: ctx as unknown as PosterContext, pixels, texts };
}

describe('poster', () => {
  const url = 'https://hall.example.cn/live/42';

  it('draws a QR code that decodes to the link, on whole pixels with its quiet zone', () => {
    const modules = qrModules(url);
    const { ctx, pixels } = pixelContext(300, 300);
    const drawn = drawQr(ctx, modules, 0, 0, 300);
    const px = drawn / (modules.length + 2 * QR_QUIET);
    expect(Number.isInteger(px)).toBe(true);
    expect(jsQR(pixels, 300, 300)?.data).toBe(url);
  });

  it('draws the title, the lines, the tag and a readable QR code on the whole poster', () => {
    const { ctx, pixels, texts } = pixelContext(POSTER_WIDTH, POSTER_HEIGHT);
    drawPoster(
      ctx,
      { kind: '直播', title: '东裕茗茶开业直播', lines: ['开播时间 2026/12/06 20:00（北京时间）', '东裕茗茶'], url, imageUrl: null },
      null,
      qrModules(url),
    );
    expect(texts).toEqual(
      expect.arrayContaining(['直播展厅', '直播', '东裕茗茶开业直播', '开播时间 2026/12/06 20:00（北京时间）', '东裕茗茶', '长按识别二维码']),
    );
    expect(jsQR(pixels, POSTER_WIDTH, POSTER_HEIGHT)?.data).toBe(url);
  });

  it('wraps Chinese text by width and ends a cut title with an ellipsis', () => {
    const { ctx } = pixelContext(10, 10);
    ctx.font = '10px sans-serif';
    expect(wrapText(ctx, '一二三四五六七', 30, 3)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText(ctx, '一二三四五六七八', 30, 2)).toEqual(['一二三', '四五…']);
    expect(wrapText(ctx, '短', 30, 2)).toEqual(['短']);
  });
});
