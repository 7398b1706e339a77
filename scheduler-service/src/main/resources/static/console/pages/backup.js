// One backup: its fields (refreshed while it is still moving), its verification report, its restores, and the
// operator's buttons "Verify again" and "Restore…".

import { ApiError, api, optional } from '../api.js';
import { badge, bytes, fields, h, link, notice, poll, replace, time } from '../dom.js';
import { actionButton } from './actions.js';
import { renderReport } from './report.js';
import { restoreForm } from './restore-form.js';

const MOVING = new Set(['REQUESTED', 'COMPLETED']);
const REFRESH_MILLIS = 2000;

/** Renders the page of backup `id`. */
export async function render(main, [id], { signal }) {
  const path = '/api/backups/' + encodeURIComponent(id);
  const summary = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading…'));
  const live = h('p', { class: 'live', role: 'status', 'aria-live': 'polite' });
  const report = h('section', { 'aria-labelledby': 'report-heading' }, h('h2', { id: 'report-heading' }, 'Verification report'));
  const reportBody = h('div', {}, h('p', {}, 'Waiting for the backup to be verified…'));
  report.append(reportBody);
  const restores = h('section', { 'aria-labelledby': 'restores-heading' }, h('h2', { id: 'restores-heading' }, 'Restores'));
  const restoresBody = h('div', {}, h('p', {}, 'Loading restores…'));
  restores.append(restoresBody);
  const actions = h('section', { 'aria-labelledby': 'actions-heading' }, h('h2', { id: 'actions-heading' }, 'Actions'));
  main.append(
    h('p', { class: 'crumbs' }, link('#/backups', 'Backups'), ' › ', h('span', { class: 'mono' }, id)),
    h('h1', {}, 'Backup ' + id.slice(0, 8)),
    live,
    summary,
    actions,
    report,
    restores,
  );

  let backup;
  try {
    backup = await api(path, { signal });
  } catch (e) {
    replace(summary, notice(e instanceof ApiError ? e.message : String(e), 'error'));
    summary.removeAttribute('aria-busy');
    report.hidden = true;
    restores.hidden = true;
    actions.hidden = true;
    return;
  }
  showFields(summary, backup);
  live.textContent = 'State: ' + backup.state;
  const refreshRestores = () => showRestores(restoresBody, backup, signal);
  actions.append(
    actionButton({
      label: 'Verify again',
      action: 'verify',
      run: async () => {
        await api(path + '/verify', { method: 'POST' });
        watch();
        return 'Verification requested; the report is replaced when it ends.';
      },
    }),
    restoreForm(backup, signal, refreshRestores),
  );

  // one loop for the page: it reads the backup while watching (moving, or verified again and not back yet)
  let reportShown = false;
  let watching = false;
  let looping = false;
  let seenVerifiedAt = backup.verifiedAt;
  const watch = () => {
    watching = true;
    if (looping) return;
    looping = true;
    poll(
      async () => {
        if (!watching) return;
        const next = await api(path, { signal });
        if (next.state !== backup.state) live.textContent = 'State: ' + next.state;
        const reverified = next.verifiedAt !== seenVerifiedAt;
        backup = next;
        showFields(summary, backup);
        if (!MOVING.has(backup.state) && (reverified || !reportShown)) {
          seenVerifiedAt = backup.verifiedAt;
          watching = false;
          reportShown = await renderReport(reportBody, backup, signal);
        }
      },
      REFRESH_MILLIS,
      signal,
    );
  };
  if (MOVING.has(backup.state)) {
    watch();
  } else {
    reportShown = await renderReport(reportBody, backup, signal);
  }
  poll(refreshRestores, 5000, signal);
}

function showFields(summary, b) {
  summary.removeAttribute('aria-busy');
  replace(
    summary,
    fields([
      ['Backup id', h('span', { class: 'mono' }, b.backupId)],
      ['Target', link('#/targets/' + encodeURIComponent(b.targetId), b.targetId)],
      ['State', h('span', { id: 'backup-state' }, badge(b.state))],
      ['Label', b.label],
      ['Trigger', [b.trigger ?? '—', b.scheduleId ? ' (' + b.scheduleId + ')' : '']],
      ['Tier', b.tier],
      ['Requested', [time(b.requestedAt), b.requestedBy ? ' by ' + b.requestedBy : '']],
      ['Completed', time(b.completedAt)],
      ['Stored size', bytes(b.storedBytes)],
      ['Verification', b.verificationOutcome ? badge(b.verificationOutcome) : '—'],
      ['Verified', time(b.verifiedAt)],
      ['Failed checks', b.failedChecks && b.failedChecks.length > 0 ? b.failedChecks.join(', ') : '—'],
      b.failureReason || b.failureMessage
        ? ['Failure', [b.failureReason ?? '', b.failureReason && b.failureMessage ? ': ' : '', b.failureMessage ?? '']]
        : null,
      ['Object prefix', b.prefix ? h('span', { class: 'mono' }, b.prefix) : '—'],
    ].filter(Boolean)),
  );
}

async function showRestores(container, backup, signal) {
  let page;
  try {
    page = await optional('/api/restores?targetId=' + encodeURIComponent(backup.targetId) + '&limit=200', { signal });
  } catch (e) {
    replace(container, notice(e instanceof ApiError ? e.message : String(e), 'error'));
    return;
  }
  if (page === null) {
    replace(container, notice('Restores are not available on this server.'));
    return;
  }
  const mine = page.items.filter((r) => r.backupId === backup.backupId);
  if (mine.length === 0) {
    replace(container, h('p', {}, 'This backup was not restored yet.'));
    return;
  }
  const rows = mine.map((r) => [
    h('span', { class: 'mono', title: r.restoreId }, String(r.restoreId).slice(0, 8)),
    badge(r.state),
    destination(r),
    time(r.request?.requestedAt),
    time(r.finishedAt),
    r.message ?? (r.progress ? r.progress.percent + ' %' : '—'),
  ]);
  replace(
    container,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { id: 'restores' },
        h('caption', {}, mine.length + ' restore' + (mine.length === 1 ? '' : 's') + ' of this backup'),
        h('thead', {}, h('tr', {}, ['Restore', 'State', 'Into', 'Requested', 'Finished', 'Detail'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c))))),
      ),
    ),
  );
}

function destination(r) {
  const d = r.destination;
  const q = r.request;
  const where = d?.destinationId ?? q?.destinationId ?? q?.destinationTarget ?? 'own server';
  const database = d?.database ?? q?.database ?? 'new database';
  return where + ' / ' + database;
}
