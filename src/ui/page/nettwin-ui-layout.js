// Where the lab's elements go, the same for the same lab. Inside a host: its root namespace on
// top, its other namespaces in rows below, each namespace's interfaces in a row. The hosts
// themselves are placed by Cytoscape's breadthfirst layout over the graph of their links (the
// hosts a host is cabled to in the next column), so a chain reads left to right and a star
// fans out. A lab of more than LARGE namespaces is drawn by namespace (interfaces folded in).
window.nettwinLayout = (state) => {
  const IW = 150;
  const IH = 80;
  const PER_ROW = 6;
  function elements(g) {
    const nsCount = g.hosts.reduce((n, h) => n + h.namespaces.length, 0);
    if (nsCount > LARGE) return compactElements(g);
    const els = [];
    const boxes = new Map();
    const hostOf = new Map();
    for (const h of g.hosts) {
      const hx = 0;
      const first = els.length;
      els.push({ group: 'nodes', data: { id: h.id, label: h.infra ? 'switches' : h.name }, classes: 'host' });
      const root = h.namespaces.filter((ns) => ns.name === null);
      const rest = h.namespaces.filter((ns) => ns.name !== null);
      const rows = [root, ...Array.from({ length: Math.ceil(rest.length / PER_ROW) }, (_, r) => rest.slice(r * PER_ROW, r * PER_ROW + PER_ROW))].filter((r) => r.length);
      let y = 0;
      let width = 0;
      for (const row of rows) {
        let x = hx;
        let tall = 1;
        for (const ns of row) {
          state.nsNode.set(ns.path, ns.id);
          els.push({ group: 'nodes', data: { id: ns.id, parent: h.id, label: ns.name ?? `${h.name} (root)`, path: ns.path }, classes: 'ns' });
          const cols = Math.max(1, Math.min(ns.ifaces.length, 4));
          ns.ifaces.forEach((i, k) => {
            hostOf.set(i.id, h.id);
            state.ifaceAt.set(`${ns.path}|${i.name}`, i.id);
            for (const a of i.aliases) state.ifaceAt.set(`${ns.path}|${a}`, i.id);
            const lines = [i.name, ...i.addrs, ...(i.detail ? [i.detail] : [])];
            const w = Math.max(...lines.map((l) => l.length)) * 6 + 14;
            els.push({
              group: 'nodes',
              data: { id: i.id, parent: ns.id, label: lines.join('\n'), w, h: lines.length * 13 + 10, name: i.name, ns: ns.path, addrs: i.addrs.join(' ') },
              classes: `iface ${i.kind}${i.up ? '' : ' down'}`,
              position: { x: x + (k % cols) * IW, y: y + Math.floor(k / cols) * IH },
            });
          });
          if (!ns.ifaces.length) els.push({ group: 'nodes', data: { id: `${ns.id}__empty`, parent: ns.id, label: '' }, classes: 'empty', position: { x, y } });
          tall = Math.max(tall, Math.ceil(ns.ifaces.length / cols));
          x += cols * IW + 60;
        }
        width = Math.max(width, x - hx);
        y += tall * IH + 90;
      }
      boxes.set(h.id, { w: width, h: y, first, last: els.length });
    }
    const at = placeHosts(g, boxes, hostOf);
    for (const [id, b] of boxes) {
      const o = at.get(id);
      for (const e of els.slice(b.first, b.last)) if (e.position) e.position = { x: e.position.x + o.x, y: e.position.y + o.y };
    }
    g.edges.forEach((e, k) => {
      els.push({ group: 'edges', data: { id: `E${k}`, source: e.from, target: e.to, label: e.label ?? '' }, classes: e.kind });
    });
    return { els };
  }

  /**
   * The top-left corner of each host: breadthfirst over hosts sized as their contents, run
   * sideways (its levels become columns) by giving it each box turned a quarter.
   */
  function placeHosts(g, boxes, hostOf) {
    const edges = [];
    const seen = new Set();
    for (const e of g.edges) {
      const a = hostOf.get(e.from);
      const b = hostOf.get(e.to);
      const key = a < b ? `${a} ${b}` : `${b} ${a}`;
      if (!a || !b || a === b || seen.has(key)) continue;
      seen.add(key);
      edges.push({ group: 'edges', data: { id: `H${edges.length}`, source: a, target: b } });
    }
    const nodes = g.hosts.map((h) => ({ group: 'nodes', data: { id: h.id } }));
    // biome-ignore lint/correctness/noUndeclaredVariables: the library is inlined before this script
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: [...nodes, ...edges], style: [{ selector: 'node', style: { width: 'data(tw)', height: 'data(th)', shape: 'rectangle' } }] });
    for (const [id, b] of boxes) cy.getElementById(id).data({ tw: b.h + 100, th: b.w + 120 });
    // one root per group of linked hosts: the most linked (the first on a tie), so a chain starts at a middle host and a star at its hub
    const roots = cy.elements().components().map((c) => c.nodes().toArray().reduce((best, n) => (n.degree() > best.degree() ? n : best)));
    // a box too small to hold them: avoidOverlap grows it to what the hosts need, no more
    cy.layout({ name: 'breadthfirst', directed: false, roots: cy.collection(roots), avoidOverlap: true, spacingFactor: 1, animate: false, boundingBox: { x1: 0, y1: 0, w: 1, h: 1 }, transform: (_n, p) => ({ x: p.y, y: p.x }) }).run();
    const at = new Map();
    for (const [id, b] of boxes) {
      const p = cy.getElementById(id).position();
      at.set(id, { x: Math.round(p.x - b.w / 2), y: Math.round(p.y - b.h / 2) });
    }
    cy.destroy();
    return at;
  }

  // A large lab drawn by namespace: each namespace one small box in a square grid inside its
  // host, the links between namespaces one edge per pair (interfaces are in the search and the
  // side panel), so a thousand namespaces stay a drawing the browser can pan and zoom.
  const LARGE = 200;
  function compactElements(g) {
    state.compact = true;
    const els = [];
    const nsOf = new Map();
    let hx = 0;
    for (const h of g.hosts) {
      els.push({ group: 'nodes', data: { id: h.id, label: h.infra ? 'switches' : h.name }, classes: 'host' });
      const cols = Math.max(1, Math.ceil(Math.sqrt(h.namespaces.length)));
      let wide = 0;
      h.namespaces.forEach((ns, k) => {
        state.nsNode.set(ns.path, ns.id);
        for (const i of ns.ifaces) {
          nsOf.set(i.id, ns.id);
          state.ifaceAt.set(`${ns.path}|${i.name}`, ns.id);
          for (const a of i.aliases) state.ifaceAt.set(`${ns.path}|${a}`, ns.id);
        }
        const label = ns.name ?? `${h.name} (root)`;
        const addrs = ns.ifaces.flatMap((i) => i.addrs).join(' ');
        els.push({ group: 'nodes', data: { id: ns.id, parent: h.id, label, path: ns.path, addrs }, classes: 'ns compact', position: { x: hx + (k % cols) * 90, y: Math.floor(k / cols) * 40 } });
        wide = Math.max(wide, (k % cols) * 90);
      });
      hx += wide + 200;
    }
    const seen = new Set();
    g.edges.forEach((e, k) => {
      const a = nsOf.get(e.from) ?? e.from;
      const b = nsOf.get(e.to) ?? e.to;
      const key = a < b ? `${a} ${b}` : `${b} ${a}`;
      if (a === b || seen.has(key)) return;
      seen.add(key);
      els.push({ group: 'edges', data: { id: `E${k}`, source: a, target: b, label: '' }, classes: e.kind });
    });
    return { els };
  }


  return elements;
};
