// The JSON API of `hadath serve` (README "HTTP API"). A token given once as ?token=…
// is kept for the session and sent as a bearer header.
const params = new URLSearchParams(location.search);
if (params.get('token')) sessionStorage.setItem('hadath-token', params.get('token'));

function headers(extra = {}) {
  const h = { ...extra };
  const t = sessionStorage.getItem('hadath-token');
  if (t) h.Authorization = `Bearer ${t}`;
  return h;
}

export function query(filters, extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => x && p.append(k, x));
    else p.set(k, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export async function get(path, filters = {}, extra = {}) {
  const r = await fetch(`api/${path}${query(filters, extra)}`, { headers: headers() });
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

export async function code(text, date, signal) {
  const r = await fetch('api/code', {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(date ? { text, date } : { text }),
    signal,
  });
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}
