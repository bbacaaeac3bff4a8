// Where the lab's elements go: a fixed placement, the same for the same lab, computed here
// and handed to Cytoscape as its 'preset' layout. A lab of more than LARGE namespaces is drawn
// by namespace (interfaces folded in) so the browser keeps up.
window.nettwinLayout = (state) => {
  // A fixed placement, the same for the same lab: hosts side by side, a host's root namespace
  // on top and its other namespaces in rows below, each namespace's interfaces in a row.
  const IW = 150;
  const IH = 80;
  const PER_ROW = 6;
  function elements(g) {
    const nsCount = g.hosts.reduce((n, h) => n + h.namespaces.length, 0);
    if (nsCount > LARGE) return compactElements(g);
    const els = [];
    let hx = 0;
    for (const h of g.hosts) {
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
      hx += width + 120;
    }
    g.edges.forEach((e, k) => {
      els.push({ group: 'edges', data: { id: `E${k}`, source: e.from, target: e.to, label: e.label ?? '' }, classes: e.kind });
    });
    return { els };
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
