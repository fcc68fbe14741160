// Regenerates the demo hall's pictures: one square WebP per demo product and a 3:4 cover per demo live session,
// drawn on a canvas in headless Chromium (flat illustrations drawn here: no photographs, no third-party artwork,
// so they are as free to use as the rest of the repository). Output: src/main/resources/demo/pictures/*.webp and
// pictures.tsv (file, kind, merchant, what it belongs to), which ShowcaseDemoData reads to give the local profile's demo
// products and sessions their pictures.
//
// The pictures are committed; this script is only for changing them. It needs the front end's packages
// (cd frontend && npm ci) for playwright-core, Chromium at /usr/bin/chromium (or CHROME_PATH) and the Noto CJK
// fonts. Run it from anywhere: node infra/demo-images/make.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'frontend/package.json'));
const { chromium } = require('playwright-core');
const OUT = join(root, 'src/main/resources/demo/pictures');

// file, kind, merchant (display name), what it belongs to (PRODUCT: product name; SESSION: session title), drawing, width
const PICTURES = [
  ['wuhao-green-tea', 'PRODUCT', '东裕茗茶', '东裕茶 秦岭雾毫 绿茶 250g', 'teaTin', 480],
  ['xianhao-gift-box', 'PRODUCT', '东裕茗茶', '东裕茶 汉中仙毫 礼盒装 2×125g', 'giftBox', 480],
  ['ziyang-selenium-tea', 'PRODUCT', '东裕茗茶', '紫阳富硒茶 200g', 'teaCup', 480],
  ['xifeng-20-years', 'PRODUCT', '华山论剑西凤酒', '华山论剑西凤酒 20年 52度 500ml', 'baijiuHuashan', 480],
  ['xifeng-375', 'PRODUCT', '西凤酒375', '西凤375 凤香型 52度 500ml', 'baijiu375', 480],
  ['granna-cream', 'PRODUCT', '格兰纳护肤', '格兰纳 玻尿酸保湿面霜 50g', 'creamJar', 480],
  ['qin-embroidery-fan', 'PRODUCT', '秦绣工坊', '秦绣 牡丹团扇', 'peonyFan', 480],
  ['fengxiang-clay-horse', 'PRODUCT', '凤翔泥塑', '凤翔泥塑 生肖马 摆件', 'clayHorse', 480],
  ['terracotta-warriors', 'PRODUCT', '长安礼物', '兵马俑微缩摆件 套装', 'warriors', 480],
  ['tang-bookmarks', 'PRODUCT', '长安礼物', '唐风书签 文创套装', 'bookmarks', 480],
  ['cover-dongyu-live', 'SESSION', '东裕茗茶', '东裕茗茶 开馆首播：秦岭好茶品鉴', 'coverTea', 360],
  ['cover-granna-live', 'SESSION', '格兰纳护肤', '格兰纳护肤 冬季保湿专场', 'coverCream', 360],
];

// Runs in the page: draw(name, w, h) → data URL of a WebP.
const DRAWING = String.raw`
const F = '"Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif';
const S = '"Noto Serif CJK SC", "Noto Sans CJK SC", serif';
function bg(c, w, h, a, b) {
  const g = c.createLinearGradient(0, 0, w, h); g.addColorStop(0, a); g.addColorStop(1, b);
  c.fillStyle = g; c.fillRect(0, 0, w, h);
}
function shadow(c, x, y, rx, ry) {
  c.save(); c.fillStyle = 'rgba(40,25,10,0.18)'; c.beginPath(); c.ellipse(x, y, rx, ry, 0, 0, Math.PI * 2); c.fill(); c.restore();
}
function rr(c, x, y, w, h, r) { c.beginPath(); c.roundRect(x, y, w, h, r); }
function leaf(c, x, y, len, angle, color) {
  c.save(); c.translate(x, y); c.rotate(angle); c.fillStyle = color;
  c.beginPath(); c.moveTo(0, 0); c.quadraticCurveTo(len * 0.5, -len * 0.35, len, 0); c.quadraticCurveTo(len * 0.5, len * 0.35, 0, 0); c.fill();
  c.strokeStyle = 'rgba(255,255,255,0.35)'; c.lineWidth = 2; c.beginPath(); c.moveTo(0, 0); c.lineTo(len * 0.9, 0); c.stroke();
  c.restore();
}
function mountains(c, w, h, base, colors) {
  colors.forEach((col, i) => {
    c.fillStyle = col; c.beginPath(); c.moveTo(0, base + i * 18);
    for (let x = 0; x <= w; x += w / 6) c.lineTo(x, base + i * 18 - (Math.sin(x / w * Math.PI * (2 + i) + i) * 0.5 + 0.5) * (60 - i * 12));
    c.lineTo(w, h); c.lineTo(0, h); c.fill();
  });
}
function vtext(c, text, x, y, size, color, font) {
  c.fillStyle = color; c.font = '700 ' + size + 'px ' + (font || S); c.textAlign = 'center'; c.textBaseline = 'middle';
  [...text].forEach((ch, i) => c.fillText(ch, x, y + i * size * 1.1));
}
function seal(c, x, y, s, text) {
  c.fillStyle = '#b8322a'; rr(c, x, y, s, s, 4); c.fill();
  c.fillStyle = '#fff'; c.font = '700 ' + (s * 0.42) + 'px ' + S; c.textAlign = 'center'; c.textBaseline = 'middle';
  const t = [...text]; c.fillText(t.slice(0, 2).join(''), x + s / 2, y + s * 0.3); c.fillText(t.slice(2).join(''), x + s / 2, y + s * 0.72);
}
function bottle(c, cx, top, bw, bh, body, label, cap) {
  c.fillStyle = cap; rr(c, cx - bw * 0.16, top, bw * 0.32, bh * 0.14, 6); c.fill();
  c.fillStyle = body; c.beginPath();
  c.moveTo(cx - bw * 0.14, top + bh * 0.13); c.lineTo(cx + bw * 0.14, top + bh * 0.13);
  c.bezierCurveTo(cx + bw * 0.14, top + bh * 0.3, cx + bw / 2, top + bh * 0.3, cx + bw / 2, top + bh * 0.42);
  c.lineTo(cx + bw / 2, top + bh - 14); c.quadraticCurveTo(cx + bw / 2, top + bh, cx + bw / 2 - 14, top + bh);
  c.lineTo(cx - bw / 2 + 14, top + bh); c.quadraticCurveTo(cx - bw / 2, top + bh, cx - bw / 2, top + bh - 14);
  c.lineTo(cx - bw / 2, top + bh * 0.42); c.bezierCurveTo(cx - bw / 2, top + bh * 0.3, cx - bw * 0.14, top + bh * 0.3, cx - bw * 0.14, top + bh * 0.13);
  c.fill();
  c.fillStyle = 'rgba(255,255,255,0.22)'; rr(c, cx - bw / 2 + 10, top + bh * 0.45, 10, bh * 0.45, 5); c.fill();
  c.fillStyle = label; rr(c, cx - bw * 0.36, top + bh * 0.5, bw * 0.72, bh * 0.36, 8); c.fill();
}
const D = {
  teaTin(c, w, h) {
    bg(c, w, h, '#eef6e4', '#cfe5c0');
    mountains(c, w, h, 300, ['#b5d3a1', '#8dbb7a', '#6a9d5b']);
    shadow(c, 240, 418, 120, 18);
    const g = c.createLinearGradient(140, 0, 340, 0); g.addColorStop(0, '#2f6b3a'); g.addColorStop(0.45, '#4f9a57'); g.addColorStop(1, '#245a2f');
    c.fillStyle = g; rr(c, 140, 130, 200, 285, 16); c.fill();
    c.fillStyle = '#c9a34a'; rr(c, 132, 112, 216, 44, 12); c.fill(); rr(c, 140, 392, 200, 14, 6); c.fill();
    c.fillStyle = '#f6efd8'; rr(c, 170, 182, 140, 190, 10); c.fill();
    vtext(c, '秦岭雾毫', 240, 212, 34, '#2f5d34');
    seal(c, 274, 330, 30, '东裕');
    leaf(c, 330, 330, 90, -0.6, '#3f8a44'); leaf(c, 345, 350, 70, 0.1, '#58a85a'); leaf(c, 120, 380, 70, -2.6, '#4a9a4e');
  },
  giftBox(c, w, h) {
    bg(c, w, h, '#fbf1dd', '#f0d9a8');
    shadow(c, 240, 415, 170, 20);
    c.fillStyle = '#a8261e'; rr(c, 70, 190, 340, 220, 10); c.fill();
    c.fillStyle = '#c0392b'; rr(c, 60, 160, 360, 60, 10); c.fill();
    c.fillStyle = '#e0b84f'; c.fillRect(220, 160, 40, 250);
    c.strokeStyle = '#e0b84f'; c.lineWidth = 14; c.beginPath(); c.ellipse(205, 140, 40, 24, -0.4, 0, Math.PI * 2); c.stroke();
    c.beginPath(); c.ellipse(275, 140, 40, 24, 0.4, 0, Math.PI * 2); c.stroke();
    c.fillStyle = '#f3d77f'; c.font = '700 40px ' + S; c.textAlign = 'center'; c.textBaseline = 'middle';
    c.fillText('汉中', 140, 300); c.fillText('仙毫', 340, 300);
    c.strokeStyle = 'rgba(243,215,127,0.55)'; c.lineWidth = 3;
    for (let i = 0; i < 4; i++) { c.beginPath(); c.arc(140, 300, 48 + i * 2, 0, Math.PI * 2); c.stroke(); c.beginPath(); c.arc(340, 300, 48 + i * 2, 0, Math.PI * 2); c.stroke(); }
    leaf(c, 40, 110, 80, -0.4, '#4b8f45'); leaf(c, 420, 90, 70, 2.5, '#5aa050');
  },
  teaCup(c, w, h) {
    bg(c, w, h, '#f4f1e8', '#e2dccb');
    c.fillStyle = '#6d4b2f'; rr(c, 0, 360, w, 120, 0); c.fill();
    c.fillStyle = '#835c3a'; c.fillRect(0, 360, w, 10);
    shadow(c, 240, 372, 150, 16);
    c.fillStyle = '#fbfaf4'; c.beginPath(); c.ellipse(240, 362, 150, 20, 0, 0, Math.PI * 2); c.fill();
    c.fillStyle = '#fff'; c.beginPath(); c.moveTo(120, 220); c.bezierCurveTo(120, 320, 170, 352, 240, 352); c.bezierCurveTo(310, 352, 360, 320, 360, 220); c.closePath(); c.fill();
    c.strokeStyle = '#3b6ea5'; c.lineWidth = 4; c.beginPath(); c.moveTo(132, 262); c.bezierCurveTo(180, 280, 300, 280, 348, 262); c.stroke();
    c.fillStyle = '#b7c97a'; c.beginPath(); c.ellipse(240, 220, 120, 22, 0, 0, Math.PI * 2); c.fill();
    c.fillStyle = '#9fb85a'; c.beginPath(); c.ellipse(240, 222, 100, 15, 0, 0, Math.PI * 2); c.fill();
    leaf(c, 210, 218, 40, 0.3, '#5f8f3a');
    c.strokeStyle = 'rgba(140,130,110,0.45)'; c.lineWidth = 5; c.lineCap = 'round';
    [200, 240, 280].forEach((x, i) => { c.beginPath(); c.moveTo(x, 190); c.bezierCurveTo(x - 20, 160, x + 20, 140, x - 5 + i * 3, 100); c.stroke(); });
    c.fillStyle = '#2f5d34'; c.font = '700 30px ' + S; c.textAlign = 'left'; c.fillText('紫阳富硒', 24, 56);
    leaf(c, 400, 60, 60, 2.2, '#4a9a4e'); leaf(c, 420, 90, 50, 1.6, '#6bb05a');
  },
  baijiuHuashan(c, w, h) {
    bg(c, w, h, '#2b1d1a', '#4a2a22');
    c.fillStyle = 'rgba(255,255,255,0.08)'; c.beginPath(); c.moveTo(0, 330); c.lineTo(120, 170); c.lineTo(180, 240); c.lineTo(260, 110); c.lineTo(360, 260); c.lineTo(480, 180); c.lineTo(480, 480); c.lineTo(0, 480); c.fill();
    shadow(c, 240, 430, 110, 14);
    bottle(c, 240, 70, 190, 360, '#7a1712', '#e9cf86', '#c9a34a');
    vtext(c, '西凤酒', 240, 268, 30, '#7a1712');
    c.fillStyle = '#7a1712'; c.font = '600 16px ' + F; c.textAlign = 'center'; c.fillText('二十年 · 凤香型', 240, 370);
    c.fillStyle = '#e9cf86'; c.font = '700 26px ' + S; c.textAlign = 'left'; c.fillText('华山论剑', 24, 48);
  },
  baijiu375(c, w, h) {
    bg(c, w, h, '#eef3f8', '#cddbe8');
    shadow(c, 240, 430, 100, 14);
    bottle(c, 240, 80, 170, 350, '#f7f7f2', '#1f4e8c', '#1f4e8c');
    c.strokeStyle = '#1f4e8c'; c.lineWidth = 3; c.beginPath(); c.arc(240, 200, 26, 0, Math.PI * 2); c.stroke();
    c.fillStyle = '#f3d77f'; c.font = '800 46px ' + F; c.textAlign = 'center'; c.textBaseline = 'middle'; c.fillText('375', 240, 300);
    c.fillStyle = '#fff'; c.font = '700 20px ' + S; c.fillText('西凤 · 凤香型', 240, 350);
    c.fillStyle = '#1f4e8c'; c.font = '700 18px ' + F; c.fillText('凤', 240, 201);
  },
  creamJar(c, w, h) {
    bg(c, w, h, '#eef6fb', '#d6e9f5');
    c.fillStyle = 'rgba(255,255,255,0.6)'; [[90, 110, 26], [390, 90, 18], [400, 330, 30], [70, 330, 14]].forEach(([x, y, r]) => { c.beginPath(); c.arc(x, y, r, 0, Math.PI * 2); c.fill(); });
    shadow(c, 240, 400, 150, 18);
    c.fillStyle = '#ffffff'; rr(c, 110, 250, 260, 150, 26); c.fill();
    c.fillStyle = '#7fb7d9'; rr(c, 100, 190, 280, 74, 20); c.fill();
    c.fillStyle = 'rgba(255,255,255,0.35)'; rr(c, 116, 200, 248, 14, 7); c.fill();
    c.fillStyle = '#2f6f99'; c.font = '700 30px ' + F; c.textAlign = 'center'; c.textBaseline = 'middle'; c.fillText('格兰纳', 240, 310);
    c.font = '500 16px ' + F; c.fillText('玻尿酸保湿面霜 50g', 240, 352);
    c.fillStyle = '#7fb7d9'; c.beginPath(); c.moveTo(420, 170); c.quadraticCurveTo(440, 205, 420, 215); c.quadraticCurveTo(400, 205, 420, 170); c.fill();
  },
  peonyFan(c, w, h) {
    bg(c, w, h, '#f7eee6', '#ead7c6');
    c.fillStyle = '#8a5a3b'; rr(c, 232, 330, 16, 130, 6); c.fill();
    c.fillStyle = '#c9a34a'; c.beginPath(); c.arc(240, 200, 158, 0, Math.PI * 2); c.fill();
    c.fillStyle = '#fffaf0'; c.beginPath(); c.arc(240, 200, 148, 0, Math.PI * 2); c.fill();
    const petal = (x, y, r, a, col) => { c.save(); c.translate(x, y); c.rotate(a); c.fillStyle = col; c.beginPath(); c.ellipse(0, -r * 0.55, r * 0.45, r * 0.6, 0, 0, Math.PI * 2); c.fill(); c.restore(); };
    for (let i = 0; i < 10; i++) petal(230, 210, 110, i * Math.PI / 5, i % 2 ? '#d9577a' : '#e87d98');
    for (let i = 0; i < 8; i++) petal(230, 210, 70, i * Math.PI / 4 + 0.3, i % 2 ? '#c23a5e' : '#d9577a');
    c.fillStyle = '#f1c75b'; c.beginPath(); c.arc(230, 210, 18, 0, Math.PI * 2); c.fill();
    leaf(c, 300, 280, 70, 0.6, '#4f8a4a'); leaf(c, 160, 290, 60, 2.5, '#5e9a56');
    seal(c, 320, 90, 34, '秦绣');
    c.fillStyle = '#b8322a'; c.beginPath(); c.moveTo(240, 460); c.lineTo(230, 480); c.lineTo(250, 480); c.fill();
  },
  clayHorse(c, w, h) {
    bg(c, w, h, '#f3efe6', '#e4dccb');
    shadow(c, 240, 410, 150, 16);
    c.fillStyle = '#fbf8f0'; c.strokeStyle = '#1f1a17'; c.lineWidth = 5;
    c.beginPath(); c.ellipse(240, 270, 120, 70, 0, 0, Math.PI * 2); c.fill(); c.stroke();
    [[160, 320], [200, 330], [280, 330], [320, 320]].forEach(([x, y]) => { c.fillStyle = '#fbf8f0'; rr(c, x - 14, y, 28, 80, 8); c.fill(); c.stroke(); c.fillStyle = '#1f1a17'; c.fillRect(x - 14, y + 66, 28, 14); });
    c.fillStyle = '#fbf8f0'; c.beginPath(); c.moveTo(320, 240); c.quadraticCurveTo(350, 150, 390, 130); c.quadraticCurveTo(420, 140, 410, 175); c.quadraticCurveTo(380, 190, 360, 260); c.closePath(); c.fill(); c.stroke();
    c.fillStyle = '#1f1a17'; c.beginPath(); c.arc(390, 150, 6, 0, Math.PI * 2); c.fill();
    c.fillStyle = '#d63a2f'; c.beginPath(); c.moveTo(345, 170); c.quadraticCurveTo(330, 220, 320, 250); c.lineTo(334, 252); c.quadraticCurveTo(350, 210, 360, 175); c.fill();
    c.fillStyle = '#2d8a5b'; c.beginPath(); c.arc(210, 260, 30, 0, Math.PI * 2); c.fill();
    c.fillStyle = '#f0b429'; c.beginPath(); c.arc(210, 260, 18, 0, Math.PI * 2); c.fill();
    c.fillStyle = '#d63a2f'; c.beginPath(); c.arc(210, 260, 8, 0, Math.PI * 2); c.fill();
    c.strokeStyle = '#d63a2f'; c.lineWidth = 6; c.beginPath(); c.arc(280, 280, 26, Math.PI * 0.1, Math.PI * 0.9); c.stroke();
    c.strokeStyle = '#1f1a17'; c.lineWidth = 5; c.beginPath(); c.moveTo(122, 260); c.quadraticCurveTo(90, 270, 96, 320); c.stroke();
    seal(c, 30, 30, 40, '泥塑');
  },
  warriors(c, w, h) {
    bg(c, w, h, '#efe4d2', '#d9c2a0');
    c.fillStyle = '#c8ab83'; c.fillRect(0, 360, w, 120);
    const warrior = (x, y, s) => {
      c.save(); c.translate(x, y); c.scale(s, s); c.fillStyle = '#9c6b45';
      c.beginPath(); c.arc(0, -120, 22, 0, Math.PI * 2); c.fill();
      c.fillStyle = '#7d5234'; c.beginPath(); c.arc(8, -138, 10, 0, Math.PI * 2); c.fill();
      c.fillStyle = '#9c6b45'; c.beginPath(); c.moveTo(-34, -96); c.lineTo(34, -96); c.lineTo(42, 10); c.lineTo(-42, 10); c.closePath(); c.fill();
      c.fillStyle = '#86593a'; for (let r = 0; r < 4; r++) for (let k = -2; k <= 2; k++) { rr(c, k * 14 - 6, -84 + r * 16, 12, 12, 2); c.fill(); }
      c.fillStyle = '#9c6b45'; rr(c, -30, 10, 24, 60, 4); c.fill(); rr(c, 6, 10, 24, 60, 4); c.fill();
      c.fillStyle = '#6e4a30'; rr(c, -44, 70, 88, 12, 3); c.fill();
      c.restore();
    };
    warrior(120, 330, 1.05); warrior(360, 330, 1.05); warrior(240, 350, 1.3);
    c.fillStyle = '#5a3a24'; c.font = '700 30px ' + S; c.textAlign = 'center'; c.fillText('兵马俑 · 微缩复刻', 240, 60);
  },
  bookmarks(c, w, h) {
    bg(c, w, h, '#2c3e50', '#1b2631');
    const gold = c.createLinearGradient(0, 0, 0, h); gold.addColorStop(0, '#f3d77f'); gold.addColorStop(1, '#b8872e');
    [[110, -0.18], [200, -0.06], [290, 0.06], [380, 0.18]].forEach(([x, a], i) => {
      c.save(); c.translate(x, 250); c.rotate(a); c.fillStyle = gold; rr(c, -34, -170, 68, 330, 10); c.fill();
      c.fillStyle = '#1b2631';
      c.beginPath(); c.arc(0, -130, 9, 0, Math.PI * 2); c.fill();
      for (let k = 0; k < 5; k++) { c.beginPath(); c.ellipse(0, -70 + k * 48, 18, 10, (k + i) * 0.6, 0, Math.PI * 2); c.fill(); }
      c.fillStyle = '#f3d77f'; for (let k = 0; k < 5; k++) { c.beginPath(); c.arc(0, -70 + k * 48, 5, 0, Math.PI * 2); c.fill(); }
      c.strokeStyle = '#d63a2f'; c.lineWidth = 3; c.beginPath(); c.moveTo(0, -139); c.quadraticCurveTo(18 - i * 8, -190, 10, -220); c.stroke();
      c.restore();
    });
    c.fillStyle = '#f3d77f'; c.font = '700 28px ' + S; c.textAlign = 'center'; c.fillText('唐风 · 书签', 240, 455);
  },
  coverTea(c, w, h) {
    bg(c, w, h, '#2f6b3a', '#173d21');
    mountains(c, w, h, 330, ['rgba(255,255,255,0.10)', 'rgba(255,255,255,0.14)', 'rgba(255,255,255,0.2)']);
    leaf(c, 250, 140, 120, 2.6, '#7cc06e'); leaf(c, 260, 150, 100, 1.9, '#9fd58f'); leaf(c, 90, 60, 70, 0.5, '#5ea65a');
    vtext(c, '秦岭好茶', 70, 150, 44, '#f3d77f');
    c.fillStyle = '#fff'; c.font = '700 26px ' + F; c.textAlign = 'center'; c.fillText('开馆首播', 220, 400);
    c.font = '500 18px ' + F; c.fillText('东裕茗茶 · 品鉴直播', 220, 434);
  },
  coverCream(c, w, h) {
    bg(c, w, h, '#7fb7d9', '#2f6f99');
    c.fillStyle = 'rgba(255,255,255,0.85)';
    for (let i = 0; i < 26; i++) { const x = (i * 97) % w, y = (i * 61) % 300; c.beginPath(); c.arc(x, y, 2 + (i % 3), 0, Math.PI * 2); c.fill(); }
    c.fillStyle = '#fff'; rr(c, 80, 210, 200, 120, 22); c.fill();
    c.fillStyle = '#d6e9f5'; rr(c, 72, 166, 216, 58, 18); c.fill();
    c.fillStyle = '#2f6f99'; c.font = '700 26px ' + F; c.textAlign = 'center'; c.textBaseline = 'middle'; c.fillText('格兰纳', 180, 268);
    c.fillStyle = '#fff'; c.font = '800 34px ' + F; c.fillText('冬季保湿专场', 180, 390);
    c.font = '500 18px ' + F; c.fillText('西安本土研发 · 温和保湿', 180, 430);
  },
};
window.draw = async (name, w, h) => {
  await document.fonts.load('700 20px "Noto Sans CJK SC"');
  await document.fonts.load('700 20px "Noto Serif CJK SC"');
  const canvas = document.createElement('canvas'); canvas.width = w; canvas.height = h;
  const c = canvas.getContext('2d'); D[name](c, w, h);
  return canvas.toDataURL('image/webp', 0.8);
};
`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><meta charset="utf-8"><script>${DRAWING}</script>`);
  mkdirSync(OUT, { recursive: true });
  const manifest = ['# file\tkind\tmerchant\tproduct name or session title (made by infra/demo-images/make.mjs)'];
  for (const [file, kind, merchant, owner, drawing, width] of PICTURES) {
    const height = kind === 'SESSION' ? Math.round((width * 4) / 3) : width;
    const url = await page.evaluate(([d, w, h]) => window.draw(d, w, h), [drawing, width, height]);
    const bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    if (bytes.subarray(8, 12).toString('ascii') !== 'WEBP') throw new Error(`${file}: Chromium did not encode WebP`);
    writeFileSync(join(OUT, `${file}.webp`), bytes);
    manifest.push(`${file}.webp\t${kind}\t${merchant}\t${owner}`);
    console.log(`${file}.webp ${bytes.length} bytes`);
  }
  writeFileSync(join(OUT, 'pictures.tsv'), manifest.join('\n') + '\n');
} finally {
  await browser.close();
}
