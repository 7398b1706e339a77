// The Alerts panel of the dashboard: the open alerts (GET /api/alerts, newest first) with severity, target, what and
// since when. Rendered above the target cards; quiet (one line) when nothing is open, absent on a server without
// the endpoint.

import { ApiError, optional } from '../api.js';
import { badge, h, link, notice, table, time } from '../dom.js';

const SEVERITY_KIND = { CRITICAL: 'bad', WARNING: 'health-amber', INFO: 'neutral' };

/** The panel, filled in when the answer arrives; null-safe against a server without GET /api/alerts. */
export function alertsPanel(signal) {
  const body = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading alerts…'));
  const panel = h('section', { class: 'alerts', 'aria-labelledby': 'alerts-heading' },
    h('h2', { id: 'alerts-heading' }, 'Alerts'), body);
  load(panel, body, signal);
  return panel;
}

async function load(panel, body, signal) {
  let page;
  try {
    page = await optional('/api/alerts?state=open&limit=50', { signal });
  } catch (e) {
    if (signal.aborted) return;
    body.replaceChildren(notice(e instanceof ApiError ? e.message : String(e), 'error'));
    body.removeAttribute('aria-busy');
    return;
  }
  body.removeAttribute('aria-busy');
  if (!page) {
    panel.remove();
    return;
  }
  if (page.items.length === 0) {
    body.replaceChildren(notice('No open alert.'));
    return;
  }
  body.replaceChildren(table(
    page.items.length + ' open alert(s), newest first',
    ['Severity', 'Target', 'Kind', 'What', 'Opened', 'Escalations'],
    page.items.map((a) => [
      badge(a.severity, SEVERITY_KIND[a.severity] ?? 'neutral'),
      a.targetId === '_all' ? 'all' : link('#/targets/' + encodeURIComponent(a.targetId), a.targetId),
      a.kind,
      a.backupId ? [a.summary, ' ', link('#/backups/' + encodeURIComponent(a.backupId), 'backup')] : a.summary,
      time(a.openedAt),
      String(a.escalationLevel ?? 0),
    ]),
    { class: 'alerts-table' },
  ));
}
