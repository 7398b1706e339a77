// A backup's verification report: the checks and row counts from the stored verification.json, rendered as tables,
// and the stored verification.html in a sandboxed frame (no scripts, no same origin, no network: the page is
// fetched with the token and handed to the frame as srcdoc behind its own Content-Security-Policy).

import { ApiError, optional } from '../api.js';
import { badge, h, millis, notice, replace } from '../dom.js';

/** The policy put in front of the stored HTML report: inline styles, nothing else. */
const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * Shows the report of `backup` in `container`; resolves with true when there was one to show, false when the
 * backup has none (yet) or this server does not serve reports.
 */
export async function renderReport(container, backup, signal) {
  const base = '/api/backups/' + encodeURIComponent(backup.backupId);
  let json = null;
  let html = null;
  try {
    [json, html] = await Promise.all([
      optional(base + '/report', { signal }),
      optional(base + '/report.html', { signal, accept: 'text' }),
    ]);
  } catch (e) {
    replace(container, notice(e instanceof ApiError ? e.message : String(e), 'error'));
    return false;
  }
  if (!json && !html) {
    replace(
      container,
      notice(
        backup.reportKey
          ? 'The verification report is not available on this server.'
          : 'This backup has no verification report.',
      ),
    );
    return false;
  }
  replace(container, json ? summary(json) : null, html ? frame(html) : null);
  return true;
}

function summary(report) {
  const checks = Array.isArray(report.checks) ? report.checks : [];
  const tables = Array.isArray(report.tables) ? report.tables : [];
  const mismatched = tables.filter((t) => t.restoredRows !== t.sourceRows).length;
  return h(
    'div',
    { class: 'report' },
    h(
      'p',
      {},
      'Outcome ',
      badge(report.outcome),
      report.timings ? ' · restored in ' + millis(report.timings.restoreMillis) : '',
      report.sandboxKind ? ' · sandbox ' + report.sandboxKind : '',
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { id: 'checks' },
        h('caption', {}, 'Checks, in the order run'),
        h('thead', {}, h('tr', {}, ['Check', 'Status', 'Detail', 'Time'].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          {},
          checks.map((c) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, c.name),
              h('td', {}, badge(c.status)),
              h('td', {}, c.detail ?? '—'),
              h('td', { class: 'num' }, millis(c.durationMillis)),
            ),
          ),
        ),
      ),
    ),
    tables.length === 0
      ? null
      : h(
          'details',
          {},
          h(
            'summary',
            {},
            'Row counts of ' + tables.length + ' tables' + (mismatched ? ' (' + mismatched + ' differ)' : ', all equal'),
          ),
          h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              {},
              h('caption', {}, 'Rows at the source and after the restore'),
              h('thead', {}, h('tr', {}, ['Table', 'Source rows', 'Restored rows'].map((t) => h('th', { scope: 'col' }, t)))),
              h(
                'tbody',
                {},
                tables.map((t) =>
                  h(
                    'tr',
                    { class: t.restoredRows === t.sourceRows ? null : 'differs' },
                    h('th', { scope: 'row' }, (t.schema ? t.schema + '.' : '') + t.name),
                    h('td', { class: 'num' }, t.sourceRows),
                    h('td', { class: 'num' }, t.restoredRows ?? 'missing'),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

function frame(html) {
  const policy = '<meta http-equiv="Content-Security-Policy" content="' + REPORT_POLICY + '">';
  const iframe = h('iframe', {
    title: 'Verification report (stored page)',
    sandbox: '',
    referrerpolicy: 'no-referrer',
    class: 'report-frame',
  });
  // srcdoc is a property, not markup in this document: the stored page is parsed only inside the sandbox
  const head = /<head(\s[^>]*)?>/i.exec(html);
  iframe.srcdoc = head
    ? html.slice(0, head.index + head[0].length) + policy + html.slice(head.index + head[0].length)
    : policy + html;
  return h('details', { class: 'report-page', open: true }, h('summary', {}, 'The stored report page'), iframe);
}
