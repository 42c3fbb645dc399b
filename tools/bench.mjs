#!/usr/bin/env node
// `npm run bench`: builds quietly, runs every workspace's benchmark one after the other (their full
// output streams through), then prints a short summary table last. A missed target is stated
// plainly; the exit code stays 0 unless a benchmark crashed (a benchmark is not a test).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const turbo = fileURLToPath(new URL('../node_modules/.bin/turbo', import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };

/** Runs turbo with `args`; resolves with its exit code and, if `capture`, everything it printed. */
function run(args, capture) {
  return new Promise((done) => {
    const child = spawn(turbo, args, { cwd: root, env, stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr].filter(Boolean)) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stderr ? process.stderr : process.stdout).write(chunk);
      });
    }
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

const built = await run(['run', 'build', '--output-logs=errors-only'], false);
if (built.code !== 0) process.exit(built.code);
const { code, output } = await run(['run', 'bench', '--concurrency=1', '--output-logs=new-only'], true);

const text = output.replace(/\x1b\[[0-9;]*m/g, '');
const number = (pattern) => {
  const m = pattern.exec(text);
  return m ? Number(m[1]) : undefined;
};
const rows = [];
const missed = [];
const fmt = (x, unit) => (x === undefined ? 'n/a' : `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ${unit}`);
const row = (what, ours, baseline, baselineName, unit, note = '') =>
  rows.push([what, fmt(ours, unit), baseline === undefined ? '' : `${fmt(baseline, unit)} (${baselineName})`, ours && baseline ? `${(baseline / ours).toFixed(2)}×` : '', note]);

// @tickki/chat (packages/chat/bench/run.ts)
row('store merge, 10,000 messages', number(/MessageStore \(Map \+ ordered insert\):\s+([\d.]+) ms/), number(/naive array scan[^:]*:\s+([\d.]+) ms/), 'naive scan', 'ms');
row('startSession → ready, 50 ms per answer', number(/@tickki\/chat \(parallel\):\s+([\d.]+) ms/), number(/sequential \([^)]*\):\s+([\d.]+) ms/), 'sequential', 'ms');
row('send in doubt (answer and echo lost)', number(/answer and echo lost:\s+([\d.]+) ms/), number(/answered at once:\s+([\d.]+) ms/), 'answered at once', 'ms', `a cost, not a speed-up: ${number(/answer and echo lost:.*?([\d.]+) listMessages per send/) ?? 'n/a'} history read per send in doubt, ${number(/extra requests on the happy path: ([\d.]+)/) ?? 'n/a'} extra requests per send on the happy path`);
row('heap left per disposed chat', number(/@tickki\/chat \(dispose\):\s+([\d.]+) KB/), number(/plain pusher-js integration \(disconnect\):\s+([\d.]+) KB/), 'plain pusher-js', 'KB');

// @tickki/sandbox (apps/sandbox/bench/realtime-bench.ts): its last line is a JSON summary.
const realtimeLine = text.split('\n').map((l) => l.slice(l.indexOf('{'))).find((l) => l.startsWith('{"bench":"realtime"'));
if (realtimeLine) {
  const r = JSON.parse(realtimeLine);
  const n = r.sockets.toLocaleString('en');
  const ratio = (a, b) => `${(a / b).toFixed(2)} of floor`;
  rows.push([`fan-out to ${n} sockets, p50`, fmt(r.shared.latencyMs.p50, 'ms'), `${fmt(r.floor.latencyMs.p50, 'ms')} (bare ws floor)`, ratio(r.shared.latencyMs.p50, r.floor.latencyMs.p50), '']);
  rows.push([`fan-out to ${n} sockets, p99`, fmt(r.shared.latencyMs.p99, 'ms'), `${fmt(r.floor.latencyMs.p99, 'ms')} (bare ws floor)`, ratio(r.shared.latencyMs.p99, r.floor.latencyMs.p99), `aim ≤ 1.2 of floor: ${r.target.ratioMet ? 'met' : 'MISSED'}; p99 < 50 ms: ${r.target.met ? 'met' : 'MISSED'}`]);
  if (!r.target.ratioMet) missed.push(`fan-out p99 is ${r.ratioToFloor.p99}× the bare ws floor (aim ≤ 1.2)`);
  if (!r.target.met) missed.push(`fan-out p99 ${r.shared.latencyMs.p99} ms at ${n} sockets (target < 50 ms); the bare ws floor measured ${r.floor.latencyMs.p99} ms in the same run${r.floor.latencyMs.p99 >= 50 ? ', so this machine cannot meet it' : ''}`);
} else {
  missed.push('the sandbox fan-out benchmark printed no result');
}
// The example apps (tools/consumer/src/bench-examples.ts): what our packages add to each build, gzip.
const examplesLine = text.split('\n').map((l) => l.slice(l.indexOf('{'))).find((l) => l.startsWith('{"bench":"examples"'));
if (examplesLine) {
  for (const r of JSON.parse(examplesLine).results) {
    const what = `examples/${r.example}: JS our packages add`;
    if (r.error) {
      rows.push([what, 'n/a', '', '', 'not measured (see above)']);
      continue;
    }
    const first = r.firstLoad === undefined ? '' : `; first load ${fmt(r.firstLoad / 1024, 'KB')}`;
    rows.push([what, fmt((r.with - r.without) / 1024, 'KB'), `${fmt(r.without / 1024, 'KB')} (the app without them)`, '', `gzip; ${r.measures}${first}`]);
  }
} else {
  missed.push('the example apps benchmark printed no result');
}
// Lighthouse (tools/lighthouse/src/run.ts): the host page without the widget, with it for a new
// visitor and for a returning visitor whose conversation is going on; differences to that page.
const lighthouseLine = text.split('\n').map((l) => l.slice(l.indexOf('{'))).find((l) => l.startsWith('{"bench":"lighthouse"'));
if (lighthouseLine) {
  const r = JSON.parse(lighthouseLine);
  const signed = (x, unit = '') => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Number.isInteger(x) ? Math.abs(x) : Math.abs(x).toFixed(1)}${unit}`;
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  for (const [profile, cases] of Object.entries(r.profiles)) {
    const base = cases.baseline;
    for (const c of ['new', 'returning']) {
      const [ours, v, t] = [cases[c], r.verdicts[profile][c], r.targets[c]];
      const what = `Lighthouse ${profile}, ${c === 'new' ? 'new visitor' : 'returning visitor (chat going on)'}`;
      rows.push([`${what}: score`, String(ours.score), `${base.score} (no widget)`, '', `${signed(-v.pointsLost)} points; aim ≤ ${t.points} lost: ${verdict(v.pointsLost <= t.points)}`]);
      rows.push([`${what}: TBT`, `${Math.round(ours.tbt)} ms`, `${Math.round(base.tbt)} ms (no widget)`, '', `${signed(Math.round(v.tbtAdded), ' ms')} (the widget's own long tasks: ${Math.round(ours.widgetBlocking)} ms); aim ≤ ${t.tbtMs} ms added: ${verdict(v.tbtAdded <= t.tbtMs)}`]);
      rows.push([`${what}: bytes`, fmt(ours.bytes / 1024, 'KB'), `${fmt(base.bytes / 1024, 'KB')} (no widget)`, '', `${signed(Math.round(v.bytesAdded / 102.4) / 10, ' KB')}: widget JS ${fmt(ours.widgetBytes / 1024, 'KB')}, chat API ${fmt(ours.apiBytes / 1024, 'KB')} (gzip)`]);
      const cpu = Math.min(base.benchmarkIndex, ours.benchmarkIndex);
      const busy = cpu < 1000 ? `; the CPU was busy or slow (Lighthouse benchmarkIndex ${Math.round(cpu)}, it expects ≥ 1000), which inflates blocking time` : '';
      if (!v.met) missed.push(`${what}: ${v.missed.join('; ')} (medians of ${r.runs} runs against the page without the widget${busy})`);
    }
  }
} else {
  missed.push('the Lighthouse benchmark printed no result');
}
for (const [what, value] of rows) if (value === 'n/a') missed.push(`no result for: ${what}`);

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['what', 'ours', 'baseline', 'ratio'][i].length));
const line = (cells) => `  ${cells.slice(0, 4).map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ')}${cells[4] ? `   ${cells[4]}` : ''}`;
console.log(`\nBenchmark summary (medians; ratio = how many times better than the baseline, or ours ÷ floor)\n${line(['what', 'ours', 'baseline', 'ratio'])}\n${rows.map(line).join('\n')}`);
console.log(missed.length ? `\nMISSED: ${missed.join('\nMISSED: ')}` : '\nEvery target met.');
process.exit(code);
