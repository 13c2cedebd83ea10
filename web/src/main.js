// hadath explorer: filters → network, timeline, map and events; an event's reports
// and the rules that fired; an article with its actors, actions, places and dates
// highlighted; a try-it box that codes text live through POST /api/code.
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './style.css';
import * as api from './api.js';
import { t, applyLang, currentLang } from './i18n.js';
import { renderHighlighted, legend } from './highlight.js';
import { drawNetwork } from './network.js';
import { drawTimeline, QUAD_COLORS } from './timeline.js';
import { initMap, drawPlaces, invalidate } from './map.js';

const $ = (s, root = document) => root.querySelector(s);
const h = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined && k !== false) e.append(k);
  return e;
};

const CAMEO_ROOTS = ['01 make public statement', '02 appeal', '03 express intent to cooperate', '04 consult',
  '05 engage in diplomatic cooperation', '06 engage in material cooperation', '07 provide aid', '08 yield',
  '09 investigate', '10 demand', '11 disapprove', '12 reject', '13 threaten', '14 protest',
  '15 exhibit force posture', '16 reduce relations', '17 coerce', '18 assault', '19 fight',
  '20 use unconventional mass violence'];

let filters = {};
let cursor = null;
let mapReady = null;

function readFilters() {
  const f = new FormData($('#filters'));
  const out = {};
  for (const [k, v] of f.entries()) if (String(v).trim()) out[k] = String(v).trim();
  if (out.actor) out.actor = out.actor.split(/[\s,]+/).filter(Boolean).map((a) => a.toUpperCase());
  if (out.country) out.country = out.country.toUpperCase();
  return out;
}

function writeFilters(f) {
  const form = $('#filters');
  for (const el of form.elements) {
    if (!el.name) continue;
    const v = f[el.name];
    el.value = Array.isArray(v) ? v.join(' ') : (v || '');
  }
}

function fillSelects() {
  const root = $('select[name=root]'), quad = $('select[name=quad]');
  root.replaceChildren(h('option', { value: '' }, t('f.any')), ...CAMEO_ROOTS.map((r) => h('option', { value: r.slice(0, 2) }, r)));
  quad.replaceChildren(h('option', { value: '' }, t('f.any')), ...[1, 2, 3, 4].map((q) => h('option', { value: q }, `${q} ${t(`quad.${q}`)}`)));
  writeFilters(filters);
}

function actorCell(a) {
  if (!a) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'actor-cell', title: a.text || '' }, h('b', {}, a.code), ' ', h('bdi', {}, a.name || a.text || ''));
}

function eventRow(e) {
  return h('tr', { class: `quad${e.quad_class}`, 'data-id': e.id, onclick: () => { location.hash = `#/event/${e.id}`; } },
    h('td', {}, e.date || '—'),
    h('td', {}, actorCell(e.source)),
    h('td', {}, h('span', { class: 'cameo', style: `border-color:${QUAD_COLORS[e.quad_class - 1] || '#999'}` }, e.cameo),
      ' ', e.cameo_name),
    h('td', {}, actorCell(e.target)),
    h('td', {}, h('bdi', {}, e.location?.name || e.location?.country || '')),
    h('td', { class: 'num' }, e.num_mentions));
}

async function loadEvents(more = false) {
  const tbody = $('#events tbody');
  if (!more) { tbody.replaceChildren(); cursor = null; }
  const data = await api.get('events', filters, { limit: 50, cursor: more ? cursor : undefined });
  data.events.forEach((e) => tbody.append(eventRow(e)));
  if (!more && !data.events.length) tbody.append(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, t('empty'))));
  cursor = data.next_cursor;
  $('#events-more').hidden = !cursor;
}

function setFilter(patch) {
  filters = { ...filters, ...patch };
  for (const k of Object.keys(filters)) if (filters[k] === undefined || filters[k] === '') delete filters[k];
  writeFilters(filters);
  refresh();
}

async function refresh() {
  const thead = $('#events thead');
  thead.replaceChildren(h('tr', {}, ...['col.date', 'col.source', 'col.action', 'col.target', 'col.place', 'col.mentions']
    .map((k) => h('th', {}, t(k)))));
  $('#network-note').textContent = t('net.note');
  $('#events-note').textContent = t('events.note');
  const by = $('#timeline-by').value;
  const jobs = [
    api.get('dyads', filters, { limit: 80 }).then((d) => drawNetwork($('#network'), d.dyads, {
      onActor: (a) => setFilter({ actor: [a] }),
      onDyad: (a, b) => setFilter({ actor: [a, b] }),
    })),
    api.get('timeline', filters, { by }).then((d) => drawTimeline($('#timeline'), d, {
      onPeriod: (p, unit) => {
        if (unit === 'day') setFilter({ from: p, to: p });
        else if (unit === 'month') setFilter({ from: `${p}-01`, to: `${p}-31` });
        else { const d0 = new Date(`${p}T00:00:00Z`); const d1 = new Date(d0.getTime() + 6 * 864e5);
          setFilter({ from: p, to: d1.toISOString().slice(0, 10) }); }
      },
    })),
    (mapReady ||= initMap($('#map'))).then(() => api.get('places', filters, { limit: 400 }))
      .then((d) => drawPlaces(d.places, { onPlace: (p) => setFilter({ country: p.country }) })),
    loadEvents(false),
  ];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === 'rejected');
  $('#health').textContent = failed ? `${t('error')}: ${failed.reason.message}` : '';
  document.body.dataset.ready = '1';
}

// An event: its reports, each sentence highlighted, and the rules that fired.
function whyTable(why) {
  return h('table', { class: 'why' },
    h('thead', {}, h('tr', {}, h('th', {}, t('ev.rule')), h('th', {}, t('ev.line')))),
    h('tbody', {}, ...why.map((w) => h('tr', { class: `kind-${w.kind}` },
      h('td', {}, h('span', { class: 'rule-kind' }, w.kind), ' ', h('code', {}, w.rule)),
      h('td', {}, w.text ? h('code', { class: 'data-line', dir: 'auto' }, w.text.replace(/\t/g, ' ⇥ ')) : '')))));
}

async function showEvent(id) {
  const body = $('#drawer-body');
  $('#drawer').hidden = false;
  body.replaceChildren(h('p', { class: 'muted' }, t('loading')));
  try {
    const e = await api.get(`events/${encodeURIComponent(id)}`);
    body.replaceChildren(
      h('h3', { class: 'event-title' }, actorCell(e.source), h('span', { class: 'arrow' }, ' → '),
        h('span', { class: 'cameo', style: `border-color:${QUAD_COLORS[e.quad_class - 1]}` }, `${e.cameo} ${e.cameo_name}`),
        h('span', { class: 'arrow' }, ' → '), actorCell(e.target)),
      h('p', { class: 'meta' }, `${e.date || '—'} · ${t(`quad.${e.quad_class}`)} · ${t('ev.goldstein')} ${e.goldstein}`,
        e.location?.name ? ` · ${e.location.name} (${e.location.country})` : '', ` · #${e.id}`),
      h('h4', {}, `${t('ev.mentions')} (${e.mentions.length})`),
      ...e.mentions.map((m) => h('div', { class: 'mention' },
        renderHighlighted(m.sentence, m.spans),
        h('p', { class: 'meta' },
          h('a', { href: `#/doc/${encodeURIComponent(m.doc_id)}` }, t('ev.open_doc')), ' · ',
          h('bdi', {}, m.doc_title || m.doc_id), ` · ${m.doc_date} · ${m.modality}${m.negated ? ' (negated)' : ''} · `,
          `${t('ev.confidence')} ${m.confidence.toFixed(2)} · ${m.date_basis || ''}`),
        h('details', { class: 'why-box', open: true }, h('summary', {}, t('ev.why')), whyTable(m.why)))));
  } catch (err) {
    body.replaceChildren(h('p', { class: 'error' }, `${t('error')}: ${err.message}`));
  }
}

function eventsList(events, { link } = {}) {
  if (!events.length) return h('p', { class: 'muted' }, t('t.none'));
  return h('table', { class: 'events-list' },
    h('tbody', {}, ...events.map((e) => h('tr', { class: `quad${e.quad_class}` },
      h('td', {}, e.date || '—'), h('td', {}, actorCell(e.source)),
      h('td', {}, h('span', { class: 'cameo' }, e.cameo), ' ', e.cameo_name, h('br'),
        h('small', { dir: 'auto' }, e.trigger?.text || '')),
      h('td', {}, actorCell(e.target)),
      h('td', {}, h('bdi', {}, e.location?.name || '')),
      h('td', {}, h('details', {}, h('summary', {}, t('ev.why')), h('ul', { class: 'rules' }, ...e.rules.map((r) => h('li', {}, h('code', {}, r)))))),
      link ? h('td', {}, e.store_event_id ? h('a', { href: `#/event/${e.store_event_id}` }, `${t('doc.stored')} #${e.store_event_id}`) : '') : null))));
}

function spanInfo(box) {
  return (s) => {
    box.replaceChildren(h('b', {}, t(s.kind === 'actor' && s.role ? `legend.${s.role}` : `legend.${s.kind}`)), ' ',
      h('code', {}, s.code || ''), ' ', s.label || '', s.rule ? h('code', { class: 'data-line' }, ` ${s.rule}`) : '',
      s.events?.length ? ` · events ${s.events.map((i) => i + 1).join(', ')}` : '');
  };
}

async function showDoc(id) {
  const view = $('#view-doc');
  view.replaceChildren(h('p', { class: 'muted' }, t('loading')));
  try {
    const d = await api.get(`documents/${encodeURIComponent(id)}`);
    const info = h('div', { class: 'span-info muted' });
    const lang = d.document.lang === 'ar' ? 'ar' : d.document.lang === 'en' ? 'en' : undefined;
    const text = renderHighlighted(d.text, d.spans, { onSpan: spanInfo(info), blocks: d.blocks });
    if (lang) text.lang = lang;
    view.replaceChildren(h('section', { class: 'panel doc' },
      h('h2', { dir: 'auto' }, d.document.title || d.document.id),
      h('p', { class: 'meta' }, `${d.document.date || ''} · ${d.document.source || d.document.site || ''} · `,
        d.document.url ? h('a', { href: d.document.url, rel: 'noopener noreferrer', target: '_blank' }, d.document.url) : d.document.id),
      d.text_is_excerpt ? h('p', { class: 'hint' }, t('doc.excerpt')) : '',
      legend(), info, h('div', { class: 'doc-text' }, text),
      h('h3', {}, t('doc.events')), eventsList(d.events, { link: true })));
    document.body.dataset.docFull = d.text_is_excerpt ? '0' : '1';
    document.body.dataset.docReady = '1';
  } catch (err) {
    view.replaceChildren(h('p', { class: 'error' }, `${t('error')}: ${err.message}`));
  }
}

// Try it: code as you type (debounced), cancelling a request still running.
let tryTimer = null, tryAbort = null;
async function runTry() {
  const text = $('#try-text').value;
  const out = $('#try-out');
  if (!text.trim()) { out.replaceChildren(); return; }
  if (tryAbort) tryAbort.abort();
  tryAbort = new AbortController();
  $('#try-status').textContent = t('loading');
  try {
    const r = await api.code(text, $('#try-date').value, tryAbort.signal);
    const info = h('div', { class: 'span-info muted' });
    $('#try-status').textContent = `${r.events.length} ${t('t.events')} · ${r.elapsed_ms.toFixed(1)} ms · ${r.lang}`;
    out.replaceChildren(legend(), info, h('div', { class: 'doc-text' }, renderHighlighted(r.text, r.spans, { onSpan: spanInfo(info) })),
      eventsList(r.events));
    document.body.dataset.tryReady = String(r.events.length);
  } catch (err) {
    if (err.name === 'AbortError') return;
    $('#try-status').textContent = `${t('error')}: ${err.message}`;
  }
}

function route() {
  const hash = location.hash || '#/';
  const [, view, arg] = hash.match(/^#\/([a-z]*)\/?(.*)$/) || [];
  const show = (name) => {
    for (const v of ['explore', 'doc', 'try']) $(`#view-${v}`).hidden = v !== name;
    document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.route === name));
  };
  if (view === 'doc') { show('doc'); $('#drawer').hidden = true; showDoc(decodeURIComponent(arg)); return; }
  if (view === 'try') { show('try'); $('#drawer').hidden = true; return; }
  show('explore');
  invalidate();
  if (view === 'event' && arg) showEvent(decodeURIComponent(arg));
  else $('#drawer').hidden = true;
}

async function actorSuggestions(q) {
  try {
    const d = await api.get('actors', {}, { q, limit: 12 });
    $('#actor-list').replaceChildren(...d.actors.map((a) => h('option', { value: a.code }, `${a.name || ''} (${a.events})`)));
  } catch { /* suggestions are optional */ }
}

function init() {
  applyLang();
  fillSelects();
  $('#lang').addEventListener('click', () => {
    applyLang(currentLang() === 'ar' ? 'en' : 'ar');
    fillSelects();
    refresh();
    route();
  });
  $('#filters').addEventListener('submit', (ev) => { ev.preventDefault(); filters = readFilters(); location.hash = '#/'; refresh(); });
  $('#f-reset').addEventListener('click', () => { filters = {}; writeFilters(filters); refresh(); });
  let acTimer = null;
  $('#f-actor').addEventListener('input', (ev) => {
    clearTimeout(acTimer);
    const q = ev.target.value.split(/[\s,]+/).pop();
    acTimer = setTimeout(() => actorSuggestions(q), 150);
  });
  $('#timeline-by').addEventListener('change', refresh);
  $('#events-more').addEventListener('click', () => loadEvents(true));
  $('#drawer-close').addEventListener('click', () => { location.hash = '#/'; });
  $('#try-text').addEventListener('input', () => { clearTimeout(tryTimer); tryTimer = setTimeout(runTry, 500); });
  $('#try-date').addEventListener('change', runTry);
  $('#try-go').addEventListener('click', runTry);
  window.addEventListener('hashchange', route);
  route();
  refresh();
  actorSuggestions('');
}

init();
