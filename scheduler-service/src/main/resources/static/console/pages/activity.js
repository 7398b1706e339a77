// Live activity: what is running now (GET /api/activity, every 2 s): backups queued, dumping or verifying, and
// restores, each with a progress bar. A polite live region says how many, only when that changes.

import { ApiError, optional } from '../api.js';
import { badge, bytes, h, link, millis, notice, poll, replace } from '../dom.js';

const POLL_MILLIS = 2000;

/** Renders the page and polls until the user leaves it (or the server has no such endpoint). */
export async function render(main, _params, { signal }) {
  const summary = h('p', { id: 'activity-summary', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  const backups = h('ul', { class: 'activity', id: 'activity-backups' });
  const restores = h('ul', { class: 'activity', id: 'activity-restores' });
  main.append(
    h('h1', {}, 'Live activity'),
    summary,
    h('section', { 'aria-labelledby': 'running-backups' }, h('h2', { id: 'running-backups' }, 'Backups'), backups),
    h('section', { 'aria-labelledby': 'running-restores' }, h('h2', { id: 'running-restores' }, 'Restores'), restores),
  );
  const stop = new AbortController();
  signal.addEventListener('abort', () => stop.abort(), { once: true });
  await poll(
    async () => {
      let activity;
      try {
        activity = await optional('/api/activity', { signal });
      } catch (e) {
        setText(summary, e instanceof ApiError ? e.message : 'The server cannot be reached.');
        throw e;
      }
      if (activity === null) {
        stop.abort();
        replace(summary, 'Live activity is not available on this server.');
        backups.closest('section').hidden = true;
        restores.closest('section').hidden = true;
        return;
      }
      const b = activity.backups ?? [];
      const r = activity.restores ?? [];
      setText(summary, count(b.length, 'backup') + ' and ' + count(r.length, 'restore') + ' running.');
      replace(backups, b.length ? b.map(backupItem) : h('li', {}, 'No backup is running.'));
      replace(restores, r.length ? r.map(restoreItem) : h('li', {}, 'No restore is running.'));
    },
    POLL_MILLIS,
    stop.signal,
  );
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function count(n, noun) {
  return n + ' ' + noun + (n === 1 ? '' : 's');
}

function backupItem(a) {
  const id = String(a.backupId);
  return h(
    'li',
    { 'data-backup': id },
    h('p', {}, link('#/backups/' + encodeURIComponent(id), a.targetId + ' ' + id.slice(0, 8)), ' ', badge(a.phase)),
    bar(a.percent, 'Backup ' + id.slice(0, 8) + ' of ' + a.targetId),
    h(
      'p',
      { class: 'meta' },
      bytes(a.bytesWritten) + ' written',
      a.expectedBytes ? ' of about ' + bytes(a.expectedBytes) : '',
      ' · ' + millis(a.elapsedMillis) + ' elapsed',
    ),
  );
}

function restoreItem(r) {
  const p = r.progress;
  return h(
    'li',
    { 'data-restore': String(r.restoreId) },
    h(
      'p',
      {},
      link('#/backups/' + encodeURIComponent(r.backupId), r.targetId + ' restore ' + String(r.restoreId).slice(0, 8)),
      ' ',
      badge(r.state),
      r.phase ? ' ' + r.phase : '',
    ),
    bar(p ? p.percent : null, 'Restore ' + String(r.restoreId).slice(0, 8) + ' of ' + r.targetId),
    p
      ? h(
          'p',
          { class: 'meta' },
          bytes(p.bytesRead) + ' of ' + bytes(p.bytesTotal) + ' read · ' + millis(p.elapsedMillis) + ' elapsed',
          p.etaSeconds !== null && p.etaSeconds !== undefined ? ' · about ' + millis(p.etaSeconds * 1000) + ' left' : '',
        )
      : null,
  );
}

/** A progress bar with its value as text too; indeterminate when the percentage is not known. */
function bar(percent, label) {
  const known = percent !== null && percent !== undefined;
  const progress = h('progress', { max: '100', 'aria-label': label });
  if (known) progress.value = Number(percent);
  return h('div', { class: 'bar' }, progress, h('span', {}, known ? Math.round(Number(percent)) + ' %' : 'size not known yet'));
}
