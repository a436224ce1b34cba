// 版面预览 webview: draws the pages the extension lays out (engine/layout) and reports clicks,
// scrolling and the pages in view back. Every page has a sized frame; only pages near the view are
// drawn, and pages that changed off screen are fetched when they come into view, so that typing in
// a 60-page draft redraws one or two pages. No network, no inline code: the content security policy
// allows this file only.
// @ts-check
(function () {
  // @ts-ignore provided by VS Code
  const vscode = acquireVsCodeApi();
  const body = document.body;
  const labels = JSON.parse(body.dataset.labels || '{}');

  const container = /** @type {HTMLElement} */ (document.getElementById('pages'));
  const count = /** @type {HTMLElement} */ (document.getElementById('count'));
  const marksBox = /** @type {HTMLInputElement} */ (document.getElementById('show-marks'));
  const errorsBox = /** @type {HTMLInputElement} */ (document.getElementById('show-errors'));

  // The switches as last set in any preview (the extension remembers them), then this view's own state.
  const state = Object.assign({ marks: true, errors: true, scrollRatio: 0 }, JSON.parse(body.dataset.toggles || '{}'), vscode.getState() || {});
  marksBox.checked = state.marks;
  errorsBox.checked = state.errors;
  const applyToggles = () => {
    body.classList.toggle('no-marks', !state.marks);
    body.classList.toggle('no-errors', !state.errors);
    vscode.setState(state);
  };
  const remember = () => vscode.postMessage({ type: 'toggles', marks: state.marks, errors: state.errors });
  marksBox.addEventListener('change', () => {
    state.marks = marksBox.checked;
    applyToggles();
    remember();
  });
  errorsBox.addEventListener('change', () => {
    state.errors = errorsBox.checked;
    applyToggles();
    remember();
  });
  applyToggles();

  /** @type {any} */
  let geometry;
  /** @type {HTMLElement[]} page frames */
  const frames = [];
  /** @type {any[]} the latest content of each page, null when stale or not yet received */
  const data = [];
  /** @type {boolean[]} whether the frame shows data[i] */
  const drawn = [];
  /** @type {number[]} */
  let bases = [];
  /** @type {Set<number>} pages in or near the view */
  const near = new Set();
  /** @type {Set<number>} pages asked for and not yet received */
  const asked = new Set();
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
      const bounds = new Set([0, text.length]);
      for (const [a, b] of marks) {
        if (a > at && a < at + text.length) bounds.add(a - at);
        if (b > at && b < at + text.length) bounds.add(b - at);
      }
      const points = [...bounds].sort((x, y) => x - y);
      for (let i = 0; i + 1 < points.length; i++) {
        const from = points[i];
        const cut = at + from;
        const span = document.createElement('span');
        span.className = `f-${piece.font}${piece.bold ? ' b' : ''}${piece.strike ? ' s' : ''}${piece.sup ? ' sup' : ''}${marks.some((/** @type {number[]} */ [a, b]) => cut >= a && cut < b) ? ' mark' : ''}`;
        span.textContent = text.slice(from, points[i + 1]);
        el.appendChild(span);
      }
      at += text.length;
    }
  }

  function draw(/** @type {number} */ index) {
    const page = data[index];
    const frame = frames[index];
    if (!page || !frame) return;
    const g = geometry;
    const out = document.createDocumentFragment();
    for (const box of page.boxes) {
      const b = document.createElement('div');
      b.className = box.image ? 'box image' : 'box';
      b.style.left = pt(g.margins.left + box.left);
      b.style.top = pt(g.margins.top + box.top);
      b.style.width = pt(box.width);
      b.style.height = pt(box.height);
      out.appendChild(b);
    }
    // Paragraph borders (the red line of the 版头, the 版记's lines) and the footnote separator.
    for (const rule of page.rules || []) {
      const r = document.createElement('div');
      r.className = 'rule';
      r.style.left = pt(g.margins.left + rule.left);
      r.style.top = pt(g.margins.top + rule.top);
      r.style.width = pt(rule.width);
      r.style.borderTopWidth = pt(rule.thickness);
      r.style.borderTopColor = `#${rule.color}`;
      out.appendChild(r);
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
      if (line.color) l.style.color = `#${line.color}`;
      if (line.error) {
        l.title = line.error;
        l.style.setProperty('--error-left', pt(-line.left - 14));
      }
      fill(l, line);
      out.appendChild(l);
    }
    // 7.5: the 版记's page and the blank page before it carry no number.
    if (g.pageNumbers && page.numbered !== false) {
      const folio = document.createElement('div');
      folio.className = 'folio';
      folio.textContent = `— ${page.number} —`;
      // 7.5: 4号, 7 mm below the text block; odd pages right, even pages left, one character in.
      folio.style.bottom = pt(g.footerDistance);
      if (page.number % 2 === 1) folio.style.right = pt(g.margins.right + g.sizes.pageNumber);
      else folio.style.left = pt(g.margins.left + g.sizes.pageNumber);
      out.appendChild(folio);
    }
    frame.replaceChildren(out);
    frame.classList.remove('stale');
    drawn[index] = true;
  }

  /** Draws what is near the view and has arrived; asks for what is near the view and stale. */
  function refresh() {
    const need = [];
    for (const i of near) {
      if (i >= frames.length) continue;
      if (data[i] && !drawn[i]) draw(i);
      if (!data[i] && !asked.has(i)) {
        asked.add(i);
        need.push(i);
      }
    }
    if (need.length > 0) vscode.postMessage({ type: 'need', pages: need });
    const shown = [...near].filter((i) => i < frames.length);
    if (shown.length > 0) vscode.postMessage({ type: 'visible', first: Math.min(...shown), last: Math.max(...shown) });
  }

  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const i = Number(/** @type {HTMLElement} */ (e.target).dataset.index);
        if (e.isIntersecting) near.add(i);
        else {
          near.delete(i);
          // Far from the view: free the page's elements; it is redrawn when it comes back.
          if (drawn[i]) {
            frames[i].replaceChildren();
            drawn[i] = false;
          }
        }
      }
      refresh();
    },
    { rootMargin: '50% 0px 50% 0px' },
  );

  function frame(/** @type {number} */ index) {
    const el = document.createElement('div');
    el.className = 'page';
    el.dataset.index = String(index);
    el.style.width = pt(geometry.width);
    el.style.height = pt(geometry.height);
    observer.observe(el);
    return el;
  }

  function apply(/** @type {any} */ m) {
    if (m.geometry) {
      geometry = m.geometry;
      for (const [key, stack] of Object.entries(geometry.fonts || {})) document.documentElement.style.setProperty(`--f-${key}`, String(stack));
      for (const f of frames.splice(0)) {
        observer.unobserve(f);
        f.remove();
      }
      data.length = 0;
      drawn.length = 0;
      near.clear();
      fit();
    }
    if (!geometry) return;
    while (frames.length < m.pageCount) {
      const f = frame(frames.length);
      frames.push(f);
      container.appendChild(f);
    }
    for (const f of frames.splice(m.pageCount)) {
      observer.unobserve(f);
      f.remove();
    }
    data.length = m.pageCount;
    drawn.length = m.pageCount;
    bases = m.bases;
    for (const i of m.stale) {
      data[i] = null;
      asked.delete(i);
      if (frames[i]) frames[i].classList.add('stale');
    }
    for (const { index, page } of m.pages) {
      data[index] = page;
      drawn[index] = false;
      asked.delete(index);
      if (near.has(index)) draw(index);
    }
    count.textContent = (labels.pages || '{0} pages').replace('{0}', String(m.pageCount));
    if (!restored) {
      restored = true;
      if (state.scrollRatio > 0) window.scrollTo(0, state.scrollRatio * document.documentElement.scrollHeight);
    }
    refresh();
  }

  /** The page holding a draft offset: the last whose base is not after it. */
  function pageOf(/** @type {number} */ offset) {
    let lo = 0;
    let hi = bases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bases[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** @returns {Array<{src: number, end: number, el: HTMLElement}>} the drawn lines of a page, with draft offsets */
  function linesOf(/** @type {number} */ index) {
    const base = bases[index] || 0;
    return [.../** @type {NodeListOf<HTMLElement>} */ (frames[index].querySelectorAll('.line'))].map((el) => ({
      src: base + Number(el.dataset.src),
      end: base + Number(el.dataset.end),
      el,
    }));
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
      for (const i of [...near].sort((a, b) => a - b)) {
        const top = drawn[i] ? linesOf(i).find((e) => e.el.getBoundingClientRect().bottom > 40) : undefined;
        if (top) {
          vscode.postMessage({ type: 'scrolled', offset: top.src });
          return;
        }
      }
    });
  });

  function reveal(/** @type {number} */ offset) {
    if (frames.length === 0) return;
    const index = pageOf(offset);
    const hit = drawn[index] ? linesOf(index).find((e) => e.end > offset) : undefined;
    const target = hit ? hit.el : frames[index];
    quietUntil = Date.now() + 400;
    const top = target.getBoundingClientRect().top + window.scrollY - 48;
    window.scrollTo(0, Math.max(0, top));
  }

  container.addEventListener('click', (e) => {
    const line = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest('.line'));
    if (!line) return;
    const frameEl = /** @type {HTMLElement} */ (line.closest('.page'));
    const base = bases[Number(frameEl.dataset.index)] || 0;
    const src = base + Number(line.dataset.src);
    const end = base + Number(line.dataset.end);
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
