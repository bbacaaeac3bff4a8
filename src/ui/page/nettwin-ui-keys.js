// Keyboard navigation: everything the mouse does has a key. Anywhere (outside a text field):
// ← → step, Home End first and last step, Space play/pause, / search, t theme, f fit, Esc clears the search. In the drawing
// (Tab to it): ↑ ↓ move from namespace to namespace, Enter picks it as the source and shows
// its findings. In the matrix: arrows move from cell to cell, Enter plays that ping.
window.nettwinKeys = (state, $, act) => {
  const typing = (t) => t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;

  document.addEventListener('keydown', (e) => {
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) {
      if (e.key === 'Escape' && e.target === $('search')) ($('search').value = '', $('search').dispatchEvent(new Event('input')), $('search').blur());
      return;
    }
    if (e.target instanceof HTMLTableCellElement && e.target.closest('#matrix') && cell(e)) return;
    if (e.target === $('cy') && drawing(e)) return;
    if (e.key === 'ArrowRight') act.go(state.at + 1);
    else if (e.key === 'ArrowLeft') act.go(state.at - 1);
    else if (e.key === 'Home') act.go(0);
    else if (e.key === 'End') act.go(state.steps.length - 1);
    else if (e.key === ' ') (state.timer ? act.pause() : act.play(), e.preventDefault());
    else if (e.key === '/') ($('search').focus(), e.preventDefault());
    else if (e.key === 't') act.theme();
    else if (e.key === 'f') state.cy.fit(undefined, 20);
    else if (e.key === 'Escape') ($('search').value = '', $('search').dispatchEvent(new Event('input')));
  });

  /** arrows from cell to cell of the matrix */
  function cell(e) {
    const td = e.target;
    const move = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] }[e.key];
    if (!move) return false;
    const tr = td.parentElement;
    const rows = [...tr.parentElement.children];
    const r = rows.indexOf(tr) + move[0];
    const c = td.cellIndex + move[1];
    const next = rows[r]?.children[c];
    if (next instanceof HTMLTableCellElement && next.tagName === 'TD') next.focus();
    e.preventDefault();
    return true;
  }

  /** ↑ ↓ from namespace to namespace in the drawing, Enter to pick one */
  function drawing(e) {
    const nss = state.cy.nodes('.ns');
    if (!nss.length) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const at = nss.toArray().findIndex((n) => n.hasClass('kbd'));
      const k = at < 0 ? 0 : (at + (e.key === 'ArrowDown' ? 1 : nss.length - 1)) % nss.length;
      nss.removeClass('kbd');
      const n = nss[k];
      n.addClass('kbd');
      state.cy.animate({ center: { eles: n }, duration: 150 });
      const pins = n.data('pins') ?? 0;
      $('cy-status').textContent = `${n.data('path')}${pins ? `: ${pins} finding(s)` : ''} (Enter: ping from it)`;
      e.preventDefault();
      return true;
    }
    if (e.key === 'Enter') {
      const n = nss.filter('.kbd')[0];
      if (!n) return false;
      n.emit('tap');
      $('src').focus();
      e.preventDefault();
      return true;
    }
    return false;
  }
};
