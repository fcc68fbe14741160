// A share poster drawn in the browser on a canvas: the picture (cover or product photo), the title, a time or price
// line, and a QR code of the link (made with the `qrcode` package, drawn module by module on whole pixels so any
// scanner, WeChat's included, reads it). Loaded on demand by ShareButton (keeps qrcode out of the first bundle).
import { create } from 'qrcode';

/** What a poster shows. */
export interface PosterSpec {
  /** 直播 / 商品 / 培训: the tag over the picture */
  kind: string;
  title: string;
  /** lines under the title, e.g. 开播时间 2026/12/06 20:00（北京时间） or ¥128.00 */
  lines: string[];
  /** the link the QR code opens (absolute) */
  url: string;
  /** a same-origin picture URL, or null for a drawn placeholder */
  imageUrl: string | null;
}

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1180;
/** quiet zone around the QR code, in modules (the standard asks for 4) */
export const QR_QUIET = 4;

const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';
const RED = '#b3261e';
const INK = '#2b2118';
const MUTED = '#76685c';
const GOLD = '#c8962e';
const PAPER = '#fffaf3';

/** The part of CanvasRenderingContext2D the poster uses (tests pass a recorder). */
export type PosterContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'font'
  | 'textBaseline'
  | 'textAlign'
  | 'fillRect'
  | 'fillText'
  | 'measureText'
  | 'drawImage'
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'rect'
  | 'clip'
  | 'createLinearGradient'
>;

/** The QR code of `text` as rows of dark (true) / light modules. */
export function qrModules(text: string): boolean[][] {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(modules.get(r, c) === 1);
    rows.push(row);
  }
  return rows;
}

/** Splits `text` into at most `maxLines` lines no wider than `width` (character by character: Chinese has no spaces). */
export function wrapText(ctx: Pick<PosterContext, 'measureText'>, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line && ctx.measureText(line + ch).width > width) {
      lines.push(line);
      line = '';
      if (lines.length === maxLines) break;
    }
    line += ch;
  }
  if (lines.length < maxLines && line) lines.push(line);
  else if (lines.length === maxLines && Array.from(lines.join('')).length < Array.from(text).length) {
    let last = lines[maxLines - 1];
    while (last && ctx.measureText(`${last}…`).width > width) last = Array.from(last).slice(0, -1).join('');
    lines[maxLines - 1] = `${last}…`;
  }
  return lines;
}

/** Draws the QR code with its quiet zone at (x, y), at most `size` px wide; answers the size drawn. */
export function drawQr(ctx: PosterContext, modules: boolean[][], x: number, y: number, size: number): number {
  const n = modules.length + 2 * QR_QUIET;
  const px = Math.max(1, Math.floor(size / n));
  const drawn = px * n;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x, y, drawn, drawn);
  ctx.fillStyle = '#000000';
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) ctx.fillRect(x + (c + QR_QUIET) * px, y + (r + QR_QUIET) * px, px, px);
    }),
  );
  return drawn;
}

/** Loads a same-origin picture; null when there is none or it fails (the poster then draws a placeholder). */
export function loadImage(src: string | null): Promise<HTMLImageElement | null> {
  if (!src) return Promise.resolve(null);
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

/** Draws the whole poster on a POSTER_WIDTH × POSTER_HEIGHT context. */
export function drawPoster(ctx: PosterContext, spec: PosterSpec, image: CanvasImageSource | null, modules: boolean[][]): void {
  const W = POSTER_WIDTH;
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, W, POSTER_HEIGHT);

  // brand band
  ctx.fillStyle = RED;
  ctx.fillRect(0, 0, W, 96);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.font = `bold 38px ${FONT}`;
  ctx.fillText('直播展厅', 40, 50);
  ctx.font = `24px ${FONT}`;
  ctx.textAlign = 'right';
  ctx.fillText('名优新特 · 文创 · 非遗', W - 40, 50);

  // picture, cover-fitted into its frame
  const frame = { x: 40, y: 130, w: W - 80, h: 500 };
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.x, frame.y, frame.w, frame.h);
  ctx.clip();
  const iw = image ? Number((image as HTMLImageElement).naturalWidth || (image as { width?: number }).width || 0) : 0;
  const ih = image ? Number((image as HTMLImageElement).naturalHeight || (image as { height?: number }).height || 0) : 0;
  if (image && iw > 0 && ih > 0) {
    const scale = Math.max(frame.w / iw, frame.h / ih);
    const dw = iw * scale;
    const dh = ih * scale;
    ctx.drawImage(image, frame.x + (frame.w - dw) / 2, frame.y + (frame.h - dh) / 2, dw, dh);
  } else {
    const g = ctx.createLinearGradient(frame.x, frame.y, frame.x + frame.w, frame.y + frame.h);
    g.addColorStop(0, RED);
    g.addColorStop(1, GOLD);
    ctx.fillStyle = g;
    ctx.fillRect(frame.x, frame.y, frame.w, frame.h);
    ctx.fillStyle = 'rgba(255,255,255,0.92)';
    ctx.textAlign = 'center';
    ctx.font = `bold 200px ${FONT}`;
    ctx.fillText(Array.from(spec.title)[0] ?? '展', W / 2, frame.y + frame.h / 2);
  }
  ctx.restore();

  // kind tag over the picture
  ctx.font = `bold 26px ${FONT}`;
  ctx.textAlign = 'left';
  const tagW = ctx.measureText(spec.kind).width + 32;
  ctx.fillStyle = RED;
  ctx.fillRect(frame.x + 20, frame.y + 20, tagW, 44);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(spec.kind, frame.x + 36, frame.y + 43);

  // title and lines
  ctx.fillStyle = INK;
  ctx.textBaseline = 'top';
  ctx.font = `bold 44px ${FONT}`;
  let y = frame.y + frame.h + 36;
  for (const line of wrapText(ctx, spec.title, W - 80, 2)) {
    ctx.fillText(line, 40, y);
    y += 60;
  }
  ctx.fillStyle = MUTED;
  ctx.font = `30px ${FONT}`;
  y += 6;
  for (const line of spec.lines.slice(0, 2)) {
    for (const part of wrapText(ctx, line, W - 80, 1)) {
      ctx.fillText(part, 40, y);
      y += 44;
    }
  }

  // QR code and what to do with it
  const qrSize = 250;
  const qrX = W - 40 - qrSize;
  const qrY = POSTER_HEIGHT - 40 - qrSize;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(qrX - 4, qrY - 4, qrSize + 8, qrSize + 8);
  drawQr(ctx, modules, qrX, qrY, qrSize);
  ctx.fillStyle = INK;
  ctx.textAlign = 'left';
  ctx.font = `bold 32px ${FONT}`;
  ctx.fillText('长按识别二维码', 40, qrY + 60);
  ctx.fillStyle = MUTED;
  ctx.font = `26px ${FONT}`;
  ctx.fillText(spec.kind === '直播' ? '进入直播间一起看' : `查看${spec.kind}详情`, 40, qrY + 112);
  ctx.font = `20px ${FONT}`;
  const [urlLine] = wrapText(ctx, spec.url.replace(/^https?:\/\//, ''), qrX - 80, 1);
  if (urlLine) ctx.fillText(urlLine, 40, qrY + 170);
}

/** Draws the poster on a new canvas and answers it as a PNG data URL (an <img> WeChat can long-press to save). */
export async function renderPoster(spec: PosterSpec): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = POSTER_WIDTH;
  canvas.height = POSTER_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  const [image] = await Promise.all([loadImage(spec.imageUrl), document.fonts?.ready]);
  drawPoster(ctx, spec, image, qrModules(spec.url));
  return canvas.toDataURL('image/png');
}
