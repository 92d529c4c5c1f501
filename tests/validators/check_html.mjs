// Opens an irgraph HTML export in headless Chromium (Debian's) and checks what
// a user does: nodes render; clicking a relation shows its evidence; search
// finds an entity; the shortest connection is highlighted; a type filter hides
// entities. Saves a screenshot. Usage: node check_html.mjs PAGE.html SHOT.png [SEARCH FROM TO]
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [page_path, shot, search, from, to] = process.argv.slice(2);
// the most a page may take to be ready and to answer a zoom (ms), for big graphs
const maxLoad = Number(process.env.IRGRAPH_HTML_MAX_LOAD_MS || 0), maxFrame = Number(process.env.IRGRAPH_HTML_MAX_ZOOM_MS || 0);
const fail = (m) => { console.error(`html: ${m}`); process.exit(1); };
// Every step has a deadline, and a watchdog names the step that hung (exit 3:
// the browser, not the page, stopped answering).
let step = 'launching Chromium';
const at = (s) => { step = s; if (process.env.IRGRAPH_HTML_STEPS) console.error(`${new Date().toISOString()} ${s}`); };
setTimeout(() => { console.error(`html: no answer from the browser within 90 s while ${step}`); process.exit(3); }, 90000).unref();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  at('opening a page');
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(20000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { errors.push(`a script in the data ran: ${d.message()}`); d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push(`network request: ${r.url()}`); });
  at('loading the page');
  const started = Date.now();
  await page.goto(pathToFileURL(page_path).href);
  await page.waitForFunction(() => window.irgraphReady && window.irgraphViewer.nodes().length > 0, null, { timeout: 30000 });
  const loaded = Date.now() - started;
  const counts = await page.evaluate(() => ({ nodes: window.irgraphViewer.nodes().length, edges: window.irgraphViewer.edges().length }));
  if (errors.length) fail(`page errors: ${errors.join('; ')}`);
  if (maxLoad && loaded > maxLoad) fail(`the page took ${loaded} ms to be ready (limit ${maxLoad} ms)`);
  // responsive: a zoom is drawn within a frame or a few
  at('zooming');
  const zoomed = await page.evaluate(() => new Promise((done) => {
    const cy = window.irgraphViewer;
    const t0 = performance.now();
    cy.zoom({ level: cy.zoom() * 2, renderedPosition: { x: 600, y: 400 } });
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
  }));
  if (maxFrame && zoomed > maxFrame) fail(`a zoom took ${Math.round(zoomed)} ms to draw (limit ${maxFrame} ms)`);
  // click the middle of a relation, as a user would: a relation brought into
  // view whose midpoint no entity covers (a click there could only hit it)
  at('clicking a relation');
  let clicked = false;
  for (let k = 0; k < Math.min(8, counts.edges) && !clicked; ++k) {
    await page.evaluate((k) => { window.irgraphViewer.fit(window.irgraphViewer.edges()[k], 200); }, k);  // (returning cy would serialise it)
    await page.waitForTimeout(100);
    const mid = await page.evaluate((k) => {
      const cy = window.irgraphViewer;
      const e = cy.edges()[k];
      const box = document.getElementById('cy').getBoundingClientRect();
      const p = e.renderedMidpoint();
      if (!(Number.isFinite(p.x) && Number.isFinite(p.y) && p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height)) return null;
      const covered = cy.nodes().some((n) => {
        const c = n.renderedPosition();  // only the entities near it can cover it (a big graph has thousands)
        if (Math.abs(c.x - p.x) > 250 || Math.abs(c.y - p.y) > 250) return false;
        const b = n.renderedBoundingBox();
        return p.x >= b.x1 - 4 && p.x <= b.x2 + 4 && p.y >= b.y1 - 4 && p.y <= b.y2 + 4;
      });
      return covered ? null : { x: box.left + p.x, y: box.top + p.y };
    }, k);
    if (!mid) continue;
    await page.mouse.click(mid.x, mid.y);
    clicked = await page.waitForSelector('#details .evidence', { timeout: 3000 }).then(() => true, () => false);
  }
  if (!clicked) fail('clicking a relation showed no evidence');
  const evidence = await page.textContent('#details .evidence');
  if (!evidence || evidence.length < 10) fail('the evidence panel is empty');
  if (search) {
    at('searching');
    await page.fill('#search', search);
    await page.press('#search', 'Enter');
    const h = await page.textContent('#details h2');
    if (!h.toLowerCase().includes(search.toLowerCase().split(' ').pop().toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')) &&
        !h.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().includes(search.toLowerCase()))
      fail(`search for ${search} showed ${h}`);
  }
  if (from && to) {
    at('asking for a connection');
    await page.fill('#path-from', from);
    await page.fill('#path-to', to);
    await page.click('#connect');
    const s = await page.textContent('#status');
    if (!/hops/.test(s)) fail(`no connection highlighted: ${s}`);
    const highlighted = await page.evaluate(() => window.irgraphViewer.$('.path').length);
    if (highlighted < 3) fail('the connection is not highlighted');
    // each hop listed with its evidence
    const hops = Number(s.match(/(\d+) hops/)[1]);
    const listed = await page.evaluate(() => [...document.querySelectorAll('#details .hops > li')].map((li) => li.querySelectorAll('.evidence').length));
    if (listed.length !== hops || listed.some((n) => n < 1)) fail(`the path panel lists ${listed.length} hops (${listed}) for ${hops}`);
  }
  at('filtering by type');
  const before = await page.evaluate(() => window.irgraphViewer.nodes().not('.hidden').length);
  await page.uncheck('input.type[value="Place"]');
  const after = await page.evaluate(() => window.irgraphViewer.nodes().not('.hidden').length);
  const places = await page.evaluate(() => window.irgraphViewer.nodes('[type = "Place"]').length);
  if (before - after !== places) fail(`the Place filter hid ${before - after} entities, not ${places}`);
  await page.check('input.type[value="Place"]');
  const restored = await page.evaluate(() => window.irgraphViewer.nodes().not('.hidden').length);
  if (restored !== before) fail(`checking Place again shows ${restored} entities, not ${before}`);
  await page.evaluate(() => { window.irgraphViewer.fit(undefined, 30); });
  await page.waitForTimeout(400);
  at('taking a screenshot');
  await page.screenshot({ path: shot });
  if (errors.length) fail(`page errors: ${errors.join('; ')}`);
  console.log(`html: ${counts.nodes} nodes and ${counts.edges} relations ready in ${loaded} ms, a zoom drawn in ${Math.round(zoomed)} ms; ` +
              `click, search, connection with its hops' evidence, and filters work; screenshot ${shot}`);
} finally {
  at('closing the browser');
  await browser.close();
}
