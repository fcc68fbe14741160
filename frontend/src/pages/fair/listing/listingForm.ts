// The listing form's and filters' conversions: 万元 ⇄ fen, keywords typed in one line, the validity date (end of that
// day in Asia/Shanghai), and the checks the form makes before it sends (the server checks all of them again).
import type { Listing, ListingInput, ListingSide } from '../../../api/fairListing';

export const MAX_KEYWORDS = 10;
/** 10 万亿元 in 万元: the database's bound */
const MAX_WAN = 1e9;

export interface ListingFormState {
  side: ListingSide;
  title: string;
  description: string;
  category: string;
  keywords: string;
  region: string;
  quantity: string;
  /** 万元, as typed */
  amountMin: string;
  amountMax: string;
  /** yyyy-mm-dd */
  validUntil: string;
  fileIds: number[];
}

/** A date `days` ahead in Asia/Shanghai, yyyy-mm-dd. */
export function dateAhead(days: number, now = new Date()): string {
  const t = new Date(now.getTime() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(t);
}

export function emptyForm(now = new Date()): ListingFormState {
  return {
    side: 'SUPPLY', title: '', description: '', category: '', keywords: '', region: '', quantity: '',
    amountMin: '', amountMax: '', validUntil: dateAhead(90, now), fileIds: [],
  };
}

/** Keywords typed as 铝合金压铸，制动盘、线束 (Chinese or Latin commas, 、, spaces): each once, in order. */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  return text.split(/[,，、;；\s]+/).map((k) => k.trim()).filter((k) => k && !seen.has(k) && seen.add(k));
}

/** 万元 typed (up to 4 decimals) → fen; null for blank; NaN when it is no amount. */
export function wanToFen(text: string): number | null {
  const v = text.trim();
  if (!v) return null;
  if (!/^\d{1,10}(\.\d{1,4})?$/.test(v)) return Number.NaN;
  const [whole, frac = ''] = v.split('.');
  return Number(whole) * 1_000_000 + Number(frac.padEnd(4, '0')) * 100;
}

/** fen → 万元 as typed back into the form (no trailing zeros). */
export function fenToWan(fen: number | null): string {
  if (fen === null) return '';
  const s = (fen / 1_000_000).toFixed(4);
  return s.replace(/\.?0+$/, '');
}

/** 10 万元, 5,000 元: how an amount reads. */
export function formatAmount(fen: number): string {
  if (fen >= 1_000_000) return `${fenToWan(fen)} 万元`;
  return `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
}

/** An amount range as it reads: 10–50 万元, 10 万元起, 至多 5 万元; '' for none. */
export function formatRange(minFen: number | null, maxFen: number | null): string {
  if (minFen === null && maxFen === null) return '';
  if (minFen !== null && maxFen !== null) {
    return minFen === maxFen ? formatAmount(minFen) : `${formatAmount(minFen)} – ${formatAmount(maxFen)}`;
  }
  return minFen !== null ? `${formatAmount(minFen)}起` : `至多 ${formatAmount(maxFen as number)}`;
}

/** The end of the day (23:59:59 in Asia/Shanghai) of yyyy-mm-dd, as an ISO instant. */
export function endOfDayShanghai(date: string): string {
  return `${date}T23:59:59+08:00`;
}

/** The yyyy-mm-dd (Asia/Shanghai) of an instant. */
export function shanghaiDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(iso));
}

export function formOf(l: Listing): ListingFormState {
  return {
    side: l.side, title: l.title, description: l.description, category: l.category, keywords: l.keywords.join('，'),
    region: l.region, quantity: l.quantity ?? '', amountMin: fenToWan(l.amountMinFen), amountMax: fenToWan(l.amountMaxFen),
    validUntil: shanghaiDate(l.validUntil), fileIds: l.attachments.map((a) => a.fileId),
  };
}

/** The field errors the form can tell before sending (keys as the server names them). */
export function checkForm(f: ListingFormState, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!f.title.trim()) errors.title = '请填写标题';
  if (!f.category) errors.category = '请选择行业分类';
  if (!f.region.trim()) errors.region = '请填写地区';
  const keywords = parseKeywords(f.keywords);
  if (keywords.length > MAX_KEYWORDS) errors.keywords = `关键词最多 ${MAX_KEYWORDS} 个`;
  else if (keywords.some((k) => k.length > 20)) errors.keywords = '每个关键词最多 20 字';
  const min = wanToFen(f.amountMin);
  const max = wanToFen(f.amountMax);
  if (Number.isNaN(min) || (min !== null && min > MAX_WAN * 1_000_000)) errors.amountMinFen = '请填写有效金额（万元）';
  if (Number.isNaN(max) || (max !== null && max > MAX_WAN * 1_000_000)) errors.amountMaxFen = '请填写有效金额（万元）';
  if (!errors.amountMinFen && !errors.amountMaxFen && min !== null && max !== null && min > max) {
    errors.amountMaxFen = '最高金额不能低于最低金额';
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.validUntil)) errors.validUntil = '请填写有效期';
  else if (f.validUntil < today) errors.validUntil = '有效期需晚于现在';
  return errors;
}

export function toInput(f: ListingFormState): ListingInput {
  return {
    side: f.side, title: f.title.trim(), description: f.description.trim(), category: f.category,
    keywords: parseKeywords(f.keywords), region: f.region.trim(), quantity: f.quantity.trim() || null,
    amountMinFen: wanToFen(f.amountMin), amountMaxFen: wanToFen(f.amountMax),
    validUntil: endOfDayShanghai(f.validUntil), fileIds: f.fileIds,
  };
}

/** The server's field errors mapped onto the form's fields (keywords[3] → keywords, fileIds[0] → fileIds). */
export function formErrors(fieldErrors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldErrors)) {
    const key = k.replace(/\[\d+\]$/, '');
    if (!out[key]) out[key] = v;
  }
  return out;
}
