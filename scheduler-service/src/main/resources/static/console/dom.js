// Small DOM and formatting helpers. Every value from the API goes in through textContent or an attribute:
// nothing here ever parses a string as HTML, so a hostile label or message stays text.

/**
 * Makes an element. attrs: plain attributes, plus `class`, `text` (textContent), `on<event>` handlers and
 * boolean attributes (true sets, false/null/undefined leaves out). children: nodes, strings (as text) or arrays.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') el.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends nodes, strings (as text nodes) and nested arrays; skips null and undefined. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** "1.4 MB" for a byte count; an em dash for null. */
export function bytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Number(n);
  let i = 0;
  while (Math.abs(value) >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return (i === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0)) + ' ' + units[i];
}

/** "350 ms", "2.3 s", "4 min 10 s", "3 h 5 min", "2 d 4 h" for a number of milliseconds; an em dash for null. */
export function millis(ms) {
  if (ms === null || ms === undefined) return '—';
  if (Math.abs(Number(ms)) < 1000) return Math.round(Number(ms)) + ' ms';
  const s = Number(ms) / 1000;
  if (s < 60) return (s < 10 ? s.toFixed(1) : Math.round(s)) + ' s';
  const m = Math.floor(s / 60);
  if (m < 60) return m + ' min ' + Math.round(s % 60) + ' s';
  const hours = Math.floor(m / 60);
  if (hours < 48) return hours + ' h ' + (m % 60) + ' min';
  return Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h';
}

/** A <time> with the instant in UTC and, after it, how long ago it was; an em dash for null. */
export function time(iso) {
  if (!iso) return document.createTextNode('—');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return document.createTextNode(String(iso));
  const text = date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', ' UTC');
  return h('time', { datetime: date.toISOString(), title: ago(date) }, text);
}

/** "5 min ago" / "in 3 h" for a Date. */
export function ago(date) {
  const diff = Date.now() - date.getTime();
  const text = millis(Math.abs(diff));
  return diff >= 0 ? text + ' ago' : 'in ' + text;
}

/** A percentage "97 %" for a rate 0..1; an em dash for null. */
export function percent(rate) {
  return rate === null || rate === undefined ? '—' : Math.round(Number(rate) * 1000) / 10 + ' %';
}

/** The hash link to a page: `link('#/backups/' + id, 'text')`, path segments already encoded by the caller. */
export function link(href, text, attrs = {}) {
  return h('a', { href, ...attrs }, text);
}

/** A status badge: the state's word, always as text, coloured by its class. */
export function badge(state, kind = stateKind(state)) {
  return h('span', { class: 'badge badge-' + kind }, state ?? 'UNKNOWN');
}

/** good / bad / busy / neutral for a backup or restore state. */
export function stateKind(state) {
  switch (state) {
    case 'VERIFIED':
    case 'SUCCEEDED':
    case 'PASSED':
      return 'good';
    case 'FAILED':
    case 'VERIFICATION_FAILED':
    case 'VERIFICATION_ERROR':
    case 'ERROR':
      return 'bad';
    case 'REQUESTED':
    case 'COMPLETED':
    case 'RUNNING':
    case 'QUEUED':
    case 'DUMPING':
    case 'VERIFYING':
      return 'busy';
    default:
      return 'neutral';
  }
}

/** A labelled definition list of [term, value] pairs (values: nodes or text). */
export function fields(pairs) {
  return h('dl', { class: 'fields' }, pairs.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

/** A table with a caption, header cells and rows (arrays of cell contents), wrapped so it scrolls on small screens. */
export function table(caption, headers, rows, attrs = {}) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      attrs,
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell ?? '—'))))),
    ),
  );
}

/** A short paragraph saying something is not there, e.g. an endpoint this server does not have. */
export function notice(text, kind = 'info') {
  return h('p', { class: 'notice notice-' + kind }, text);
}

/** Moves focus to the page's heading after a navigation, so that screen readers announce the new page. */
export function focusHeading(container) {
  const heading = container.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    document.title = heading.textContent + ' · Bulwark';
  }
}

/** Runs `task` now and then every `ms` milliseconds after it settles, until `signal` aborts. */
export function poll(task, ms, signal) {
  const run = async () => {
    if (signal.aborted) return;
    try {
      await task();
    } catch (e) {
      if (!signal.aborted) console.warn(e);
    }
    if (!signal.aborted) {
      const timer = setTimeout(run, ms);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }
  };
  return run();
}
