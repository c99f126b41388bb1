// The permeq HTML report's script. It reads the data embedded in the page (the JSON report and
// the graph's structure), lays the graph out in layers, draws it as inline SVG and fills the node
// panel when a node is clicked. No libraries and no network: the page must work when opened from
// a CI artifact or a mail attachment. Compiled into permeq as a string (html_assets.cpp.in), so it
// must not contain the at sign or the raw-string delimiter.
(function () {
  'use strict';
  const scriptStart = performance.now();
  const data = JSON.parse(document.getElementById('permeq-data').textContent);
  const report = data.report;
  const graph = data.graph;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  // ---- small DOM helpers ------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'onclick') e.addEventListener('click', v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }
  // Exact numbers can have hundreds of digits: tables and lists show the ends, the tooltip all.
  function shortNumber(text) { return text.length <= 32 ? text : text.slice(0, 14) + '\u2026' + text.slice(-10); }
  function verdictText(v) { return v === 'breaks' ? 'BREAKS' : v; }
  function badge(v, permitted) {
    return el('span', { class: 'badge ' + verdictClass(v, permitted) }, verdictText(v) + (permitted ? ' (permitted)' : ''));
  }
  function verdictClass(v, permitted) {
    if (v === 'breaks') return permitted ? 'v-permitted' : 'v-breaks';
    if (v === 'equivariant' || v === 'invariant') return 'v-holds';
    if (v === 'inherits' || v === 'unknown') return 'v-' + v;
    return 'v-none';
  }
  const severity = { breaks: 4, unknown: 3, inherits: 2, permitted: 1, equivariant: 0, invariant: 0 };
  function worstOf(list) {
    let worst = null;
    for (const n of list) {
      const key = n.verdict === 'breaks' && n.permitted ? 'permitted' : n.verdict;
      if (worst === null || severity[key] > severity[worst.key]) worst = { key, node: n };
    }
    return worst;
  }
  function dl(rows) {
    const list = el('dl', {});
    for (const [term, value] of rows) {
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      list.append(el('dt', {}, term), el('dd', {}, value));
    }
    return list;
  }

  // ---- views: which report colours the graph ----------------------------------------------
  // A view is a report whose nodes are the drawn graph's nodes: the main forward report, its
  // instance (numeric) report, the intra-token report. A backward-only report checks the gradient
  // graph; its nodes name the forward node whose derivative rule emitted them ("origin"), and the
  // forward node shows the worst of them.
  function indexNodes(r) { return new Map(r.nodes.map((n) => [n.node, n])); }
  const views = [];
  if (report.direction === 'forward') {
    views.push({ key: 'main', label: report.property === 'intra' ? 'feature permutations' : 'token permutations', report, nodes: indexNodes(report) });
  } else {
    const origins = new Map();
    for (const n of report.nodes) {
      if (n.origin === 'loss') continue;
      const forward = n.origin || n.node;  // the forward nodes themselves have no origin
      if (!origins.has(forward)) origins.set(forward, []);
      origins.get(forward).push(n);
    }
    views.push({ key: 'main', label: 'backward: the worst over each node\u2019s derivative rule', report, nodes: new Map(), origins });
  }
  if (report.instance) {
    const inst = report.instance;
    views.push({ key: 'instance', label: 'instance: ' + inst.engine.name + ', ' + (inst.weights === 'stored' ? 'the stored weights' : 'random weights'), report: inst, nodes: indexNodes(inst) });
  }
  if (report.intra) views.push({ key: 'intra', label: 'feature permutations (intra-token)', report: report.intra, nodes: indexNodes(report.intra) });
  let view = views[0];

  function verdictIn(v, name) {
    if (v.origins) {
      const list = v.origins.get(name);
      return list ? worstOf(list).key : null;
    }
    const n = v.nodes.get(name);
    if (!n) return null;
    return n.verdict === 'breaks' && n.permitted ? 'permitted' : n.verdict;
  }
  function classOfKey(key) {
    if (key === 'permitted') return 'v-permitted';
    return verdictClass(key, false);
  }

  // ---- graph structure: topological order, module clusters ---------------------------------
  const nodes = graph.nodes;
  const byName = new Map(nodes.map((n, k) => [n.name, k]));
  const topo = (function () {
    const indegree = nodes.map((n) => n.in.filter((p) => p >= 0).length);
    const users = nodes.map(() => []);
    nodes.forEach((n, k) => n.in.forEach((p) => { if (p >= 0) users[p].push(k); }));
    const order = [];
    const queue = [];
    indegree.forEach((d, k) => { if (d === 0) queue.push(k); });
    for (let head = 0; head < queue.length; ++head) {
      const k = queue[head];
      order.push(k);
      for (const u of users[k]) if (--indegree[u] === 0) queue.push(u);
    }
    return order;
  })();
  const position = new Map(topo.map((k, i) => [k, i]));

  const clusters = new Map();  // path -> {path, label, depth, members (node indices, nested too), children}
  nodes.forEach((n, k) => {
    if (!n.scope) return;
    let path = '';
    n.scope.split('/').forEach((part, depth) => {
      const parent = path;
      path = path ? path + '/' + part : part;
      if (!clusters.has(path)) {
        clusters.set(path, { path, label: part, depth, parent, members: [], children: [] });
        if (parent) clusters.get(parent).children.push(path);
      }
      clusters.get(path).members.push(k);
    });
  });

  // The first culprit and the path to it from a permuted input (computed by permeq).
  const pathNames = data.path || [];
  const onPath = new Set(pathNames);

  // Folding: repeated blocks (sibling modules with the same operators in the same order) fold
  // into one box each in large graphs, except the ones the highlighted path (to the first culprit)
  // runs through; a folded box is coloured by the worst verdict inside it.
  const collapsed = new Set();
  function signature(c) { return c.members.map((k) => nodes[k].op).join(','); }
  function foldRepeated() {
    collapsed.clear();
    const bySignature = new Map();
    for (const c of clusters.values()) {
      const key = c.parent + '\u0000' + signature(c);
      bySignature.set(key, (bySignature.get(key) || 0) + 1);
    }
    for (const c of clusters.values()) {
      if (bySignature.get(c.parent + '\u0000' + signature(c)) < 2) continue;
      const keep = c.members.some((k) => onPath.has(nodes[k].name));
      if (!keep) collapsed.add(c.path);
    }
  }
  if (nodes.length > data.fold_above_nodes) foldRepeated();

  // ---- layout -----------------------------------------------------------------------------
  const RANK_GAP = 64, NODE_H = 36, GAP_X = 18, MARGIN = 30;
  function unitOf(k) {
    const scope = nodes[k].scope;
    if (scope) {
      let path = '';
      for (const part of scope.split('/')) {
        path = path ? path + '/' + part : part;
        if (collapsed.has(path)) return 'c:' + path;
      }
    }
    return 'n:' + k;
  }
  function sourceUnit(p) { return p >= 0 ? unitOf(p) : 'i:' + (-1 - p); }
  function textWidth(text) { return Math.min(260, Math.max(80, 7 * text.length + 22)); }

  function layout() {
    const units = new Map();
    const edges = new Map();
    function unit(id) {
      let u = units.get(id);
      if (u) return u;
      u = { id, rank: 0, preds: [], succs: [] };
      if (id.startsWith('n:')) {
        const n = nodes[+id.slice(2)];
        u.kind = 'node';
        u.name = n.name;
        u.title = n.name.slice(n.name.lastIndexOf('/') + 1);
        u.sub = n.op;
      } else if (id.startsWith('c:')) {
        const c = clusters.get(id.slice(2));
        u.kind = 'cluster';
        u.cluster = c;
        u.title = c.path;
        u.sub = c.members.length + ' nodes';
      } else if (id.startsWith('i:')) {
        const input = graph.inputs[+id.slice(2)];
        u.kind = 'input';
        u.name = input.name;
        u.title = input.name;
        u.sub = input.permuted ? 'input (permuted)' : 'input';
        u.permuted = input.permuted;
      } else {
        const output = graph.outputs[+id.slice(2)];
        u.kind = 'output';
        u.name = output.name;
        u.title = output.name;
        u.sub = 'output';
      }
      u.w = Math.max(textWidth(u.title), textWidth(u.sub));
      units.set(id, u);
      return u;
    }
    function edge(from, to) {
      const key = from + '>' + to;
      if (from === to || edges.has(key)) return;
      edges.set(key, { from, to });
      units.get(from).succs.push(to);
      units.get(to).preds.push(from);
    }
    graph.inputs.forEach((_, j) => unit('i:' + j));
    for (const k of topo) {
      const id = unitOf(k);
      const u = unit(id);
      for (const p of nodes[k].in) {
        const from = sourceUnit(p);
        if (from === id) continue;
        const f = unit(from);
        u.rank = Math.max(u.rank, f.rank + 1);
        edge(from, id);
      }
    }
    graph.outputs.forEach((o, j) => {
      const u = unit('o:' + j);
      if (o.producer === null) return;
      const from = sourceUnit(o.producer);
      u.rank = units.get(from).rank + 1;
      edge(from, u.id);
    });
    // Longest paths from the inputs put a constant and what is computed from it alone (a mask)
    // at the top; pulled down to just above their first consumer, each block stays in its band.
    for (const u of [...units.values()].reverse()) {
      if (u.succs.length === 0 || u.kind === 'output') continue;
      const below = Math.min(...u.succs.map((id) => units.get(id).rank)) - 1;
      if (below > u.rank) u.rank = below;
    }

    const ranks = [];
    for (const u of units.values()) (ranks[u.rank] = ranks[u.rank] || []).push(u);
    for (let r = 0; r < ranks.length; ++r) ranks[r] = ranks[r] || [];
    ranks.forEach((row) => row.forEach((u, i) => { u.order = i; }));
    // Barycentre sweeps reduce crossings.
    const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
    for (let sweep = 0; sweep < 4; ++sweep) {
      const down = sweep % 2 === 0;
      const sequence = down ? ranks.map((_, r) => r) : ranks.map((_, r) => ranks.length - 1 - r);
      for (const r of sequence) {
        const row = ranks[r];
        for (const u of row) {
          const near = (down ? u.preds : u.succs).map((id) => units.get(id)).filter((v) => (down ? v.rank < r : v.rank > r));
          u.key = near.length ? mean(near.map((v) => v.order)) : u.order;
        }
        row.sort((a, b) => a.key - b.key);
        row.forEach((u, i) => { u.order = i; });
      }
    }
    // x: each unit under the mean of its predecessors, pushed right to keep its neighbours apart.
    for (const row of ranks) {
      let right = -Infinity;
      for (const u of row) {
        const preds = u.preds.map((id) => units.get(id)).filter((v) => v.rank < u.rank && v.x !== undefined);
        let x = preds.length ? mean(preds.map((v) => v.x)) : right + u.w / 2 + GAP_X;
        if (!isFinite(x)) x = u.w / 2;
        x = Math.max(x, right + u.w / 2 + GAP_X);
        u.x = x;
        right = x + u.w / 2;
      }
    }
    let minX = Infinity, maxX = -Infinity;
    for (const u of units.values()) { minX = Math.min(minX, u.x - u.w / 2); maxX = Math.max(maxX, u.x + u.w / 2); }
    for (const u of units.values()) { u.x += MARGIN - minX; u.y = MARGIN + 20 + u.rank * RANK_GAP; }
    return { units, edges: [...edges.values()], width: maxX - minX + 2 * MARGIN, height: MARGIN * 2 + 20 + ranks.length * RANK_GAP };
  }

  // ---- drawing ----------------------------------------------------------------------------
  const graphBox = el('div', { id: 'graph', class: 'graph' });
  let selectedName = null;

  function unitVerdict(u) {
    if (u.kind === 'node') return verdictIn(view, u.name);
    if (u.kind === 'cluster') {
      let worst = null;
      for (const k of u.cluster.members) {
        const v = verdictIn(view, nodes[k].name);
        if (v && (worst === null || severity[v] > severity[worst])) worst = v;
      }
      return worst;
    }
    if (u.kind === 'output') {
      const o = view.report.outputs.find((x) => x.output === u.name);
      return o ? o.verdict : null;
    }
    return null;
  }

  function draw() {
    const { units, edges, width, height } = layout();
    const root = svg('svg', { width: Math.ceil(width), height: Math.ceil(height), viewBox: '0 0 ' + Math.ceil(width) + ' ' + Math.ceil(height), role: 'img' });
    const defs = svg('defs');
    for (const [id, cls] of [['arrow', 'arrowhead'], ['arrow-path', 'arrowhead on-path']]) {
      const marker = svg('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto' });
      marker.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: cls }));
      defs.appendChild(marker);
    }
    root.appendChild(defs);

    // Expanded clusters: boxes around their visible members, outermost first.
    const boxes = new Map();
    const sortedClusters = [...clusters.values()].sort((a, b) => b.depth - a.depth);
    for (const c of sortedClusters) {
      if (collapsed.has(c.path) || [...collapsed].some((p) => c.path.startsWith(p + '/'))) continue;
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const k of c.members) {
        const u = units.get(unitOf(k));
        if (!u) continue;
        x0 = Math.min(x0, u.x - u.w / 2); x1 = Math.max(x1, u.x + u.w / 2);
        y0 = Math.min(y0, u.y - NODE_H / 2); y1 = Math.max(y1, u.y + NODE_H / 2);
      }
      for (const child of c.children) {
        const b = boxes.get(child);
        if (b) { x0 = Math.min(x0, b.x0); x1 = Math.max(x1, b.x1); y0 = Math.min(y0, b.y0); y1 = Math.max(y1, b.y1); }
      }
      if (!isFinite(x0)) continue;
      boxes.set(c.path, { x0: x0 - 8, y0: y0 - 18, x1: x1 + 8, y1: y1 + 8 });
    }
    const clusterLayer = svg('g', { class: 'clusters' });
    for (const c of [...clusters.values()].sort((a, b) => a.depth - b.depth)) {
      const b = boxes.get(c.path);
      if (!b) continue;
      const g = svg('g', { class: 'cluster', 'data-cluster': c.path });
      const title = svg('title');
      title.textContent = c.path + ' (click the label to fold)';
      g.appendChild(title);
      g.appendChild(svg('rect', { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0, rx: 8 }));
      const label = svg('text', { x: b.x0 + 8, y: b.y0 + 13, class: 'cluster-label' });
      label.textContent = '\u25BE ' + c.label;
      label.addEventListener('click', (e) => { e.stopPropagation(); collapsed.add(c.path); draw(); });
      g.appendChild(label);
      clusterLayer.appendChild(g);
    }
    root.appendChild(clusterLayer);

    // Edges; the ones along the path to the first culprit are highlighted.
    const pathUnits = pathNames.map((name) => {
      if (byName.has(name)) return unitOf(byName.get(name));
      const j = graph.inputs.findIndex((i) => i.name === name);
      return j >= 0 ? 'i:' + j : null;
    });
    const pathEdges = new Set();
    for (let i = 1; i < pathUnits.length; ++i) if (pathUnits[i - 1] !== pathUnits[i]) pathEdges.add(pathUnits[i - 1] + '>' + pathUnits[i]);
    const edgeLayer = svg('g', { class: 'edges' });
    for (const e of edges) {
      const a = units.get(e.from), b = units.get(e.to);
      const x1 = a.x, y1 = a.y + NODE_H / 2, x2 = b.x, y2 = b.y - NODE_H / 2;
      const bend = Math.max(20, (y2 - y1) / 2);
      const highlighted = pathEdges.has(e.from + '>' + e.to);
      edgeLayer.appendChild(svg('path', {
        d: 'M' + x1 + ',' + y1 + ' C' + x1 + ',' + (y1 + bend) + ' ' + x2 + ',' + (y2 - bend) + ' ' + x2 + ',' + y2,
        class: highlighted ? 'edge on-path' : 'edge', 'marker-end': highlighted ? 'url(#arrow-path)' : 'url(#arrow)',
      }));
    }
    root.appendChild(edgeLayer);

    const nodeLayer = svg('g', { class: 'units' });
    const pathUnitSet = new Set(pathUnits);
    for (const u of units.values()) {
      const verdict = unitVerdict(u);
      const classes = ['unit', 'kind-' + u.kind, verdict ? classOfKey(verdict) : 'v-none'];
      if (pathUnitSet.has(u.id)) classes.push('on-path');
      if (u.kind === 'input' && u.permuted) classes.push('permuted');
      if (u.name && u.name === selectedName) classes.push('selected');
      const g = svg('g', { class: classes.join(' '), transform: 'translate(' + (u.x - u.w / 2) + ',' + (u.y - NODE_H / 2) + ')' });
      if (u.kind === 'node') g.setAttribute('data-node', u.name);
      if (u.kind === 'cluster') g.setAttribute('data-folded', u.cluster.path);
      const tip = svg('title');
      tip.textContent = (u.name || u.title) + (verdict ? ': ' + verdict : '') + (u.kind === 'cluster' ? ' (click to unfold)' : '');
      g.appendChild(tip);
      const shape = u.kind === 'input' || u.kind === 'output'
        ? svg('rect', { width: u.w, height: NODE_H, rx: NODE_H / 2 })
        : svg('rect', { width: u.w, height: NODE_H, rx: u.kind === 'cluster' ? 3 : 7 });
      g.appendChild(shape);
      if (u.kind === 'cluster') g.appendChild(svg('rect', { class: 'stack', x: 4, y: 4, width: u.w - 8, height: NODE_H - 8, rx: 2 }));
      const title = svg('text', { x: u.w / 2, y: 15, class: 'title' });
      title.textContent = u.kind === 'cluster' ? '\u25B8 ' + u.title : u.title;
      const sub = svg('text', { x: u.w / 2, y: 29, class: 'sub' });
      let note = u.kind === 'node' && verdict && verdict !== 'equivariant' && verdict !== 'invariant' ? ' \u00B7 ' + verdictText(verdict) : '';
      if (u.kind === 'cluster') {
        const culprits = u.cluster.members.filter((k) => verdictIn(view, nodes[k].name) === 'breaks').length;
        if (culprits) note = ' \u00B7 ' + culprits + (culprits === 1 ? ' culprit' : ' culprits');
      }
      sub.textContent = u.sub + note;
      g.append(title, sub);
      g.addEventListener('click', () => {
        if (u.kind === 'cluster') { collapsed.delete(u.cluster.path); draw(); return; }
        if (u.kind === 'node') selectNode(u.name);
        if (u.kind === 'output') showOutput(u.name);
      });
      nodeLayer.appendChild(g);
    }
    root.appendChild(nodeLayer);
    graphBox.replaceChildren(root);
  }

  // ---- node panel -------------------------------------------------------------------------
  const panel = el('div', { id: 'panel', class: 'panel' });

  function selectNode(name) {
    selectedName = name;
    for (const g of graphBox.querySelectorAll('.unit.selected')) g.classList.remove('selected');
    const g = graphBox.querySelector('[data-node="' + CSS.escape(name) + '"]');
    if (g) g.classList.add('selected');
    if (view.origins) showRule(name);
    else showNode(view.report, view.nodes.get(name), name);
  }

  function nodeLink(name, onclick) {
    return el('a', { href: '#', class: 'node-link', onclick: (e) => { e.preventDefault(); onclick(name); } }, name);
  }

  function showNode(r, n, name) {
    panel.replaceChildren();
    if (!n) {
      panel.append(el('h2', {}, name), el('p', {}, 'This check does not report this node.'));
      return;
    }
    const heading = el('h2', {}, n.node);
    const proof = n.proved ? (n.size_generic ? 'proved for all n and all widths' : 'proved (bounded)') + (n.proof_scope ? ': ' + n.proof_scope : '') : 'not proved';
    panel.append(heading, el('p', {}, badge(n.verdict, n.permitted !== null && n.permitted !== undefined), ' ', el('span', { class: 'muted' }, r.property === 'intra' ? 'feature permutations' : 'token permutations', r.direction === 'backward' ? ', backward' : '', r.weights === 'stored' ? ', stored weights' : '')));
    panel.append(dl([
      ['operator', n.op],
      ['scope', n.scope || '(top level)'],
      ['method', n.method],
      ['proof', n.method === 'static' ? 'none needed: no input depends on the permuted inputs' : n.verdict === 'breaks' ? 'refuted: the exact witness below' : proof],
      ['assumptions', n.assumptions.length ? el('ul', {}, n.assumptions.map((a) => el('li', {}, a))) : null],
      ['miss probability', n.miss_probability ? '\u2264 ' + n.miss_probability.toExponential(1) : null],
      ['note', n.note],
      ['inherits from', n.inherited_from.length ? el('span', {}, n.inherited_from.map((c, i) => [i ? ', ' : '', nodeLink(c, (x) => locate(x))])) : null],
      ['permitted', n.permitted],
      ['derivative rule of', n.origin ? (n.origin === 'loss' ? 'the loss' : n.origin) : null],
      ['backward', n.backward ? el('span', {}, badge(n.backward.verdict), n.backward.proved ? ' proved' : '') : null],
      ['numeric', n.numeric ? 'max |f(\u03C3x) \u2212 \u03C3f(x)| = ' + n.numeric.max_abs_error.toPrecision(3) + (n.numeric.tolerance !== null ? ', tolerance ' + n.numeric.tolerance.toPrecision(3) : '') : null],
    ]));

    // The claim: how each input transforms, and the action claimed for the output.
    const claim = el('table', { class: 'claim' }, el('tr', {}, el('th', {}, 'value'), el('th', {}, 'action')));
    for (const i of n.inputs) claim.append(el('tr', {}, el('td', {}, 'input ', el('code', {}, i.value)), el('td', {}, i.action)));
    claim.append(el('tr', { class: 'output-row' }, el('td', {}, 'output (claimed)'), el('td', {}, n.action || '\u2014')));
    panel.append(el('h3', {}, 'Claimed action'), claim);

    // The same node in the other checks (instance beside architecture, intra beside inter).
    const others = views.filter((v) => v.report !== r && v.nodes.has(n.node));
    if (others.length) {
      const t = el('table', { class: 'others' }, el('tr', {}, el('th', {}, 'check'), el('th', {}, 'verdict'), el('th', {}, 'method'), el('th', {}, 'largest |f(\u03C3x) \u2212 \u03C3f(x)|')));
      for (const v of others) {
        const m = v.nodes.get(n.node);
        t.append(el('tr', {}, el('td', {}, v.label), el('td', {}, badge(m.verdict, m.permitted !== null && m.permitted !== undefined)), el('td', {}, m.method),
          el('td', {}, m.numeric ? m.numeric.max_abs_error.toPrecision(3) + (m.numeric.tolerance !== null ? ' (tolerance ' + m.numeric.tolerance.toPrecision(3) + ')' : '') : '\u2014')));
      }
      panel.append(el('h3', {}, 'In the other checks'), t);
    }
    if (n.witness) panel.append(witnessView(n.witness));
  }

  function showRule(name) {
    const list = view.origins.get(name) || [];
    panel.replaceChildren(el('h2', {}, name), el('p', { class: 'muted' }, 'Backward check: this node in the gradient graph and the nodes its derivative rule adds.'));
    if (!list.length) { panel.append(el('p', {}, 'No gradient flows through this node.')); return; }
    panel.append(gradientTable(list));
  }

  function gradientTable(list) {
    const t = el('table', { class: 'nodes' }, el('tr', {}, el('th', {}, 'node'), el('th', {}, 'op'), el('th', {}, 'verdict'), el('th', {}, 'method')));
    const r = report.direction === 'backward' ? report : report.backward;
    for (const m of list)
      t.append(el('tr', {}, el('td', {}, nodeLink(m.node, () => showNode(r, m, m.node))), el('td', {}, m.op), el('td', {}, badge(m.verdict, m.permitted !== null && m.permitted !== undefined)), el('td', {}, m.method)));
    return t;
  }

  function showOutput(name) {
    panel.replaceChildren(el('h2', {}, 'output ' + name));
    const o = view.report.outputs.find((x) => x.output === name);
    if (!o) return;
    panel.append(el('p', {}, badge(o.verdict)), dl([
      ['action', o.action],
      ['proof', o.proved ? 'proved: ' + o.proof_scope : 'not proved'],
      ['culprits', o.culprits.length ? el('span', {}, o.culprits.map((c, i) => [i ? ', ' : '', culpritLink(view.report, c)])) : null],
      ['assumes permitted', o.assumed.join(', ')],
      ['note', o.note],
    ]));
  }

  // ---- witness tables ---------------------------------------------------------------------
  function windowAround(length, centre, size) {
    if (length <= size) return [0, length];
    const start = Math.max(0, Math.min(length - size, centre - Math.floor(size / 2)));
    return [start, start + size];
  }

  // One tensor as a table: a matrix (the slice holding the marked entry for higher ranks), cut to
  // a window around it; entries that differ from `other` are marked, the first difference strongly.
  function tensorTable(t, other, mark) {
    const shape = t.shape, rank = shape.length;
    const strides = shape.map((_, a) => shape.slice(a + 1).reduce((x, y) => x * y, 1));
    const lead = [];
    for (let a = 0; a + 2 < rank; ++a) lead.push(mark ? mark[a] : 0);
    const rows = rank >= 2 ? shape[rank - 2] : 1, cols = rank >= 1 ? shape[rank - 1] : 1;
    const markRow = mark && rank >= 2 ? mark[rank - 2] : 0, markCol = mark && rank >= 1 ? mark[rank - 1] : 0;
    const [r0, r1] = windowAround(rows, markRow, 12), [c0, c1] = windowAround(cols, markCol, 10);
    const base = lead.reduce((s, i, a) => s + i * strides[a], 0);
    const table = el('table', { class: 'tensor' });
    const head = el('tr', {}, el('th', {}, ''));
    for (let c = c0; c < c1; ++c) head.append(el('th', {}, String(c)));
    table.append(head);
    for (let r = r0; r < r1; ++r) {
      const tr = el('tr', {}, el('th', {}, rank >= 2 ? String(r) : ''));
      for (let c = c0; c < c1; ++c) {
        const flat = base + (rank >= 2 ? r * strides[rank - 2] : 0) + (rank >= 1 ? c * strides[rank - 1] : 0);
        const value = t.values[flat];
        const isMark = mark && (rank < 2 || r === markRow) && (rank < 1 || c === markCol);
        const differs = other && other.values[flat] !== value;
        const index = lead.concat(rank >= 2 ? [r] : [], rank >= 1 ? [c] : []);
        tr.append(el('td', { class: isMark ? 'first' : differs ? 'diff' : null, title: t.name + '[' + index.join(',') + '] = ' + value }, shortNumber(value)));
      }
      table.append(tr);
    }
    const notes = [];
    if (rank > 2) notes.push('slice [' + lead.join(',') + ',:,:]');
    if (r1 - r0 < rows) notes.push('rows ' + r0 + '\u2013' + (r1 - 1) + ' of ' + rows);
    if (c1 - c0 < cols) notes.push('columns ' + c0 + '\u2013' + (c1 - 1) + ' of ' + cols);
    return el('div', { class: 'tensor-box' }, el('div', { class: 'tensor-caption' }, t.dtype + ' [' + shape.join('\u00D7') + ']' + (notes.length ? ' \u00B7 ' + notes.join(', ') : '')), table);
  }

  function witnessView(w) {
    const box = el('section', { class: 'witness' });
    const d = w.first_difference;
    box.append(el('h3', {}, 'Witness (exact)'));
    box.append(el('p', {}, 'n = ' + w.tokens + ' tokens' + (w.token_dim ? ' (' + w.token_dim + ')' : '') + ', the ' + w.generator + ' \u03C3 = [' + w.permutation.join(', ') + ']: token i of the permuted input is token \u03C3[i] of the original.'));
    box.append(el('p', { class: 'difference' }, el('code', {}, d.value + '[' + d.index.join(',') + ']'), ': f(\u03C3x) = ', el('strong', {}, d.permuted_then_applied), ' but \u03C3f(x) = ', el('strong', {}, d.applied_then_permuted), '.'));
    w.permuted_then_applied.forEach((lhs, i) => {
      const rhs = w.applied_then_permuted.find((x) => x.name === lhs.name) || w.applied_then_permuted[i];
      const mark = lhs.name === d.value ? d.index : null;
      const claimed = w.claimed_output_actions[i] ? w.claimed_output_actions[i].description : '';
      box.append(el('h4', {}, 'Output ', el('code', {}, lhs.name), claimed ? ' (claimed: ' + claimed + ')' : ''));
      box.append(el('div', { class: 'side-by-side' },
        el('div', {}, el('div', { class: 'tensor-title' }, 'f(\u03C3x): the node applied to the permuted inputs'), tensorTable(lhs, rhs, mark)),
        el('div', {}, el('div', { class: 'tensor-title' }, '\u03C3f(x): the node\u2019s output, permuted'), tensorTable(rhs, lhs, mark))));
    });
    box.append(el('h4', {}, 'Inputs of the node'));
    for (const input of w.node_inputs)
      box.append(el('div', { class: 'tensor-title' }, el('code', {}, input.name), ' \u2014 ' + input.action.description), tensorTable(input, null, null));
    return box;
  }

  // ---- locating a node: unfold its modules, select it, scroll to it ------------------------
  function locate(name) {
    if (!byName.has(name)) return;
    const scope = nodes[byName.get(name)].scope;
    let path = '';
    for (const part of (scope ? scope.split('/') : [])) { path = path ? path + '/' + part : part; collapsed.delete(path); }
    draw();
    selectNode(name);
    scrollGraphTo(name);
  }

  // Scrolls the graph's own box (not the page) so that the node is in the middle of it.
  function scrollGraphTo(name) {
    const g = graphBox.querySelector('[data-node="' + CSS.escape(name) + '"]');
    if (!g) return;
    const box = graphBox.getBoundingClientRect(), at = g.getBoundingClientRect();
    graphBox.scrollTop += at.top + at.height / 2 - box.top - graphBox.clientHeight / 2;
    graphBox.scrollLeft += at.left + at.width / 2 - box.left - graphBox.clientWidth / 2;
  }

  // ---- summary and sections -----------------------------------------------------------------
  function headline(r) {
    const code = r.summary.exit_code;
    if (r.policy) return code === 0 ? 'policy met' : code === 1 ? 'policy not met: an output breaks' : 'policy not met: inconclusive';
    return code === 0 ? 'every output equivariant or invariant' : code === 1 ? 'some output breaks' : 'inconclusive';
  }

  // Nodes of a forward report are drawn: the link finds them in the graph. Gradient-graph nodes
  // are not: the link opens their panel.
  function culpritLink(r, name) {
    if (r.direction !== 'backward') return nodeLink(name, locate);
    const n = r.nodes.find((m) => m.node === name);
    return n ? nodeLink(name, () => showNode(r, n, name)) : el('code', {}, name);
  }

  function outputsTable(r, withInstance) {
    const t = el('table', { class: 'outputs' });
    const head = el('tr', {}, el('th', {}, 'output'));
    if (r.direction === 'backward') head.append(el('th', {}, 'role'));
    head.append(el('th', {}, 'verdict'), el('th', {}, 'action'), el('th', {}, 'proof'), el('th', {}, 'culprits'));
    if (withInstance && r.instance) head.append(el('th', {}, 'instance'));
    t.append(head);
    for (const o of r.outputs) {
      const tr = el('tr', {}, el('td', {}, el('code', {}, o.output)));
      if (r.direction === 'backward') tr.append(el('td', {}, o.role + (o.gradient_of ? ' of ' + o.gradient_of : '')));
      tr.append(el('td', {}, badge(o.verdict)), el('td', {}, o.action), el('td', {}, o.proved ? o.proof_scope : o.miss_probability ? 'evidence (miss \u2264 ' + o.miss_probability.toExponential(1) + ')' : '\u2014'),
        el('td', {}, o.culprits.slice(0, 3).map((c, i) => [i ? ', ' : '', culpritLink(r, c)]), o.culprits.length > 3 ? ' and ' + (o.culprits.length - 3) + ' more (below)' : ''));
      if (withInstance && r.instance) {
        const m = r.instance.outputs.find((x) => x.output === o.output);
        tr.append(el('td', {}, m ? badge(m.verdict) : '\u2014'));
      }
      t.append(tr);
    }
    return t;
  }

  function facts(r) {
    // Intra-token: the weight axes of the transform are listed with it; here only the seeds.
    const inTransform = (p) => r.transform && r.transform.rules.some((rule) => rule.parameter === p.input && rule.axis === p.axis);
    const permuted = r.permuted.filter((p) => !inTransform(p)).map((p) => p.input + ':' + p.axis + (p.block ? ' blocks=' + p.block : '') + (p.repeat && p.repeat !== 1 ? ' runs=' + p.repeat : '')).join(', ');
    const timing = Object.entries(r.timing).map(([k, v]) => k + ' ' + v.toFixed(2) + ' s').join(', ');
    return dl([
      ['checked', (r.property === 'intra' ? 'feature permutations, d = ' : 'token permutations, n = ') + r.tokens + ', ' + r.direction + (r.loss ? ', loss ' + r.loss : '')],
      ['permuted', permuted],
      ['engine', r.engine.name + ', ' + r.engine.trials + ' trials per generator, seed ' + r.engine.seed + (r.weights === 'stored' ? ', stored weights' : ', any weights')],
      ['scope', r.scope],
      ['time', timing],
      ['largest exact number', r.summary.largest_rational_bits ? r.summary.largest_rational_bits + ' bits' : null],
    ]);
  }

  function counts(r) {
    const c = { holds: 0, breaks: 0, inherits: 0, unknown: 0 };
    for (const n of r.nodes) {
      if (n.verdict === 'equivariant' || n.verdict === 'invariant') ++c.holds;
      else ++c[n.verdict];
    }
    return r.nodes.length + ' nodes: ' + c.holds + ' hold, ' + c.breaks + ' break, ' + c.inherits + ' inherit, ' + c.unknown + ' unknown';
  }

  function culpritList(r) {
    const culprits = r.nodes.filter((n) => n.verdict === 'breaks');
    if (!culprits.length) return el('p', {}, 'No culprits.');
    const item = (n) => el('li', {},
      culpritLink(r, n.node), ' (' + n.op + ')',
      n.permitted ? ' \u2014 permitted: ' + n.permitted : '',
      n.witness ? ' \u2014 ' + n.witness.first_difference.value + '[' + n.witness.first_difference.index.join(',') + ']: ' + shortNumber(n.witness.first_difference.permuted_then_applied) + ' \u2260 ' + shortNumber(n.witness.first_difference.applied_then_permuted) : '');
    const list = el('ul', { class: 'culprits' }, culprits.slice(0, 5).map(item));
    if (culprits.length <= 5) return list;
    return el('div', {}, list, el('details', {}, el('summary', {}, (culprits.length - 5) + ' more culprits'), el('ul', { class: 'culprits' }, culprits.slice(5).map(item))));
  }

  function summary() {
    const code = report.summary.exit_code;
    const s = el('section', { class: 'summary' });
    s.append(el('h1', {}, 'permeq check: ', el('code', {}, report.graph), ' ', el('span', { class: 'badge ' + (code === 0 ? 'v-holds' : code === 1 ? 'v-breaks' : 'v-unknown') }, headline(report))));
    const left = el('div', {}, el('p', { class: 'muted' }, counts(report)), facts(report));
    for (const w of report.warnings) left.append(el('p', { class: 'warning' }, 'warning: ' + w));
    if (report.transform) left.append(transformView(report.transform));
    left.append(el('h2', {}, 'Command'), el('pre', { class: 'command' }, data.command || '(not recorded)'));
    const right = el('div', {}, el('h2', {}, 'Outputs'), outputsTable(report, true));
    if (report.instance) {
      const inst = report.instance;
      right.append(el('p', { class: 'muted' }, 'instance column: ' + inst.engine.name + ' on ' + (inst.weights === 'stored' ? 'the stored weights' : 'random weights') + ' \u2014 an instance-level verdict with an error model, never a proof.'));
    }
    right.append(el('h2', {}, 'Culprits'), culpritList(report));
    if (report.policy) {
      right.append(el('h2', {}, 'Policy ', el('code', {}, report.policy.source)));
      right.append(el('ul', {}, report.policy.expectations.map((e) => el('li', {}, el('span', { class: 'badge ' + (e.met ? 'v-holds' : 'v-breaks') }, e.met ? 'met' : 'UNMET'), ' ', e.output + ' is ' + e.expected, e.met ? '' : ': ' + e.explanation))));
    }
    s.append(el('div', { class: 'columns' }, left, right));
    return s;
  }

  function backwardSection(r) {
    const s = el('section', { class: 'backward', id: 'backward' });
    s.append(el('h2', {}, 'Backward: gradients of the loss'));
    s.append(el('p', { class: 'muted' }, counts(r)), facts(r));
    for (const k of r.not_differentiable || []) s.append(el('p', { class: 'warning' }, 'not differentiable: ' + k));
    s.append(el('h3', {}, 'Gradients'), outputsTable(r, false));
    s.append(el('h3', {}, 'Culprits'), culpritList(r));
    const flagged = r.nodes.filter((n) => n.verdict === 'breaks' || n.verdict === 'unknown');
    if (flagged.length) s.append(el('h3', {}, 'Gradient-graph nodes that break or are unknown'), gradientTable(flagged));
    const all = el('details', {}, el('summary', {}, 'all ' + r.nodes.length + ' gradient-graph nodes'));
    all.addEventListener('toggle', () => { if (all.open && all.children.length === 1) all.append(gradientTable(r.nodes)); });
    s.append(all);
    return s;
  }

  // The weight transform an intra-token check inferred: which weight axes follow the features.
  function transformView(transform) {
    const t = el('table', {}, el('tr', {}, el('th', {}, 'weight'), el('th', {}, 'permuted axis')));
    for (const rule of transform.rules) t.append(el('tr', {}, el('td', {}, el('code', {}, rule.parameter)), el('td', {}, String(rule.axis) + (rule.block !== 1 ? ' in blocks of ' + rule.block : '') + (rule.repeat !== 1 ? ' alike in ' + rule.repeat + ' runs' : ''))));
    const box = el('details', {}, el('summary', {}, 'Weight transform (d = ' + transform.features + '): ' + transform.rules.length + ' weight axes follow the features'), t);
    if (transform.failures.length) box.append(el('p', { class: 'warning' }, 'no weight transform repairs: ' + transform.failures.join(', ')));
    return box;
  }

  function intraSection(r) {
    const s = el('section', { class: 'intra', id: 'intra' });
    s.append(el('h2', {}, 'Feature permutations (intra-token)'), el('p', { class: 'muted' }, counts(r)), facts(r));
    if (r.transform) s.append(transformView(r.transform));
    s.append(el('h3', {}, 'Outputs'), outputsTable(r, false), el('h3', {}, 'Culprits'), culpritList(r));
    return s;
  }

  // ---- page -------------------------------------------------------------------------------
  const app = document.getElementById('app');
  app.append(summary());
  const toolbar = el('div', { class: 'toolbar' });
  if (views.length > 1) {
    const select = el('select', { id: 'view', 'aria-label': 'colour the graph by' }, views.map((v) => el('option', { value: v.key }, v.label)));
    select.addEventListener('change', () => { view = views.find((v) => v.key === select.value); draw(); if (selectedName) selectNode(selectedName); });
    toolbar.append(el('label', {}, 'colour by ', select));
  }
  toolbar.append(
    el('button', { type: 'button', onclick: () => { foldRepeated(); draw(); } }, 'fold repeated blocks'),
    el('button', { type: 'button', onclick: () => { for (const c of clusters.keys()) collapsed.add(c); draw(); } }, 'fold all'),
    el('button', { type: 'button', onclick: () => { collapsed.clear(); draw(); } }, 'unfold all'),
    el('span', { class: 'legend' },
      el('span', { class: 'chip v-holds' }, 'holds'), el('span', { class: 'chip v-breaks' }, 'breaks (culprit)'), el('span', { class: 'chip v-permitted' }, 'permitted break'),
      el('span', { class: 'chip v-inherits' }, 'inherits'), el('span', { class: 'chip v-unknown' }, 'unknown'), el('span', { class: 'chip on-path' }, 'path to the first culprit')));
  const main = el('section', { class: 'main' }, el('div', { class: 'graph-column' }, toolbar, graphBox), panel);
  app.append(el('h2', {}, 'Graph'), el('p', { class: 'muted' }, 'Click a node for its obligation, proof and witness; click a folded box to unfold it, a module\u2019s label to fold it.'), main);
  if (report.direction === 'backward') app.append(backwardSection(report));
  if (report.backward) app.append(backwardSection(report.backward));
  if (report.intra) app.append(intraSection(report.intra));
  app.append(el('footer', {}, 'permeq ' + data.version + ' \u00B7 report schema ' + report.schema + ' \u00B7 the full data, with the witnesses\u2019 draws, is in --format json'));

  draw();
  panel.append(el('p', { class: 'muted' }, 'Select a node in the graph.'));
  const firstCulprit = pathNames.length ? pathNames[pathNames.length - 1] : null;
  if (firstCulprit) scrollGraphTo(firstCulprit);
  window.permeqRenderedAt = performance.now();
  window.permeqScriptMs = window.permeqRenderedAt - scriptStart;
  document.body.setAttribute('data-ready', 'true');
})();
