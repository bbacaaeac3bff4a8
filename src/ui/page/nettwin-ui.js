// The web view in the browser: draws the lab's neutral graph with Cytoscape.js, steps one
// ping's `explain --json` event by event, and shows `reach --json` as a matrix. Every field of
// an event is shown as it comes, so new kinds of decisions need no change here.
(() => {
  const init = JSON.parse(document.getElementById('nettwin-data').textContent);
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs = {}, text = '') => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  };
  const api = (path, params = {}) => {
    const q = new URLSearchParams({ ...params, t: init.token });
    return fetch(`${path}?${q}`).then(async (r) => {
      const body = await r.json();
      if (!r.ok) throw new Error(body.error || r.statusText);
      return body;
    });
  };

  const state = { view: null, cy: null, run: null, steps: [], at: -1, timer: null, ifaceAt: new Map(), nsNode: new Map(), compact: false };
  window.nettwin = state;
  const pins = window.nettwinPins(state, $, el);

  const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  function style() {
    return [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 10, color: css('--fg'), 'text-wrap': 'wrap', 'text-valign': 'center', 'text-halign': 'center' } },
      { selector: 'node.host', style: { shape: 'round-rectangle', 'background-color': css('--host'), 'border-color': css('--line'), 'border-width': 2, 'text-valign': 'top', 'font-weight': 'bold', 'font-size': 13 } },
      { selector: 'node.ns', style: { shape: 'round-rectangle', 'background-color': css('--ns'), 'border-color': css('--muted'), 'border-width': 1, 'text-valign': 'top', 'font-size': 11 } },
      { selector: 'node.iface', style: { shape: 'round-rectangle', width: 'data(w)', height: 'data(h)', 'background-color': css('--panel'), 'border-color': css('--muted'), 'border-width': 1 } },
      { selector: 'node.empty', style: { width: 60, height: 20, 'background-opacity': 0, 'border-width': 0 } },
      { selector: 'node.bridge', style: { shape: 'hexagon', 'border-width': 2 } },
      { selector: 'node.down', style: { 'border-style': 'dashed', opacity: 0.6 } },
      // before the packet's marks: where the packet is shows over what lint says of the namespace
      { selector: 'node.ns.pinned-error', style: { 'border-color': css('--bad'), 'border-width': 3, 'border-style': 'double', color: css('--bad') } },
      { selector: 'node.ns.pinned-warning', style: { 'border-color': css('--warn'), 'border-width': 3, 'border-style': 'dashed' } },
      { selector: 'node.visited', style: { 'border-color': css('--seen'), 'border-width': 3, 'border-style': 'solid' } },
      { selector: 'node.current', style: { 'border-color': css('--cur'), 'border-width': 5, 'border-style': 'solid' } },
      { selector: 'node.dropped', style: { 'border-color': css('--bad'), 'border-width': 5, 'border-style': 'double' } },
      { selector: 'node.kbd', style: { 'underlay-color': css('--cur'), 'underlay-opacity': 0.6, 'underlay-padding': 6 } },
      { selector: 'node.match', style: { 'overlay-color': css('--cur'), 'overlay-opacity': 0.35 } },
      { selector: 'node.ns.compact', style: { shape: 'round-rectangle', width: 'label', height: 18, padding: 4, 'text-valign': 'center', 'font-size': 10 } },
      { selector: 'edge', style: { width: 2, 'line-color': css('--muted'), 'curve-style': 'bezier', label: 'data(label)', 'font-size': 9, color: css('--muted') } },
      { selector: 'edge.tunnel', style: { 'line-style': 'dashed' } },
      // ports and cables often join nodes of one row: an arc keeps them off the nodes between
      { selector: 'edge.port', style: { 'line-style': 'dotted', 'curve-style': 'unbundled-bezier', 'control-point-distances': 28, 'control-point-weights': 0.5 } },
      { selector: 'edge.cable', style: { width: 3, 'curve-style': 'unbundled-bezier', 'control-point-distances': -60, 'control-point-weights': 0.5 } },
      { selector: 'edge.current', style: { 'line-color': css('--cur'), width: 5, 'target-arrow-shape': 'triangle', 'target-arrow-color': css('--cur') } },
    ];
  }

  const elements = window.nettwinLayout(state);

  function draw() {
    const { els } = elements(state.view.graph);
    // biome-ignore lint/correctness/noUndeclaredVariables: the library is inlined before this script
    state.cy = cytoscape({ container: $('cy'), elements: els, layout: { name: 'preset' }, style: style(), wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4 });
    state.cy.fit(undefined, 20);
    state.cy.on('tap', 'node.ns', (ev) => {
      $('src').value = ev.target.data('path');
      pins.tapped(ev.target.data('path'));
    });
    pins.onDrawing();
    state.cy.on('tap', 'node.iface', (ev) => {
      const a = ev.target.data('addrs');
      if (a) $('dst').value = a.split(' ')[0].split('/')[0];
    });
    document.body.dataset.drawn = '1';
  }

  function lists() {
    const { reach } = state.view;
    const from = $('src').value;
    $('src').replaceChildren(...reach.sources.map((s) => el('option', { value: s }, s)));
    if (reach.sources.includes(from)) $('src').value = from;
    $('dst-list').replaceChildren(...reach.destinations.map((d) => el('option', { value: d })));
    if (!$('dst').value && reach.destinations.length) $('dst').value = reach.destinations[0];
  }

  function editor() {
    const scripts = state.view.scripts ?? [];
    if (init.mode !== 'server' || !scripts.length) return;
    $('editor-box').hidden = false;
    $('script').replaceChildren(...scripts.map((s) => el('option', { value: s.file }, s.file)));
    const show = () => {
      $('script-text').value = state.view.scripts.find((s) => s.file === $('script').value)?.text ?? '';
    };
    $('script').onchange = show;
    show();
    $('rerun').onclick = rerun;
    $('script-text').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) rerun();
    });
  }

  async function rerun() {
    const file = $('script').value;
    $('change').replaceChildren(el('p', { class: 'hint' }, 'running…'));
    const r = await fetch(`/api/edit?${new URLSearchParams({ t: init.token })}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ file, text: $('script-text').value }) });
    const x = await r.json();
    if (!r.ok) return $('change').replaceChildren(el('p', { class: 'bad' }, `✗ ${x.error}`));
    state.view = x.view;
    state.run = null;
    state.steps = [];
    state.cy.destroy();
    state.nsNode.clear();
    state.ifaceAt.clear();
    draw();
    lists();
    pins.list();
    matrix(x.change);
    go(0);
    $('verdict').replaceChildren();
    const pairs = (l) => l.map((p) => `${p.from} → ${p.to}${p.at ? ` (${p.at})` : ''}`).join(', ') || 'none';
    $('change').replaceChildren(
      el('p', { id: 'gained', 'data-count': String(x.change.gained.length) }, `▲ gained ${x.change.gained.length}: ${pairs(x.change.gained)}`),
      el('p', { id: 'lost', 'data-count': String(x.change.lost.length) }, `▼ lost ${x.change.lost.length}: ${pairs(x.change.lost)}`),
    );
    document.body.dataset.edits = String(Number(document.body.dataset.edits ?? 0) + 1);
  }

  function mode() {
    const real = state.view.real;
    const m = $('mode');
    m.dataset.mode = real ? 'real' : 'sim';
    m.textContent = real
      ? `The kernel's answer: this lab ran on Linux ${real.kernel} in a throwaway sandbox; the drawing is its state read back and every cell of the matrix a real ping -c 1 -W 1 there.`
      : 'Simulated: nettwin worked this out without a kernel (nettwin ui --real asks the kernel).';
  }

  /** light ⇄ dark: the page's colours and the drawing's, which Cytoscape holds as values */
  function theme() {
    const dark = document.documentElement.classList.toggle('dark');
    $('theme').setAttribute('aria-pressed', dark ? 'true' : 'false');
    document.body.dataset.theme = dark ? 'dark' : 'light';
    state.cy?.style(style());
  }

  function controls() {
    lists();
    $('send').onclick = () => ping($('src').value, $('dst').value.trim());
    $('dst').addEventListener('keydown', (e) => {
      if (e.key === 'Enter') $('send').click();
    });
    $('back').onclick = () => go(state.at - 1);
    $('fwd').onclick = () => go(state.at + 1);
    $('play').onclick = () => (state.timer ? pause() : play());
    $('fit').onclick = () => state.cy.fit(undefined, 20);
    $('theme').onclick = theme;
    $('search').addEventListener('input', () => {
      const q = $('search').value.trim().toLowerCase();
      state.cy.nodes().removeClass('match');
      if (!q) return;
      const hit = state.cy.nodes('.ns, .iface').filter((n) => `${n.data('label')} ${n.data('path') ?? ''} ${n.data('addrs') ?? ''}`.toLowerCase().includes(q));
      hit.addClass('match');
      if (hit.length) {
        state.cy.fit(hit, 60);
        if (state.cy.zoom() > 1.5) state.cy.zoom({ level: 1.5, renderedPosition: { x: state.cy.width() / 2, y: state.cy.height() / 2 } });
      }
    });
    window.nettwinKeys(state, $, { go, play, pause, theme });
    if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) theme();
    else document.body.dataset.theme = 'light';
  }

  function matrix(change) {
    const { reach } = state.view;
    const bad = new Set(reach.unreachable.map((u) => `${u.from} ${u.to}`));
    const gained = new Set((change?.gained ?? []).map((p) => `${p.from} ${p.to}`));
    const lost = new Set((change?.lost ?? []).map((p) => `${p.from} ${p.to}`));
    $('reach-sum').textContent = `${reach.reachable} of ${reach.pairs} pairs`;
    if (reach.sources.length > MATRIX_MAX || reach.destinations.length > MATRIX_MAX) return pairList(reach);
    const t = el('table');
    const head = el('tr');
    head.append(el('th'));
    for (const d of reach.destinations) head.append(el('th', { scope: 'col' }, d));
    const thead = el('thead');
    thead.append(head);
    t.append(thead);
    const body = el('tbody');
    for (const s of reach.sources) {
      const tr = el('tr');
      tr.append(el('th', { scope: 'row' }, s));
      for (const d of reach.destinations) {
        const ok = !bad.has(`${s} ${d}`);
        const td = el('td', { 'data-from': s, 'data-to': d, 'data-ok': ok ? '1' : '0', tabindex: '0', title: `${s} → ${d}: ${ok ? 'reply' : 'no reply'}`, 'aria-label': `${s} to ${d}: ${ok ? 'reply' : 'no reply'}` }, ok ? '✓' : '✗');
        const playIt = () => {
          for (const x of document.querySelectorAll('#matrix td.sel')) x.classList.remove('sel');
          td.classList.add('sel');
          $('src').value = s;
          $('dst').value = d;
          ping(s, d).then(play);
        };
        td.onclick = playIt;
        td.onkeydown = (e) => {
          if (e.key === 'Enter') playIt();
        };
        if (gained.has(`${s} ${d}`)) td.setAttribute('data-change', 'gained');
        if (lost.has(`${s} ${d}`)) td.setAttribute('data-change', 'lost');
        tr.append(td);
      }
      body.append(tr);
    }
    t.append(body);
    $('matrix').replaceChildren(t);
  }

  // a large lab's matrix would be a million cells: its unreachable pairs are listed instead, as `reach` does
  const MATRIX_MAX = 60;
  function pairList(reach) {
    const ul = el('ul', { class: 'pairs' });
    for (const u of reach.unreachable.slice(0, 200)) {
      const li = el('li');
      const a = el('button', { type: 'button', 'data-from': u.from, 'data-to': u.to }, `✗ ${u.from} → ${u.to}`);
      a.onclick = () => {
        $('src').value = u.from;
        $('dst').value = u.to;
        ping(u.from, u.to).then(play);
      };
      li.append(a);
      ul.append(li);
    }
    const more = reach.unreachable.length - 200;
    $('matrix').replaceChildren(el('p', {}, `${reach.sources.length} sources × ${reach.destinations.length} destinations; unreachable:`), ul, ...(more > 0 ? [el('p', { class: 'hint' }, `… and ${more} more (nettwin reach --json lists them all)`)] : []));
  }

  async function explainOf(from, to) {
    if (init.mode === 'server') return api('/api/explain', { from, to });
    const x = init.explains?.[`${from} ${to}`];
    if (!x) throw new Error('this export holds the pings of the matrix only (too many pairs, or not one of them)');
    return x;
  }

  async function ping(from, to) {
    pause();
    try {
      state.run = await explainOf(from, to);
    } catch (e) {
      $('verdict').replaceChildren(el('p', { class: 'bad' }, `✗ ${e.message}`));
      return;
    }
    const x = state.run;
    state.steps = x.hops.flatMap((h, hop) => h.steps.map((s) => ({ ...s, hop })));
    const v = $('verdict');
    const ok = x.disposition === 'reply';
    v.replaceChildren(el('p', { class: `summary ${ok ? 'ok' : 'bad'}`, 'data-disposition': x.disposition }, `${ok ? '✓' : '✗'} ${x.summary}`));
    if (x.reason) v.append(el('p', { id: 'reason', 'data-reason': x.reason }, `drop reason: ${x.reason}`));
    if (x.cause) v.append(el('p', {}, `why: ${x.cause.why}`), ...(x.cause.fix ? [el('p', {}, `fix: ${x.cause.fix}`)] : []));
    for (const n of x.notSimulated ?? []) v.append(el('p', { class: 'hint' }, `not simulated: ${n.text}`));
    if (x.kernel) {
      // --real: the kernel's own ping first; the steps below are the simulator's account of it
      v.prepend(el('p', { id: 'kernel-answer', class: x.kernel.replied ? 'ok' : 'bad', 'data-replied': x.kernel.replied ? '1' : '0' }, `${x.kernel.replied ? '✓' : '✗'} the kernel: ${x.kernel.line}`));
      v.append(el('p', { class: 'hint' }, "the steps are the simulator's explanation of this ping, not a trace from the kernel"));
    }
    go(0);
  }

  function go(k) {
    state.cy.elements().removeClass('current visited dropped');
    if (!state.steps.length) {
      // refused before a packet left (no route, a bad address): the decision is the source's own
      state.at = -1;
      $('stepno').textContent = '';
      const x = state.run;
      if (!x) return $('step').replaceChildren();
      state.cy.getElementById(state.nsNode.get(x.from) ?? '').addClass('dropped');
      const box = el('div', { 'data-none': '1', 'data-ns': x.from });
      box.append(el('h2', {}, `no packet left ${x.from}`), el('p', {}, x.ping?.fatal ?? x.summary));
      $('step').replaceChildren(box);
      return;
    }
    state.at = Math.max(0, Math.min(k, state.steps.length - 1));
    if (state.at === state.steps.length - 1) pause();
    for (const s of state.steps.slice(0, state.at)) state.cy.getElementById(state.nsNode.get(s.ns) ?? '').addClass('visited');
    const s = state.steps[state.at];
    const node = state.cy.getElementById(state.nsNode.get(s.ns) ?? '');
    node.addClass(s.kind === 'drop' ? 'dropped' : 'current');
    // a frame on a link: `DEV -> PEER in NS: …` lights the edge it crossed
    const m = /^(\S+) -> (\S+) in (\S+):/.exec(s.detail);
    if (m) {
      const a = state.ifaceAt.get(`${s.ns}|${m[1]}`);
      const b = state.ifaceAt.get(`${m[3]}|${m[2]}`);
      if (a && b) state.cy.edges(`[source = "${a}"][target = "${b}"], [source = "${b}"][target = "${a}"]`).addClass('current');
    }
    const decisive = state.run.decisive && state.run.decisive.t === s.t && state.run.decisive.detail === s.detail;
    const box = el('div', { class: decisive ? 'decisive' : '', 'data-ns': s.ns, 'data-kind': s.kind, 'data-hop': String(s.hop) });
    box.append(el('h2', {}, `step ${state.at + 1} of ${state.steps.length}: ${s.kind} in ${s.ns}${decisive ? ' (decided the ping)' : ''}`));
    const dl = el('dl');
    for (const [key, val] of Object.entries(s)) {
      if (key === 'hop' || key === 'headers') continue;
      dl.append(el('dt', {}, key), el('dd', {}, typeof val === 'object' ? JSON.stringify(val) : String(val)));
    }
    box.append(dl);
    // the frame on the wire at this step, layer by layer (as a packet analyser lists it)
    if (s.headers) {
      const hs = el('section', { class: 'headers', 'aria-label': 'headers' });
      for (const l of s.headers) {
        const ldl = el('dl', { 'data-layer': l.layer });
        for (const [key, val] of Object.entries(l.fields)) ldl.append(el('dt', {}, key), el('dd', { 'data-field': key }, String(val)));
        hs.append(el('h3', {}, l.layer), ldl);
      }
      box.append(hs);
    }
    $('step').replaceChildren(box);
    $('stepno').textContent = `${state.at + 1}/${state.steps.length}`;
  }

  function play() {
    if (!state.steps.length || state.timer) return;
    if (state.at >= state.steps.length - 1) go(0);
    $('play').textContent = '⏸';
    $('play').setAttribute('aria-label', 'pause');
    state.timer = setInterval(() => go(state.at + 1), 700);
  }

  function pause() {
    clearInterval(state.timer);
    state.timer = null;
    $('play').textContent = '▶';
    $('play').setAttribute('aria-label', 'play');
  }

  const start = init.mode === 'server' ? api('/api/view') : Promise.resolve(init.view);
  start
    .then((view) => {
      state.view = view;
      mode();
      controls();
      draw();
      matrix();
      pins.list();
      editor();
      document.body.dataset.ready = '1';
    })
    .catch((e) => {
      $('verdict').replaceChildren(el('p', { class: 'bad' }, `✗ could not load the lab: ${e.message}`));
    });
})();
