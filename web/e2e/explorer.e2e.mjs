// End-to-end test of the web explorer in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core: no browser download). Run by tests/server/e2e_test.sh:
//   HADATH_URL=http://127.0.0.1:PORT/ SHOTS=dir node e2e/explorer.e2e.mjs
// Loads the explorer, filters by an actor, opens an event and sees its sentence
// highlighted and its rules, opens the article, codes text in the try-it box, switches to
// Arabic; takes a screenshot of each step into $SHOTS.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const url = process.env.HADATH_URL;
const shots = process.env.SHOTS || 'test-results';
const exe = process.env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(shots, { recursive: true });

let failures = 0;
function check(cond, what) {
  if (cond) console.log(`ok: ${what}`);
  else { failures++; console.error(`FAIL: ${what}`); }
}

const browser = await chromium.launch({
  executablePath: exe, headless: true,
  args: ['--no-sandbox', '--no-proxy-server', '--disable-gpu', '--disable-dev-shm-usage'],
});
const timer = setTimeout(() => { console.error('FAIL: time limit'); process.exit(1); }, 120000);
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(url) && !r.url().startsWith('data:')) external.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  const cold = Date.now() - t0;
  // The first load also starts Chromium's renderer and GPU-less rasterizer; time a second one.
  const t1 = Date.now();
  await page.evaluate(() => { delete document.body.dataset.ready; });
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  const warm = Date.now() - t1;
  check(warm < 1500, `render in ${warm} ms (cold browser: ${cold} ms)`);
  await page.waitForSelector('#network canvas', { timeout: 10000 });
  await page.waitForSelector('#map canvas', { timeout: 10000 });
  check(await page.locator('#timeline svg rect').count() > 0, 'timeline bars');
  const places = Number(await page.evaluate(() => document.querySelector('#map').dataset.places));
  check(places > 3, `map: ${places} places on the outlines`);
  const rows = await page.locator('#events tbody tr[data-id]').count();
  check(rows > 5, `events table: ${rows} rows`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}/explore.png` });

  // Filter by an actor.
  await page.fill('#f-actor', 'IRN');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => {
    const r = [...document.querySelectorAll('#events tbody tr[data-id]')];
    return r.length > 0 && r.every((x) => x.textContent.includes('IRN'));
  }, null, { timeout: 10000 });
  const filtered = await page.locator('#events tbody tr[data-id]').count();
  check(filtered > 0 && filtered < rows, `actor filter: ${filtered} rows with IRN`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${shots}/filtered.png` });

  // Open an event: its sentence highlighted, the rules that fired.
  await page.locator('#events tbody tr[data-id]').first().click();
  await page.waitForSelector('#drawer .mention mark.hl.trigger', { timeout: 10000 });
  check(await page.locator('#drawer .mention mark.hl.actor').count() > 0, 'event: actors highlighted in the sentence');
  check(await page.locator('#drawer table.why tbody tr').count() > 0, 'event: the rules that fired');
  check((await page.locator('#drawer table.why').textContent()).includes('triggers.tsv'), 'event: a trigger rule with its data line');
  await page.screenshot({ path: `${shots}/event.png` });

  // The article with every actor, action, place and date highlighted.
  await page.locator('#drawer .mention a').first().click();
  await page.waitForSelector('body[data-doc-ready="1"]', { timeout: 10000 });
  for (const k of ['actor', 'trigger', 'place', 'date'])
    check(await page.locator(`#view-doc mark.hl.${k}`).count() > 0, `article: ${k} spans`);
  // The whole stored text, not only the sentences that reported events.
  const full = await page.evaluate(() => document.body.dataset.docFull);
  const docId = decodeURIComponent((await page.evaluate(() => location.hash)).split('/').pop());
  const stored = await page.evaluate(async (id) => (await (await fetch(`/api/documents/${encodeURIComponent(id)}`)).json()), docId);
  const shown = (await page.locator('#view-doc .doc-text').textContent()).replace(/\s+/g, '');
  check(full === '1' && !stored.text_is_excerpt, `article: the whole text (${docId})`);
  check(shown === stored.text.replace(/\s+/g, ''), `article: every character of the text shown (${shown.length})`);
  check(await page.locator('#view-doc p.hint').count() === 0, 'article: no excerpt note');
  await page.screenshot({ path: `${shots}/article.png`, fullPage: true });

  // Try it: code text live.
  await page.goto(`${url}#/try`);
  await page.fill('#try-text', 'استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الإيراني في القاهرة يوم الأحد.');
  await page.waitForSelector('body[data-try-ready]', { timeout: 10000 });
  const n = Number(await page.evaluate(() => document.body.dataset.tryReady));
  check(n > 0, `try it: ${n} events`);
  check(await page.locator('#try-out mark.hl.trigger').count() > 0, 'try it: trigger highlighted');
  await page.screenshot({ path: `${shots}/try.png` });

  // Arabic, right to left.
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  check(await page.evaluate(() => document.querySelector('[data-i18n="p.network"]').textContent) === 'شبكة الفاعلين', 'Arabic interface');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${shots}/explore-ar.png` });

  check(errors.length === 0, `no page errors ${errors.join('; ')}`);
  check(external.length === 0, `no request leaves the server ${external.slice(0, 3).join(' ')}`);
} finally {
  clearTimeout(timer);
  await browser.close();
}
console.log(failures ? `e2e: ${failures} failures` : 'e2e: all checks passed');
process.exit(failures ? 1 : 0);
