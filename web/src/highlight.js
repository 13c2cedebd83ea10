// Renders a text with its spans (code point offsets) as nested marks; overlapping
// spans split the text into segments that carry every covering span's classes.
import { t } from './i18n.js';

export function spanClass(s) {
  if (s.kind === 'actor') return s.role ? `hl actor ${s.role}` : 'hl actor';
  return `hl ${s.kind}`;
}

function describe(s) {
  const parts = [t(s.role && s.kind === 'actor' ? `legend.${s.role}` : `legend.${s.kind}`)];
  if (s.code) parts.push(s.code);
  if (s.label) parts.push(s.label);
  if (s.rule) parts.push(s.rule);
  return parts.join(' · ');
}

// Returns an element; `onSpan(span)` is called when a highlighted segment is clicked.
export function renderHighlighted(text, spans, { onSpan, blocks } = {}) {
  const cps = Array.from(text);
  const cuts = new Set([0, cps.length]);
  for (const s of spans) { cuts.add(Math.min(s.start, cps.length)); cuts.add(Math.min(s.end, cps.length)); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const root = document.createElement('div');
  root.className = 'hl-text';
  // Paragraphs: the blocks given, else split at blank lines.
  const paras = blocks && blocks.length ? blocks.map((b) => [b.start, b.end]) : (() => {
    const out = []; let start = 0;
    for (let i = 0; i <= cps.length; i++) {
      if (i === cps.length || (cps[i] === '\n' && cps[i + 1] === '\n')) { out.push([start, i]); start = i + 2; i++; }
    }
    return out;
  })();
  for (const [ps, pe] of paras) {
    const p = document.createElement('p');
    p.dir = 'auto';
    for (let k = 0; k + 1 < bounds.length; k++) {
      const a = Math.max(bounds[k], ps), b = Math.min(bounds[k + 1], pe);
      if (a >= b) continue;
      const seg = cps.slice(a, b).join('');
      const cover = spans.filter((s) => s.start <= a && s.end >= b);
      if (!cover.length) { p.append(seg); continue; }
      const m = document.createElement('mark');
      m.className = [...new Set(cover.flatMap((s) => spanClass(s).split(' ')))].join(' ');
      m.textContent = seg;
      m.title = cover.map(describe).join('\n');
      const inner = cover.reduce((x, y) => (y.end - y.start < x.end - x.start ? y : x));
      if (onSpan) m.addEventListener('click', () => onSpan(inner));
      p.append(m);
    }
    root.append(p);
  }
  return root;
}

export function legend() {
  const d = document.createElement('div');
  d.className = 'legend';
  for (const [cls, key] of [['hl actor source', 'legend.source'], ['hl actor target', 'legend.target'],
    ['hl actor', 'legend.actor'], ['hl trigger', 'legend.trigger'], ['hl place', 'legend.place'], ['hl date', 'legend.date']]) {
    const m = document.createElement('mark');
    m.className = cls;
    m.textContent = t(key);
    d.append(m);
  }
  return d;
}
