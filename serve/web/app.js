// irgraph serve's page: the graph drawn as it is explored, never whole.
// Every text from the store is inserted as text (textContent), never as markup.
'use strict';
(() => {
  const Graph = graphology.Graph || graphology;
  const SigmaClass = Sigma.Sigma || Sigma.default || Sigma;
  const colours = { Country: '#7f8c8d', Official: '#d9822b', Agreement: '#8e44ad', Place: '#3b6fd8', Organization: '#27ae60' };
  const graph = new Graph({ multi: false, type: 'directed', allowSelfLoops: false });
  const state = { dateLimit: null, highlighted: new Set(), editable: false };
  const renderer = new SigmaClass(graph, document.getElementById('graph'), {
    enableEdgeEvents: true,
    renderEdgeLabels: false,
    defaultEdgeType: 'arrow',
    labelRenderedSizeThreshold: 4,
    edgeReducer: (edge, attrs) => {
      const out = { ...attrs };
      if (state.dateLimit && attrs.firstDate && attrs.firstDate > state.dateLimit) out.hidden = true;
      if (state.dateLimit && !attrs.firstDate) out.hidden = true;
      if (state.highlighted.size && !state.highlighted.has(edge)) out.color = '#d8d8d8';
      return out;
    },
  });
  window.irgraphView = { graph, renderer };  // for tests and the console

  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const api = async (path, params) => {
    const res = await fetch(`/api/${path}?${new URLSearchParams(params)}`);
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    return body;
  };
  const details = $('details');
  const show = (...nodes) => details.replaceChildren(...nodes);
  const fail = (e) => show(el('p', e.message, 'error'));
  const send = async (method, params, body) => {
    const res = await fetch(`/api/curation?${new URLSearchParams(params)}`, {
      method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await res.json();
    if (!res.ok) throw new Error(answer.error || res.statusText);
    return answer;
  };
  // after a curation the drawing starts again from the entity the rule leaves
  const redraw = async (key, message) => {
    graph.clear();
    state.highlighted = new Set();
    await expand(key);
    await showEntity(key);
    details.prepend(el('p', message, 'source'));
  };
  /// A small form: a choice of action, a text, a note; `apply(action, text, note)` makes the rule.
  const curationForm = (choices, apply) => {
    const form = el('form', undefined, 'curate');
    const select = el('select');
    for (const [value, label] of choices) {
      const o = el('option', label);
      o.value = value;
      select.append(o);
    }
    const text = el('input');
    text.placeholder = 'name';
    const note = el('input');
    note.placeholder = 'note (why)';
    const button = el('button', 'Apply');
    button.type = 'submit';
    form.append(select, text, note, button);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      apply(select.value, text.value, note.value).catch(fail);
    });
    return form;
  };

  // --- drawing ---------------------------------------------------------------
  const addNode = (n, near) => {
    if (graph.hasNode(n.key)) return;
    const angle = Math.random() * 2 * Math.PI;
    const from = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : { x: 0, y: 0 };
    const r = near ? 1 + Math.random() : 0;
    graph.addNode(n.key, {
      label: n.name, kind: n.type, relations: n.relations || 0, x: from.x + r * Math.cos(angle), y: from.y + r * Math.sin(angle),
      size: 4 + Math.min(12, Math.sqrt(n.relations || 1) * 2), color: colours[n.type] || '#555',
    });
  };
  const addEdge = (e) => {
    const key = String(e.id);
    if (graph.hasEdge(key) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) return;
    graph.addEdgeWithKey(key, e.source, e.target, {
      label: e.relation, relation: e.relation, size: 1 + Math.min(5, e.evidence || 1),
      color: '#9aa5b1', firstDate: e.firstDate, lastDate: e.lastDate,
    });
  };
  const updateSlider = () => {
    const dates = [];
    graph.forEachEdge((_, a) => { if (a.firstDate) dates.push(a.firstDate); });
    dates.sort();
    const slider = $('date-slider');
    state.dates = [...new Set(dates)];
    slider.disabled = state.dates.length === 0;
    slider.max = String(state.dates.length);
    if (!state.dateLimit) slider.value = slider.max;
  };
  const expand = async (key) => {
    const hood = await api('neighbourhood', { key, depth: 1, limit: 200 });
    addNode(hood.center, null);
    for (const n of hood.nodes) addNode(n, hood.center.key);
    for (const e of hood.edges) addEdge(e);
    updateSlider();
    renderer.refresh();
    return hood;
  };

  // --- panels ----------------------------------------------------------------
  const evidenceList = (evidence, documents) => {
    const titles = new Map((documents || []).map((d) => [d.id, d]));
    const out = [];
    for (const ev of evidence) {
      out.push(el('blockquote', ev.sentence));
      const d = titles.get(ev.document);
      const date = ev.date || (d && d.date) || 'undated';
      out.push(el('div', `${d && d.title ? d.title : ev.document} · ${date}`, 'source'));
    }
    return out;
  };
  const showEntity = async (key) => {
    const e = await api('entity', { key });
    const parts = [el('h3', e.name), el('div', `${e.type} · ${e.key}${e.country ? ' · ' + e.country : ''}`, 'source')];
    if (e.aliases.length) parts.push(el('div', 'also: ' + e.aliases.map((a) => a.name).join(', ')));
    for (const r of e.curation) {
      const line = el('div', `curation rule ${r.id}: ${r.description}`, 'source');
      if (state.editable) {
        const undo = el('button', 'undo');
        undo.addEventListener('click', () => send('DELETE', { id: r.id }).then(() => redraw(e.key, `rule ${r.id} undone`)).catch(fail));
        line.append(' ', undo);
      }
      parts.push(line);
    }
    if (state.editable) {
      parts.push(curationForm([['rename', 'rename to'], ['merge', 'merge into'], ['split', 'split this name off'], ['block', 'block this name']],
        async (action, text, note) => {
          const rule = action === 'block' ? { action, subject: text || e.name }
            : { action, subject: e.key, object: text };
          rule.note = note;
          const made = await send('POST', {}, rule);
          await redraw(action === 'merge' ? made.object : e.key, `rule ${made.id}: ${made.description}`);
        }));
    }
    const list = el('ul', undefined, 'relations');
    for (const r of e.relations.slice(0, 100)) {
      const li = el('li', `${r.direction === 'out' ? '→' : '←'} ${r.relation}${r.values.length ? ' (' + r.values[0] + ')' : ''} ${r.other.name} ×${r.evidence.length}`);
      list.append(li);
    }
    parts.push(el('div', `${e.relationsTotal || e.relations.length} relations, in ${e.documents} documents`), list);
    show(...parts);
  };
  const showRelation = async (id) => {
    const r = await api('relation', { id });
    show(el('h3', `${r.source.name} —${r.relation}${r.values.length ? ' (' + r.values.join(', ') + ')' : ''}→ ${r.target.name}`),
      el('div', `${r.evidence.length} evidence item${r.evidence.length === 1 ? '' : 's'}`, 'source'),
      ...evidenceList(r.evidence, r.documents));
    if (state.editable) {
      details.append(curationForm([['reject', 'reject this relation']], async (action, text, note) => {
        const made = await send('POST', {}, { action, subject: r.source.key, relation: r.relation, object: r.target.key, note: note || text });
        await redraw(r.source.key, `rule ${made.id}: ${made.description}`);
      }));
    }
  };
  const showPaths = (result) => {
    state.highlighted = new Set();
    const parts = [el('h3', `${result.from.name} → ${result.to.name}`)];
    if (!result.paths.length) parts.push(el('p', 'No connection.', 'error'));
    // new entities of a connection go on a row below what is drawn, in path order
    let bottom = 0, left = 0;
    graph.forEachNode((_, a) => { bottom = Math.max(bottom, a.y); left = Math.min(left, a.x); });
    result.paths.forEach((p, i) => {
      parts.push(el('h4', `Connection ${i + 1}: ${p.hops} hop${p.hops === 1 ? '' : 's'} (cost ${p.cost})`));
      const place = (n, j) => {
        if (graph.hasNode(n.key)) return;
        addNode(n, null);
        graph.mergeNodeAttributes(n.key, { x: left + j * 1.5, y: bottom + 1.5 * (i + 1) });
      };
      p.steps.forEach((s, j) => {
        place(s.from, j);
        place(s.to, j + 1);
        const hop = el('div', undefined, 'hop');
        hop.append(el('h4', `${j + 1}. ${s.from.name} ${s.forward ? '—' + s.relation + '→' : '←' + s.relation + '—'} ${s.to.name}`));
        hop.append(...evidenceList(s.evidence.slice(0, 3)));
        parts.push(hop);
      });
    });
    show(...parts);
    // the first connection's relations, drawn and highlighted
    if (result.paths.length) {
      const keys = result.paths[0].steps.map((s) => [s.from.key, s.to.key]);
      Promise.all(keys.map(([a]) => api('neighbourhood', { key: a, depth: 1, limit: 500 }))).then((hoods) => {
        hoods.forEach((h) => h.edges.forEach((e) => {
          if (keys.some(([a, b]) => (e.source === a && e.target === b) || (e.source === b && e.target === a))) {
            addEdge(e);
            state.highlighted.add(String(e.id));
          }
        }));
        updateSlider();
        renderer.refresh();
      }).catch(fail);
    }
  };

  // --- search with suggestions ---------------------------------------------
  const search = $('search');
  const suggestions = $('suggestions');
  let pending = 0;
  search.addEventListener('input', async () => {
    const q = search.value.trim();
    const mine = ++pending;
    if (!q) { suggestions.hidden = true; return; }
    try {
      const r = await api('search', { q, limit: 10 });
      if (mine !== pending) return;  // a later keystroke answered first
      suggestions.replaceChildren(...r.entities.map((e) => {
        const li = el('li', e.name);
        li.setAttribute('role', 'option');
        li.dataset.key = e.key;
        li.append(el('span', `${e.type} · ${e.relations} relations`, 'type'));
        li.addEventListener('click', () => choose(e.key));
        return li;
      }));
      suggestions.hidden = r.entities.length === 0;
    } catch (e) { fail(e); }
  });
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && suggestions.firstChild) choose(suggestions.firstChild.dataset.key);
  });
  const choose = async (key) => {
    suggestions.hidden = true;
    try {
      await expand(key);
      await showEntity(key);
    } catch (e) { fail(e); }
  };

  // --- interactions ----------------------------------------------------------
  renderer.on('clickNode', ({ node }) => { expand(node).then(() => showEntity(node)).catch(fail); });
  renderer.on('clickEdge', ({ edge }) => { showRelation(edge).catch(fail); });
  $('path-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    api('path', { from: $('path-from').value, to: $('path-to').value, k: $('path-k').value, byHops: $('path-hops').checked })
      .then(showPaths).catch(fail);
  });
  $('date-slider').addEventListener('input', (ev) => {
    const i = Number(ev.target.value);
    state.dateLimit = i >= state.dates.length ? null : state.dates[i];
    $('date-label').textContent = state.dateLimit || 'any date';
    renderer.refresh();
  });
  // usable now: search, clicks and the path panel are wired; the counts come when the store has made them
  document.body.dataset.ready = 'true';
  api('curation', {}).then((c) => { state.editable = c.editable; }).catch(fail);
  api('stats', {}).then((s) => {
    $('stats').textContent = `${s.documents} documents · ${s.nodes} entities · ${s.relations} relations`;
  }).catch(fail);
})();
