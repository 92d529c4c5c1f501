// irgraph HTML viewer: pan and zoom the graph, search an entity, click a
// node or relation to read its evidence, filter by type and date, and
// highlight the shortest connection between two entities. Data comes from
// the JSON block #irgraph-data that `irgraph export --format html` writes.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('irgraph-data').textContent);
  const styles = data.styles;
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const fold = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').toLowerCase()
    .replace(/[.'’]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

  const elements = [];
  for (const n of data.nodes)
    elements.push({ group: 'nodes', position: { x: n.x, y: n.y },
      data: { id: n.id, label: n.name, type: n.type, names: [n.name, ...n.aliases].map(fold) } });
  for (const e of data.edges)
    elements.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: e.relation, relation: e.relation,
      weight: e.evidence.length, dates: e.evidence.map((x) => x.date).filter(Boolean) } });

  // a big graph comes with its positions (laid out when the page was written), draws cached
  // bitmaps while it moves and leaves small labels out when zoomed out, so it stays responsive
  const big = data.nodes.length > 0 && data.nodes[0].x !== undefined;  // the writer lays out graphs above 300 entities
  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements,
    wheelSensitivity: 0.3,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    motionBlur: false,
    style: [
      // a big graph's nodes are dots with their label under them: sizing each box to its label
      // costs a text measurement per node whenever a filter restyles them
      { selector: 'node', style: big
        ? { label: 'data(label)', 'font-size': 10, 'min-zoomed-font-size': 7, 'text-valign': 'bottom', 'text-halign': 'center',
            width: 14, height: 14, 'border-width': 1.5 }
        : { label: 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 120,
            'text-valign': 'center', 'text-halign': 'center', width: 'label', height: 'label', padding: 6, 'border-width': 1.5 } },
      ...Object.entries(styles).map(([type, s]) => ({ selector: `node[type = "${type}"]`, style: {
        'background-color': s.fill, 'border-color': s.border, shape: s.shape } })),
      { selector: 'edge', style: { label: 'data(label)', 'font-size': 8, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
        width: 'mapData(weight, 1, 10, 1, 6)', 'line-color': '#9aa', 'target-arrow-color': '#9aa', color: '#555',
        'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.7 } },
      { selector: 'edge[relation = "metWith"]', style: { 'target-arrow-shape': 'none', 'line-color': '#d9822b' } },
      { selector: '.hidden', style: { display: 'none' } },
      { selector: '.path', style: { 'line-color': '#e0245e', 'target-arrow-color': '#e0245e', 'border-color': '#e0245e',
        'border-width': 4, width: 5, 'z-index': 10 } },
      { selector: ':selected', style: { 'border-width': 4, 'border-color': '#111', 'line-color': '#111' } },
    ],
    // a small graph is laid out here (cose: a second or less, labels kept apart); a big one comes laid out
    layout: big ? { name: 'preset', fit: true, padding: 30 }
      : { name: 'cose', animate: false, nodeRepulsion: 9000, idealEdgeLength: 90, randomize: false },
  });
  window.irgraphViewer = cy;  // for tests and the console
  cy.ready(() => { window.irgraphReady = true; });

  const details = document.getElementById('details');
  const status = document.getElementById('status');
  const nodeName = (id) => cy.getElementById(id).data('label');

  function showEvidence(edge) {
    details.replaceChildren();
    const e = data.edges.find((x) => x.id === edge.id());
    details.append(el('h2', {}, `${nodeName(e.source)} — ${e.relation}${e.values.length ? ' (' + e.values.join(', ') + ')' : ''} → ${nodeName(e.target)}`));
    details.append(el('div', { class: 'meta' }, `${e.evidence.length} evidence`));
    for (const x of e.evidence) {
      const box = el('div', { class: 'evidence' });
      box.append(el('div', {}, x.sentence));
      box.append(el('div', { class: 'meta' }, `${x.doc}${x.date ? ', ' + x.date : ''} · ${x.rule}`));
      details.append(box);
    }
  }

  function showNode(node) {
    details.replaceChildren();
    const n = data.nodes.find((x) => x.id === node.id());
    details.append(el('h2', {}, `${n.name} [${n.type}]`));
    if (n.aliases.length) details.append(el('div', { class: 'meta' }, 'also: ' + n.aliases.join(', ')));
    const list = el('ul');
    node.connectedEdges().forEach((edge) => {
      const li = el('li');
      const a = el('a', { href: '#' }, `${edge.data('relation')}: ${nodeName(edge.source().id())} → ${nodeName(edge.target().id())} (×${edge.data('weight')})`);
      a.addEventListener('click', (ev) => { ev.preventDefault(); cy.elements().unselect(); edge.select(); showEvidence(edge); });
      li.append(a);
      list.append(li);
    });
    details.append(list);
  }

  cy.on('tap', 'edge', (ev) => showEvidence(ev.target));
  cy.on('tap', 'node', (ev) => showNode(ev.target));

  function find(text) {
    const q = fold(text);
    if (!q) return null;
    let best = null;
    cy.nodes().forEach((n) => {
      if (n.hasClass('hidden')) return;  // only what the filters show
      const names = n.data('names');
      if (names.includes(q)) best = best || n;
    });
    if (!best) cy.nodes().forEach((n) => { if (!best && n.data('names').some((x) => x.includes(q))) best = n; });
    return best;
  }

  document.getElementById('search').addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    const n = find(ev.target.value);
    if (!n) { status.textContent = `no entity named “${ev.target.value}”`; return; }
    cy.elements().unselect();
    n.select();
    cy.animate({ center: { eles: n }, zoom: 1.5 }, { duration: 300 });
    showNode(n);
    status.textContent = '';
  });

  function applyFilters() {
    const types = new Set([...document.querySelectorAll('input.type:checked')].map((i) => i.value));
    const rels = new Set([...document.querySelectorAll('input.rel:checked')].map((i) => i.value));
    const from = document.getElementById('from').value, to = document.getElementById('to').value;
    // only what changes is restyled
    const set = (x, hide) => { if (x.hasClass('hidden') !== hide) x.toggleClass('hidden', hide); };
    cy.batch(() => {
      cy.nodes().forEach((n) => set(n, !types.has(n.data('type'))));
      cy.edges().forEach((e) => {
        const inRange = (!from && !to) || e.data('dates').some((d) => (!from || d >= from) && (!to || d <= to));
        const show = rels.has(e.data('relation')) && inRange && !e.source().hasClass('hidden') && !e.target().hasClass('hidden');
        set(e, !show);
      });
    });
    status.textContent = `${cy.nodes().not('.hidden').length} entities, ${cy.edges().not('.hidden').length} relations shown`;
  }
  document.querySelectorAll('input.type, input.rel, #from, #to').forEach((i) => i.addEventListener('change', applyFilters));

  document.getElementById('connect').addEventListener('click', () => {
    cy.elements().removeClass('path');
    const a = find(document.getElementById('path-from').value), b = find(document.getElementById('path-to').value);
    if (!a || !b) { status.textContent = 'name two entities shown in the graph'; return; }
    const visible = cy.elements().not('.hidden');
    const result = visible.aStar({ root: a, goal: b, directed: false });
    if (!result.found) { status.textContent = `no connection between ${a.data('label')} and ${b.data('label')}`; return; }
    result.path.addClass('path');
    cy.animate({ fit: { eles: result.path, padding: 60 } }, { duration: 300 });
    status.textContent = `${a.data('label')} → ${b.data('label')}: ${result.path.edges().length} hops`;
    // each hop with its evidence, in the order the path walks them
    details.replaceChildren(el('h2', {}, status.textContent));
    const hops = el('ol', { class: 'hops' });
    let at = a;
    result.path.edges().forEach((edge) => {
      const e = data.edges.find((x) => x.id === edge.id());
      const next = edge.source().id() === at.id() ? edge.target() : edge.source();
      const li = el('li');
      li.append(el('div', { class: 'hop' }, `${at.data('label')} — ${e.relation}${e.values.length ? ' (' + e.values.join(', ') + ')' : ''} — ${next.data('label')}`));
      for (const x of e.evidence) {
        const box = el('div', { class: 'evidence' });
        box.append(el('div', {}, x.sentence));
        box.append(el('div', { class: 'meta' }, `${x.doc}${x.date ? ', ' + x.date : ''} · ${x.rule}`));
        li.append(box);
      }
      hops.append(li);
      at = next;
    });
    details.append(hops);
  });

  applyFilters();
})();
