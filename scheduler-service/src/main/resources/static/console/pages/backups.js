// The backups table, newest first, filtered by target and state (kept in the address: #/backups?target=&state=).
// The rows refresh every few seconds (not while the keyboard focus is in the table).

import { ApiError, api, optional } from '../api.js';
import { badge, bytes, h, link, notice, poll, time } from '../dom.js';

/** Every state a backup can be in, for the filter. */
export const STATES = [
  'REQUESTED',
  'COMPLETED',
  'VERIFIED',
  'FAILED',
  'VERIFICATION_FAILED',
  'VERIFICATION_ERROR',
  'DELETED',
];
const REFRESH_MILLIS = 4000;

/** Renders the filters and the table. */
export async function render(main, _params, { signal, query }) {
  const target = query.get('target') ?? '';
  const state = query.get('state') ?? '';
  const targetSelect = h('select', { id: 'filter-target', name: 'target' }, h('option', { value: '' }, 'All targets'));
  const stateSelect = h(
    'select',
    { id: 'filter-state', name: 'state' },
    h('option', { value: '' }, 'All states'),
    STATES.map((s) => h('option', { value: s, selected: s === state }, s)),
  );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter backups' },
    h('div', {}, h('label', { for: 'filter-target' }, 'Target'), targetSelect),
    h('div', {}, h('label', { for: 'filter-state' }, 'State'), stateSelect),
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (targetSelect.value) params.set('target', targetSelect.value);
    if (stateSelect.value) params.set('state', stateSelect.value);
    const q = params.toString();
    location.hash = '#/backups' + (q ? '?' + q : '');
  });
  const result = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading backups…'));
  main.append(h('h1', {}, 'Backups'), form, result);

  fillTargets(targetSelect, target, signal);

  const params = new URLSearchParams({ limit: '100' });
  if (target) params.set('targetId', target);
  if (state) params.set('state', state);
  let body = null;
  await poll(
    async () => {
      if (body && result.contains(document.activeElement)) return; // do not pull the row from under the keyboard
      let page;
      try {
        page = await api('/api/backups?' + params, { signal });
      } catch (e) {
        if (signal.aborted) return;
        result.replaceChildren(notice(e instanceof ApiError ? e.message : String(e), 'error'));
        result.removeAttribute('aria-busy');
        throw e;
      }
      const rows = page.items.map(row);
      if (!body) {
        body = h('tbody', {}, rows);
        result.replaceChildren(
          h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { id: 'backups' },
              h('caption', {}, caption(target, state, page.items.length)),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  ['Backup', 'Target', 'State', 'Label', 'Trigger', 'Requested', 'Completed', 'Size'].map((t) =>
                    h('th', { scope: 'col' }, t),
                  ),
                ),
              ),
              body,
            ),
          ),
        );
        result.removeAttribute('aria-busy');
        if (page.items.length === 0) result.append(notice('No backup matches.'));
      } else {
        body.replaceChildren(...rows);
      }
    },
    REFRESH_MILLIS,
    signal,
  );
}

function caption(target, state, count) {
  const parts = [count + ' backup' + (count === 1 ? '' : 's')];
  if (target) parts.push('of ' + target);
  if (state) parts.push('in state ' + state);
  return parts.join(' ') + ', newest first';
}

function row(b) {
  const id = String(b.backupId);
  return h(
    'tr',
    { 'data-backup': id },
    h('td', {}, link('#/backups/' + encodeURIComponent(id), id.slice(0, 8), { title: id, 'aria-label': 'Backup ' + id })),
    h('td', {}, b.targetId),
    h('td', {}, badge(b.state)),
    h('td', {}, b.label ?? '—'),
    h('td', {}, b.trigger ?? '—'),
    h('td', {}, time(b.requestedAt)),
    h('td', {}, time(b.completedAt)),
    h('td', { class: 'num' }, bytes(b.storedBytes)),
  );
}

/** The target filter's choices: the configured targets, or (without GET /api/targets) those with backups. */
async function fillTargets(select, selected, signal) {
  let ids = [];
  try {
    const targets = await optional('/api/targets', { signal });
    if (targets) ids = targets.items.map((t) => String(t.id));
    else ids = [...new Set((await api('/api/backups?limit=500', { signal })).items.map((b) => String(b.targetId)))];
  } catch {
    ids = [];
  }
  if (selected && !ids.includes(selected)) ids.push(selected);
  ids.sort();
  for (const id of ids) select.append(h('option', { value: id, selected: id === selected }, id));
}
