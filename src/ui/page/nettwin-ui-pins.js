// Lint findings and failing `expect:` intents pinned to the namespaces they concern: a mark
// and a count on each namespace of the drawing (a symbol as well as a colour), and the list in
// the side panel; choosing an entry shows its namespaces, tapping a namespace shows its entries.
window.nettwinPins = (state, $, el) => {
  const mark = (p) => (p.severity === 'error' ? '✗' : '⚠');
  const where = (p) => `${p.file.split('/').pop()}:${p.line}`;

  function onDrawing() {
    const pins = state.view.pins ?? [];
    for (const n of state.cy.nodes('.ns')) {
      const mine = pins.filter((p) => p.ns.includes(n.data('path')));
      n.data('pins', mine.length);
      if (!mine.length) continue;
      const errors = mine.filter((p) => p.severity === 'error').length;
      const warnings = mine.length - errors;
      n.data('label', `${n.data('label')}  ${errors ? `✗${errors}` : ''}${errors && warnings ? ' ' : ''}${warnings ? `⚠${warnings}` : ''}`);
      n.addClass(errors ? 'pinned-error' : 'pinned-warning');
    }
  }

  function show(ns) {
    state.cy.nodes().removeClass('match');
    const nodes = state.cy.nodes('.ns').filter((n) => ns.includes(n.data('path')));
    nodes.addClass('match');
    if (nodes.length) state.cy.animate({ fit: { eles: nodes, padding: 80 }, duration: 200 });
    if (ns.length && [...$('src').options].some((o) => o.value === ns[0])) $('src').value = ns[0];
  }

  function list() {
    const pins = state.view.pins ?? [];
    const errors = pins.filter((p) => p.severity === 'error').length;
    $('pins-sum').textContent = pins.length ? `${errors} error(s), ${pins.length - errors} warning(s)` : 'none';
    const ul = el('ul', { class: 'pins' });
    pins.forEach((p, k) => {
      const li = el('li', { 'data-k': String(k), 'data-source': p.source, 'data-severity': p.severity, 'data-file': p.file, 'data-line': String(p.line), 'data-title': p.title, 'data-ns': p.ns.join(' ') });
      const b = el('button', { type: 'button', class: p.severity === 'error' ? 'bad' : 'warn', title: p.fix ?? '' }, `${mark(p)} ${p.source === 'expect' ? 'expect' : 'lint'} ${where(p)} ${p.title}`);
      b.onclick = () => {
        for (const x of document.querySelectorAll('#pins li.sel')) x.classList.remove('sel');
        li.classList.add('sel');
        show(p.ns);
      };
      li.append(b, el('div', { class: 'pin-text' }, `${p.ns.length ? `${p.ns.join(', ')}: ` : 'the whole lab: '}${p.text}`));
      ul.append(li);
    });
    $('pins').replaceChildren(ul);
  }

  /** a namespace tapped: its entries marked and the first brought into view */
  function tapped(path) {
    let first = null;
    for (const li of document.querySelectorAll('#pins li')) {
      const on = li.getAttribute('data-ns').split(' ').includes(path);
      li.classList.toggle('sel', on);
      if (on && !first) first = li;
    }
    first?.scrollIntoView({ block: 'nearest' });
  }

  return { onDrawing, list, tapped };
};
