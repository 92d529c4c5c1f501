// Uses irgraph serve's web page in headless Chromium (Debian's, driven by
// playwright-core) as an analyst would: search with suggestions, expand a
// neighbourhood by clicking an entity in the WebGL drawing, click a relation
// to read its evidence, ask for the connection between two entities, move
// the date slider. Screenshots of each step go to SHOTS_PREFIX-*.png.
// With a sixth argument "curate" (a server started with --allow-curation), also
// renames the searched entity from its panel and undoes the rule.
// Usage: node check_serve.mjs BASE_URL SEARCH FROM TO SHOTS_PREFIX [curate]; exits 1 on any failure.
import { chromium } from 'playwright-core';

const [base, query, from, to, shots, curate] = process.argv.slice(2);
const fail = (m) => { console.error(`serve page: ${m}`); process.exit(1); };
let step = 'launching Chromium';
setTimeout(() => { console.error(`serve page: no answer within 90 s while ${step}`); process.exit(3); }, 90000).unref();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-quic',
         '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const timings = {};
// polls a predicate in the page (waitForFunction evaluates strings, which the page's CSP forbids)
const until = async (page, fn, arg, seconds = 20) => {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
    if (await page.evaluate(fn, arg)) return;
  throw new Error(`waited ${seconds} s for ${fn}`);
};
const timed = async (name, f) => { const t = Date.now(); const r = await f(); timings[name] = Date.now() - t; return r; };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(20000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(base)) errors.push(`request outside the server: ${r.url()}`); });

  step = 'loading the page';
  await timed('page', async () => {
    await page.goto(base);
    await until(page, () => window.irgraphView && document.body.dataset.ready === 'true');
  });
  if (errors.length) fail(`page errors: ${errors.join('; ')}`);
  step = 'waiting for the store\'s counts';
  await until(page, () => document.getElementById('stats').textContent.includes('entities'), undefined, 60);

  step = 'searching';
  await timed('search', async () => {
    await page.fill('#search', query);
    await page.waitForSelector('#suggestions li');
  });
  const suggestion = await page.textContent('#suggestions li');
  if (!suggestion.toLowerCase().includes(query.toLowerCase())) fail(`the first suggestion for "${query}" is "${suggestion}"`);
  await page.click('#suggestions li');
  await until(page, () => window.irgraphView.graph.order > 1);
  await page.waitForSelector('#details h3');
  await page.screenshot({ path: `${shots}-search.png` });

  step = 'expanding a neighbour by clicking it in the drawing';
  const before = await page.evaluate(() => window.irgraphView.graph.order);
  // the neighbour with the most relations, clicked where the renderer drew it
  const target = await page.evaluate(() => {
    const { graph, renderer } = window.irgraphView;
    const [center] = graph.nodes();
    let best = null;
    graph.forEachNeighbor(center, (n) => {
      if (!best || graph.getNodeAttribute(n, 'relations') > graph.getNodeAttribute(best, 'relations')) best = n;
    });
    const d = renderer.getNodeDisplayData(best);
    const p = renderer.framedGraphToViewport(d);
    const box = document.getElementById('graph').getBoundingClientRect();
    return { key: best, x: box.left + p.x, y: box.top + p.y };
  });
  await timed('expand', async () => {
    // the panel then shows the entity clicked (another one where the drawing put two on one spot)
    const shown = await page.textContent('#details .source');
    await page.mouse.click(target.x, target.y);
    await until(page, (was) => document.querySelector('#details .source')?.textContent !== was, shown);
  });
  const after = await page.evaluate(() => window.irgraphView.graph.order);
  await page.screenshot({ path: `${shots}-expand.png` });

  step = 'reading a relation\'s evidence by clicking it';
  await page.waitForTimeout(700);  // the expanded drawing settles (its picking layer is drawn on a later frame)
  // relations drawn, longest first, each clicked at its middle until one shows its evidence
  // (a middle may lie under a label or another relation)
  const edges = await page.evaluate(() => {
    const { graph, renderer } = window.irgraphView;
    const box = document.getElementById('graph').getBoundingClientRect();
    return graph.edges().map((e) => {
      const [s, t] = graph.extremities(e).map((n) => renderer.framedGraphToViewport(renderer.getNodeDisplayData(n)));
      return { key: e, length: Math.hypot(s.x - t.x, s.y - t.y), x: box.left + (s.x + t.x) / 2, y: box.top + (s.y + t.y) / 2 };
    }).sort((a, b) => b.length - a.length).slice(0, 8);
  });
  let read = false;
  for (const edge of edges) {
    for (let d = -3; d <= 0; d++) await page.mouse.move(edge.x + d, edge.y + d);  // the renderer finds edges as the pointer moves
    await page.mouse.click(edge.x, edge.y);
    read = await page.waitForSelector('#details blockquote', { timeout: 2000 }).then(() => true, () => false);
    if (read) break;
  }
  if (!read) fail(`clicking the middle of ${edges.length} relations showed no evidence: ${await page.textContent('#details')}`);
  const sentence = await page.textContent('#details blockquote');
  if (!sentence || sentence.length < 10) fail(`the relation's evidence is "${sentence}"`);
  await page.screenshot({ path: `${shots}-evidence.png` });

  step = 'asking for a connection';
  await timed('path', async () => {
    await page.fill('#path-from', from);
    await page.fill('#path-to', to);
    await page.click('#path-form button');
    await page.waitForSelector('#details .hop blockquote');
  });
  const hops = await page.$$eval('#details .hop', (h) => h.length);
  const quoted = await page.$$eval('#details .hop blockquote', (q) => q.filter((b) => b.textContent.length > 10).length);
  if (hops < 1 || quoted < 1) fail(`the connection lists ${hops} hops and ${quoted} sentences`);
  await until(page, () => window.irgraphView.graph.size > 0);
  await page.screenshot({ path: `${shots}-path.png` });

  step = 'moving the date slider';
  const slider = await page.$('#date-slider');
  if (!(await slider.isDisabled())) {
    await page.evaluate(() => { const s = document.getElementById('date-slider'); s.value = '0'; s.dispatchEvent(new Event('input')); });
    const label = await page.textContent('#date-label');
    if (!/^\d{4}-\d\d-\d\d$/.test(label)) fail(`the date slider shows "${label}"`);
  }
  if (curate === 'curate') {
    step = 'renaming an entity from its panel, then undoing it';
    await page.fill('#search', query);
    await page.waitForSelector('#suggestions li');
    await page.click('#suggestions li');
    await page.waitForSelector('#details form.curate');
    const original = await page.textContent('#details h3');
    await page.selectOption('#details form.curate select', 'rename');
    await page.fill('#details form.curate input >> nth=0', 'Renamed By The Test');
    await page.fill('#details form.curate input >> nth=1', 'a browser test');
    await page.click('#details form.curate button');
    await until(page, () => document.querySelector('#details h3')?.textContent === 'Renamed By The Test');
    await page.screenshot({ path: `${shots}-curate.png` });
    await page.click('#details .source button');  // undo, next to the rule the panel lists
    await until(page, (name) => document.querySelector('#details h3')?.textContent === name, original);
  }
  if (errors.length) fail(`page errors: ${errors.join('; ')}`);
  console.log(`serve page: ready in ${timings.page} ms, suggestions in ${timings.search} ms, a click expanded ${before} to ${after} entities in ${timings.expand} ms, a relation's evidence read, ${hops} hops with evidence in ${timings.path} ms${curate === 'curate' ? ', an entity renamed from its panel and the rule undone' : ''}; screenshots ${shots}-*.png`);
} catch (e) {
  fail(`${step}: ${e.message}`);
} finally {
  await browser.close();
}
