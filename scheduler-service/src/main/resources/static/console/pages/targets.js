// Targets overview: one card per target with its health (as a word and a colour), why, the age of its newest
// verified backup against its RPO, stored bytes, next runs and a "request a backup" button.

import { ApiError, api, optional } from '../api.js';
import { bytes, fields, h, link, millis, notice, time } from '../dom.js';
import { requestBackupButton } from './actions.js';
import { alertsPanel } from './alerts.js';

const HEALTH_WORDS = {
  GREEN: 'Healthy',
  AMBER: 'At risk',
  RED: 'Failing',
  UNKNOWN: 'Unknown',
};

/** Renders the overview. */
export async function render(main, _params, { signal }) {
  const list = h('div', { class: 'cards', 'aria-busy': 'true' }, h('p', {}, 'Loading targets…'));
  main.append(h('h1', {}, 'Targets'), alertsPanel(signal), list);
  let targets;
  let health = true;
  try {
    const answer = await optional('/api/targets', { signal });
    if (answer) {
      targets = answer.items;
    } else {
      health = false;
      targets = await targetsFromBackups(signal);
    }
  } catch (e) {
    list.replaceChildren(notice(e instanceof ApiError ? e.message : String(e), 'error'));
    list.removeAttribute('aria-busy');
    return;
  }
  list.replaceChildren();
  list.removeAttribute('aria-busy');
  if (!health) {
    main.insertBefore(
      notice('Target health is not available on this server; the targets below are those with backups.'),
      list,
    );
  }
  if (targets.length === 0) list.append(notice('No target has a backup yet.'));
  for (const target of targets) list.append(card(target));
}

/** Without GET /api/targets: the targets that have backups, each with its newest backup. */
async function targetsFromBackups(signal) {
  const page = await api('/api/backups?limit=500', { signal });
  const byTarget = new Map();
  for (const b of page.items) {
    if (!byTarget.has(b.targetId)) {
      byTarget.set(b.targetId, {
        id: b.targetId,
        health: 'UNKNOWN',
        healthReason: 'Health is not available on this server.',
        lastBackup: { backupId: b.backupId, state: b.state, at: b.requestedAt },
        lastVerified: null,
        storedBytes: null,
        backupCount: null,
        nextRuns: [],
      });
    }
  }
  return [...byTarget.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function card(t) {
  const id = String(t.id);
  const health = HEALTH_WORDS[t.health] ? t.health : 'UNKNOWN';
  const headingId = 'target-' + id.replace(/[^A-Za-z0-9_-]/g, '_');
  const verified = t.lastVerified
    ? [
        time(t.lastVerified.verifiedAt ?? t.lastVerified.completedAt),
        t.lastVerified.ageSeconds === null || t.lastVerified.ageSeconds === undefined
          ? ''
          : ' (' + millis(Number(t.lastVerified.ageSeconds) * 1000) + ' old' +
            (t.rpoSeconds ? ' of an RPO of ' + millis(Number(t.rpoSeconds) * 1000) : '') + ')',
      ]
    : 'never';
  const last = t.lastBackup
    ? [link('#/backups/' + encodeURIComponent(t.lastBackup.backupId), t.lastBackup.state), ' ', time(t.lastBackup.at)]
    : 'none';
  const next = Array.isArray(t.nextRuns) && t.nextRuns.length > 0
    ? h('ul', { class: 'plain' }, t.nextRuns.map((r) => h('li', {}, String(r.name ?? ''), ' ', time(r.at))))
    : 'none scheduled';
  return h(
    'article',
    { class: 'card health-' + health.toLowerCase(), 'aria-labelledby': headingId, 'data-target': id },
    h('h2', { id: headingId }, link('#/targets/' + encodeURIComponent(id), id)),
    h(
      'p',
      { class: 'health' },
      h('span', { class: 'badge badge-health-' + health.toLowerCase() }, health),
      ' ',
      h('strong', {}, HEALTH_WORDS[health]),
      t.healthReason ? h('span', { class: 'reason' }, ': ' + t.healthReason) : null,
    ),
    fields([
      ['Engine', t.engine ?? '—'],
      ['Last verified', verified],
      ['Last backup', last],
      ['Stored', bytes(t.storedBytes)],
      ['Backups', t.backupCount ?? '—'],
      ['Next runs', next],
    ]),
    h(
      'p',
      { class: 'links' },
      link('#/backups?target=' + encodeURIComponent(id), 'Backups of ' + id),
      ' · ',
      link('#/targets/' + encodeURIComponent(id), 'Charts of ' + id),
    ),
    requestBackupButton(id),
  );
}
