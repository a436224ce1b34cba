// 版面预览 webview: draws the pages the extension lays out (engine/layout) and reports clicks and
// scrolling back. No network, no inline code: the content security policy allows this file only.
// @ts-check
(function () {
  // @ts-ignore provided by VS Code
  const vscode = acquireVsCodeApi();
  const body = document.body;
  const labels = JSON.parse(body.dataset.labels || '{}');
  const fonts = JSON.parse(body.dataset.fonts || '{}');
  for (const [key, stack] of Object.entries(fonts)) document.documentElement.style.setProperty(`--f-${key}`, stack);

  const container = /** @type {HTMLElement} */ (document.getElementById('pages'));
  const count = /** @type {HTMLElement} */ (document.getElementById('count'));
  const marksBox = /** @type {HTMLInputElement} */ (document.getElementById('show-marks'));
  const errorsBox = /** @type {HTMLInputElement} */ (document.getElementById('show-errors'));

  const state = Object.assign({ marks: true, errors: true, scrollRatio: 0 }, vscode.getState() || {});
  marksBox.checked = state.marks;
  errorsBox.checked = state.errors;
  const applyToggles = () => {
    body.classList.toggle('no-marks', !state.marks);
    body.classList.toggle('no-errors', !state.errors);
    vscode.setState(state);
  };
  marksBox.addEventListener('change', () => {
    state.marks = marksBox.checked;
    applyToggles();
  });
  errorsBox.addEventListener('change', () => {
    state.errors = errorsBox.checked;
    applyToggles();
  });
  applyToggles();

  /** @type {any} */
  let geometry;
  /** @type {HTMLElement[]} */
  const pages = [];
  let restored = false;

  const pt = (/** @type {number} */ v) => `${v}pt`;

  function fit() {
    if (!geometry) return;
    const widthPx = (geometry.width * 96) / 72 + 32;
    const zoom = Math.min(1.5, Math.max(0.3, container.clientWidth / widthPx));
    container.style.setProperty('zoom', String(zoom));
  }
  window.addEventListener('resize', fit);

  /** Splits the line's text into spans per font piece and per placeholder mark. */
  function fill(/** @type {HTMLElement} */ el, /** @type {any} */ line) {
    const marks = line.marks || [];
    let at = 0;
    for (const piece of line.pieces) {
      const text = piece.text;
      let cut = 0;
      const bounds = new Set([0, text.length]);
      for (const [a, b] of marks) {
        if (a > at && a < at + text.length) bounds.add(a - at);
        if (b > at && b < at + text.length) bounds.add(b - at);
      }
      const points = [...bounds].sort((x, y) => x - y);
      for (let i = 0; i + 1 < points.length; i++) {
        const from = points[i];
        const to = points[i + 1];
        cut = at + from;
        const span = document.createElement('span');
        span.className = `f-${piece.font}${piece.bold ? ' b' : ''}${marks.some(([a, b]) => cut >= a && cut < b) ? ' mark' : ''}`;
        span.textContent = text.slice(from, to);
        el.appendChild(span);
      }
      at += text.length;
    }
  }

  function drawPage(/** @type {any} */ page) {
    const g = geometry;
    const el = document.createElement('div');
    el.className = 'page';
    el.dataset.number = String(page.number);
    el.style.width = pt(g.width);
    el.style.height = pt(g.height);
    for (const box of page.boxes) {
      const b = document.createElement('div');
      b.className = 'box';
      b.style.left = pt(g.margins.left + box.left);
      b.style.top = pt(g.margins.top + box.top);
      b.style.width = pt(box.width);
      b.style.height = pt(box.height);
      el.appendChild(b);
    }
    for (const line of page.lines) {
      const l = document.createElement('div');
      l.className = `line k-${line.kind} a-${line.align}${line.error ? ' has-error' : ''}`;
      l.dataset.src = String(line.src);
      l.dataset.end = String(line.srcEnd);
      l.style.left = pt(g.margins.left + line.left);
      l.style.top = pt(g.margins.top + line.top);
      l.style.width = pt(line.width);
      l.style.height = pt(line.height);
      l.style.lineHeight = pt(line.height);
      l.style.fontSize = pt(line.size);
      if (line.spacing) l.style.letterSpacing = pt(line.spacing);
      if (line.error) {
        l.title = line.error;
        l.style.setProperty('--error-left', pt(-line.left - 14));
      }
      fill(l, line);
      el.appendChild(l);
    }
    if (g.pageNumbers) {
      const folio = document.createElement('div');
      folio.className = 'folio';
      folio.textContent = `— ${page.number} —`;
      // 7.5: 4号, 7 mm below the text block; odd pages right, even pages left, one character in.
      folio.style.bottom = pt(g.footerDistance);
      if (page.number % 2 === 1) folio.style.right = pt(g.margins.right + g.sizes.pageNumber);
      else folio.style.left = pt(g.margins.left + g.sizes.pageNumber);
      el.appendChild(folio);
    }
    return el;
  }

  /** @type {Array<{src: number, end: number, el: HTMLElement}>} */
  let index = [];
  function reindex() {
    index = [];
    for (const el of /** @type {NodeListOf<HTMLElement>} */ (container.querySelectorAll('.line'))) {
      index.push({ src: Number(el.dataset.src), end: Number(el.dataset.end), el });
    }
  }

  function apply(/** @type {any} */ m) {
    if (m.geometry) {
      geometry = m.geometry;
      for (const p of pages.splice(0)) p.remove();
      fit();
    }
    for (const { index: i, page } of m.pages) {
      const el = drawPage(page);
      if (pages[i]) pages[i].replaceWith(el);
      else container.appendChild(el);
      pages[i] = el;
    }
    for (const p of pages.splice(m.pageCount)) p.remove();
    count.textContent = (labels.pages || '{0} pages').replace('{0}', String(m.pageCount));
    reindex();
    if (!restored) {
      restored = true;
      if (state.scrollRatio > 0) window.scrollTo(0, state.scrollRatio * document.documentElement.scrollHeight);
    }
  }

  // Scrolling the preview scrolls the draft; a scroll the draft asked for is not echoed back.
  let quietUntil = 0;
  let pending = false;
  window.addEventListener('scroll', () => {
    state.scrollRatio = window.scrollY / Math.max(1, document.documentElement.scrollHeight);
    vscode.setState(state);
    if (pending || Date.now() < quietUntil) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const top = index.find((e) => e.el.getBoundingClientRect().bottom > 40);
      if (top) vscode.postMessage({ type: 'scrolled', offset: top.src });
    });
  });

  function reveal(/** @type {number} */ offset) {
    const hit = index.find((e) => e.end > offset) || index[index.length - 1];
    if (!hit) return;
    quietUntil = Date.now() + 400;
    const top = hit.el.getBoundingClientRect().top + window.scrollY - 48;
    window.scrollTo(0, Math.max(0, top));
  }

  container.addEventListener('click', (e) => {
    const line = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest('.line'));
    if (!line) return;
    const src = Number(line.dataset.src);
    const end = Number(line.dataset.end);
    // The character clicked, where the line's source is contiguous (most body lines).
    let offset = src;
    // @ts-ignore Chromium
    const range = document.caretRangeFromPoint ? document.caretRangeFromPoint(e.clientX, e.clientY) : null;
    if (range && line.contains(range.startContainer)) {
      let before = range.startOffset;
      for (const span of line.children) {
        if (span.contains(range.startContainer)) break;
        before += (span.textContent || '').length;
      }
      const length = (line.textContent || '').length;
      if (end - src === length) offset = src + Math.min(before, length);
    }
    line.classList.add('flash');
    setTimeout(() => line.classList.remove('flash'), 600);
    vscode.postMessage({ type: 'click', offset });
  });

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'update') {
      apply(m);
      // Painted: the frame after the DOM change.
      requestAnimationFrame(() => setTimeout(() => vscode.postMessage({ type: 'painted', version: m.version, pages: m.pageCount }), 0));
    } else if (m.type === 'reveal') reveal(m.offset);
  });
  vscode.postMessage({ type: 'ready' });
})();
