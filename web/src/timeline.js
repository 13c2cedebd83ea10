// The timeline: events per period stacked by quad class, and the mean Goldstein
// score as a line (−10 conflict … +10 cooperation). Plain SVG.
import { t } from './i18n.js';

export const QUAD_COLORS = ['#38a169', '#2f855a', '#dd6b20', '#c53030'];
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, parent) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.append(e);
  return e;
}

export function drawTimeline(host, data, { onPeriod } = {}) {
  host.textContent = '';
  const periods = data.periods || [];
  const W = Math.max(320, host.clientWidth || 600), H = Math.max(180, host.clientHeight || 240);
  const m = { l: 36, r: 36, t: 10, b: 34 };
  const svg = el('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', dir: 'ltr' }, host);
  svg.style.direction = 'ltr';
  if (!periods.length) {
    const tx = el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'muted' }, svg);
    tx.textContent = t('empty');
    return;
  }
  const max = Math.max(1, ...periods.map((p) => p.events));
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const bw = iw / periods.length;
  const y = (v) => m.t + ih - (v / max) * ih;
  const gy = (g) => m.t + ih / 2 - (g / 10) * (ih / 2);
  el('line', { x1: m.l, x2: W - m.r, y1: m.t + ih, y2: m.t + ih, stroke: '#999' }, svg);
  el('line', { x1: m.l, x2: W - m.r, y1: gy(0), y2: gy(0), stroke: '#ccc', 'stroke-dasharray': '3 3' }, svg);
  for (const v of [0, max]) {
    const tx = el('text', { x: m.l - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#555' }, svg);
    tx.textContent = v;
  }
  for (const g of [-10, 0, 10]) {
    const tx = el('text', { x: W - m.r + 4, y: gy(g) + 4, 'font-size': 10, fill: '#805ad5' }, svg);
    tx.textContent = g > 0 ? `+${g}` : g;
  }
  periods.forEach((p, i) => {
    let acc = 0;
    const g = el('g', { class: 'bar' }, svg);
    const title = el('title', {}, g);
    title.textContent = `${p.period}: ${p.events}\n` + p.quad.map((q, k) => `${t(`quad.${k + 1}`)}: ${q.events}`).join('\n') +
      (p.goldstein !== null ? `\nGoldstein ${p.goldstein.toFixed(2)}` : '');
    p.quad.forEach((q, k) => {
      if (!q.events) return;
      el('rect', { x: m.l + i * bw + 0.5, y: y(acc + q.events), width: Math.max(1, bw - 1),
        height: y(acc) - y(acc + q.events), fill: QUAD_COLORS[k] }, g);
      acc += q.events;
    });
    if (onPeriod) { g.style.cursor = 'pointer'; g.addEventListener('click', () => onPeriod(p.period, data.by)); }
  });
  const pts = periods.map((p, i) => (p.goldstein === null ? null : [m.l + (i + 0.5) * bw, gy(p.goldstein)])).filter(Boolean);
  if (pts.length) el('polyline', { points: pts.map((p) => p.join(',')).join(' '), fill: 'none', stroke: '#805ad5', 'stroke-width': 2 }, svg);
  const step = Math.max(1, Math.ceil(periods.length / Math.floor(iw / 70)));
  periods.forEach((p, i) => {
    if (i % step) return;
    const tx = el('text', { x: m.l + (i + 0.5) * bw, y: H - m.b + 14, 'text-anchor': 'middle', 'font-size': 10, fill: '#555' }, svg);
    tx.textContent = p.period;
  });
  const lg = el('g', {}, svg);
  QUAD_COLORS.forEach((c, k) => {
    el('rect', { x: m.l + k * 120, y: H - 14, width: 10, height: 10, fill: c }, lg);
    const tx = el('text', { x: m.l + k * 120 + 14, y: H - 5, 'font-size': 10, fill: '#333' }, lg);
    tx.textContent = t(`quad.${k + 1}`);
  });
}
