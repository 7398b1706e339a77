// One target: its health and, from GET /api/statistics?targetId=&days=30, the numbers of the last 7 and 30 days and
// four charts (artifact size, dump duration, measured restore time against the RTO, daily success rate), each with
// its data as a table for those who cannot see the chart. The chart library (uPlot) is loaded only here.

import { ApiError, optional } from '../api.js';
import { badge, bytes, fields, h, link, millis, notice, percent, replace, time } from '../dom.js';
import { requestBackupButton } from './actions.js';

const DAYS = 30;
const FAILED = new Set(['FAILED', 'VERIFICATION_FAILED', 'VERIFICATION_ERROR']);

/** Renders the page of target `id`. */
export async function render(main, [id], { signal }) {
  const about = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading…'));
  const stats = h('div', {});
  main.append(
    h('p', { class: 'crumbs' }, link('#/targets', 'Targets'), ' › ', id),
    h('h1', {}, 'Target ' + id),
    about,
    h('p', { class: 'links' }, link('#/backups?target=' + encodeURIComponent(id), 'Backups of ' + id)),
    requestBackupButton(id),
    h('h2', {}, 'The last ' + DAYS + ' days'),
    stats,
  );
  try {
    const [target, statistics] = await Promise.all([
      optional('/api/targets/' + encodeURIComponent(id), { signal }),
      optional('/api/statistics?targetId=' + encodeURIComponent(id) + '&days=' + DAYS, { signal }),
    ]);
    about.removeAttribute('aria-busy');
    replace(about, target ? targetFields(target) : notice('Target health is not available on this server.'));
    if (!statistics) {
      replace(stats, notice('Statistics are not available on this server.'));
      return;
    }
    replace(stats, windows(statistics), await charts(statistics, signal));
  } catch (e) {
    if (signal.aborted) return;
    about.removeAttribute('aria-busy');
    replace(about, notice(e instanceof ApiError ? e.message : String(e), 'error'));
  }
}

function targetFields(t) {
  return fields([
    ['Health', [badge(t.health, 'health-' + String(t.health).toLowerCase()), t.healthReason ? ' ' + t.healthReason : '']],
    ['Engine', t.engine],
    ['RPO', t.rpoSeconds ? millis(t.rpoSeconds * 1000) : t.rpo],
    ['RTO', t.rtoSeconds ? millis(t.rtoSeconds * 1000) : t.rto],
    ['Last verified', t.lastVerified ? time(t.lastVerified.verifiedAt ?? t.lastVerified.completedAt) : 'never'],
    ['Stored', bytes(t.storedBytes)],
    ['Backups', t.backupCount],
  ]);
}

function windows(s) {
  const w = s.windows ?? {};
  const row = (name, f) => [name, f(w['7d']), f(w['30d'])];
  const d = (name, x) => [name + ' (median / 95th percentile)', x ? millis(x.p50) + ' / ' + millis(x.p95) : '—', ''];
  const rows = [
    row('Backups', (x) => x?.backups),
    row('Succeeded', (x) => x?.succeeded),
    row('Failed', (x) => x?.failed),
    row('Success rate', (x) => percent(x?.successRate)),
    row('Verifications passed', (x) => (x ? x.passed + ' of ' + x.verifications : '—')),
    row('Verification pass rate', (x) => percent(x?.verificationPassRate)),
  ];
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { id: 'windows' },
        h('caption', {}, 'Backups and verifications'),
        h('thead', {}, h('tr', {}, ['', 'Last 7 days', 'Last 30 days'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map(([name, a, b]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, a ?? '—'), h('td', {}, b ?? '—')))),
      ),
    ),
    fields([
      d('Dump time', s.dumpMillis).slice(0, 2),
      d('Verification time', s.verifyMillis).slice(0, 2),
      d('Restore time', s.restoreMillis).slice(0, 2),
      ['RTO', millis(s.rtoMillis)],
      ['Artifact size (latest / median)', s.artifactBytes ? bytes(s.artifactBytes.latest) + ' / ' + bytes(s.artifactBytes.p50) : '—'],
      ['Growth', s.artifactBytes?.growthPercent === null || s.artifactBytes?.growthPercent === undefined ? '—' : s.artifactBytes.growthPercent.toFixed(1) + ' %'],
    ]),
  );
}

async function charts(s, signal) {
  const series = Array.isArray(s.series) ? s.series : [];
  if (series.length === 0) return notice('No backup in this period: nothing to chart.');
  const at = series.map((p) => Date.parse(p.at) / 1000);
  const seconds = (ms) => (ms === null || ms === undefined ? null : ms / 1000);
  const days = dailySuccess(series);
  const specs = [
    {
      id: 'chart-size',
      title: 'Artifact size',
      x: at,
      lines: [{ label: 'Stored bytes', values: series.map((p) => p.storedBytes ?? null), colour: '#1f5fa8' }],
      format: bytes,
    },
    {
      id: 'chart-dump',
      title: 'Dump duration',
      x: at,
      lines: [{ label: 'Dump (s)', values: series.map((p) => seconds(p.dumpMillis)), colour: '#6b3fa0' }],
      format: (v) => millis(v * 1000),
    },
    {
      id: 'chart-restore',
      title: 'Measured restore time and the RTO',
      x: at,
      lines: [
        { label: 'Restore (s)', values: series.map((p) => seconds(p.restoreMillis)), colour: '#1d7a45' },
        { label: 'RTO (s)', values: at.map(() => seconds(s.rtoMillis)), colour: '#b3261e', dash: [6, 4] },
      ],
      format: (v) => millis(v * 1000),
    },
    {
      id: 'chart-success',
      title: 'Success rate per day',
      x: days.map((d) => d.at),
      lines: [{ label: 'Succeeded (%)', values: days.map((d) => d.rate), colour: '#1d7a45' }],
      format: (v) => Math.round(v) + ' %',
    },
  ];
  let uPlot = null;
  try {
    uPlot = (await import('../../webjars/uplot/dist/uPlot.esm.js')).default;
  } catch {
    uPlot = null;
  }
  const container = h('div', { class: 'charts' });
  if (!uPlot) container.append(notice('The chart library could not be loaded; the data tables follow.', 'warn'));
  for (const spec of specs) container.append(figure(spec, uPlot, signal));
  return container;
}

/** Per UTC day: the share (0..100) of the day's backups that did not fail. */
function dailySuccess(series) {
  const byDay = new Map();
  for (const p of series) {
    const day = String(p.at).slice(0, 10);
    const d = byDay.get(day) ?? { total: 0, ok: 0 };
    d.total++;
    if (!FAILED.has(p.state)) d.ok++;
    byDay.set(day, d);
  }
  return [...byDay.entries()].map(([day, d]) => ({ day, at: Date.parse(day + 'T12:00:00Z') / 1000, rate: (100 * d.ok) / d.total }));
}

function figure(spec, uPlot, signal) {
  const plot = h('div', { class: 'plot', 'aria-hidden': 'true' });
  const headers = ['Time', ...spec.lines.map((l) => l.label)];
  const rows = spec.x.map((x, i) => [
    new Date(x * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    ...spec.lines.map((l) => (l.values[i] === null ? '—' : spec.format(l.values[i]))),
  ]);
  const fig = h(
    'figure',
    { id: spec.id, class: 'chart' },
    h('figcaption', {}, spec.title),
    plot,
    h(
      'details',
      {},
      h('summary', {}, 'Data of "' + spec.title + '"'),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))),
        ),
      ),
    ),
  );
  if (uPlot) {
    // drawn once the figure is in the page and has a width; redrawn at the new width when the window changes
    requestAnimationFrame(() => {
      if (signal.aborted) return;
      const width = () => Math.max(260, plot.clientWidth || 600);
      const chart = new uPlot(
        {
          width: width(),
          height: 220,
          scales: { x: { time: true } },
          series: [
            {},
            ...spec.lines.map((l) => ({
              label: l.label,
              stroke: l.colour,
              width: 2,
              dash: l.dash,
              spanGaps: true,
              points: { show: spec.x.length < 60 },
              value: (_u, v) => (v === null || v === undefined ? '—' : spec.format(v)),
            })),
          ],
          axes: [{}, { size: 70, values: (_u, ticks) => ticks.map((v) => spec.format(v)) }],
        },
        [spec.x, ...spec.lines.map((l) => l.values)],
        plot,
      );
      const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: 220 }));
      observer.observe(plot);
      signal.addEventListener('abort', () => {
        observer.disconnect();
        chart.destroy();
      }, { once: true });
    });
  }
  return fig;
}
