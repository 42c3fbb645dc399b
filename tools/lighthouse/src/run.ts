/**
 * Lighthouse impact of the widget (`npm run bench`; this workspace's `bench` script after the
 * build). Lighthouse 12.2.3 from npm drives Debian's Chromium (`$CHROMIUM_PATH`, else
 * /usr/bin/chromium); nothing is downloaded. The same host page, served from loopback with gzip as
 * a CDN would, is measured in three cases, interleaved run by run:
 *
 * - without the widget (the baseline);
 * - with it, for a new visitor: only the loader runs (launcher, config), the panel waits for a click;
 * - with it, for a returning visitor whose conversation is going on: the loader finds the
 *   conversation in `localStorage` and loads the panel in the background after the page (session
 *   restored, history read, socket opened). The conversation is real: one Chromium profile chats with
 *   the sandbox first (visitor messages, scripted answers), and each run starts Chromium on a copy of
 *   that profile with Lighthouse's storage reset off.
 *
 * Performance category only, Lighthouse's default simulated throttling: mobile (what PageSpeed shows
 * site owners first); `LIGHTHOUSE_PROFILES=mobile,desktop` adds the desktop preset (as long again).
 * Medians of `LIGHTHOUSE_RUNS` runs (5) per case and profile. Simulated throttling slows the
 * machine's own CPU time down 4×, so a busy machine inflates blocking time: Lighthouse's
 * benchmarkIndex is shown beside (below 1,000 it counts the CPU as slower than it expects), and the
 * deltas against the baseline of the same runs are what to read. The last line is a JSON summary
 * that tools/bench.mjs reads. `LIGHTHOUSE_DUMP=<folder>` keeps each run's report there.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startSandbox } from '@tickki/sandbox';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { chromium } from 'playwright-core';
import { busyShare, CASE_LABELS, CASES, cpuTimes, judge, profileTable, signed, summarize, TARGETS, type CaseName, type CaseSummary, type RunMetrics } from './stats.ts';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const PROFILES = (process.env.LIGHTHOUSE_PROFILES ?? 'mobile').split(',') as ('mobile' | 'desktop')[];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
const QUIET_WAIT_MS = Number(process.env.LIGHTHOUSE_QUIET_WAIT_S ?? 15) * 1000;
const SLOW_CPU = 1000;
/** A folder to keep every run's Lighthouse report in (`<case>-<n>.json`), to see where blocking time goes. */
const DUMP = process.env.LIGHTHOUSE_DUMP;
let dumped = 0; // Lighthouse's own threshold for "a slower CPU than Lighthouse expects"
const started = Date.now();

// ------------------------------------------------------------------ the sandbox and the host page
const sb = await startSandbox({
  port: 0,
  seed: 1,
  agent: { mode: 'echo', delay_ms: 0, typing: false, name: 'Ana' },
  rateLimits: { per_key: null, per_session: null },
  config: { business: { name: 'Acme Support' }, branding: { primary_color: '#0F766E', welcome_message: 'Hello! Ask us anything.' } },
});

/** A plain shop page: header, text, a list of products; the widget's one script tag or nothing. */
const hostPage = (widget: boolean) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme shop</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#222}header{background:#0f766e;color:#fff;padding:16px 24px}main{max-width:720px;margin:0 auto;padding:24px}li{margin:8px 0}</style></head>
<body><header><strong>Acme shop</strong></header><main><h1>Everything for your garden</h1>
<p>Our products are made to last. Ask us anything in the chat: we answer within minutes on working days.</p>
<ul>${Array.from({ length: 40 }, (_, i) => `<li><b>Product ${i + 1}</b>: a sturdy tool for the garden, ${(9.9 + i).toFixed(2)} €</li>`).join('')}</ul></main>
${widget ? `<script src="/tickki-chat.js" data-publishable-key="${sb.demoKey}" data-base-url="${sb.origin}" async></script>` : ''}
</body></html>`;

const dist = dirname(fileURLToPath(import.meta.resolve('@tickki/chat-widget/tickki-chat.js')));
const files: Record<string, [type: string, body: Buffer]> = {
  '/without': ['text/html; charset=utf-8', Buffer.from(hostPage(false))],
  '/with': ['text/html; charset=utf-8', Buffer.from(hostPage(true))],
};
for (const f of readdirSync(dist)) if (/^tickki-chat[\w-]*\.js$/.test(f)) files[`/${f}`] = ['text/javascript', readFileSync(join(dist, f))];
const gzipped = new Map(Object.entries(files).map(([path, [, body]]) => [path, gzipSync(body, { level: 9 })]));
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = files[path];
  if (!file) return void res.writeHead(404).end();
  // uncacheable, so that every run downloads what a first visit does (a returning visitor's profile
  // keeps its storage, not a warm cache)
  const headers = { 'content-type': file[0], 'cache-control': 'no-store', vary: 'accept-encoding' };
  if (/\bgzip\b/.test(String(req.headers['accept-encoding']))) res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipped.get(path));
  else res.writeHead(200, headers).end(file[1]);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ------------------------------------------------------------------ a returning visitor's profile
/** A Chromium profile that chatted on the host page: the conversation is in its `localStorage`. */
async function seedReturningVisitor(): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'tickki-lh-visitor-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')) });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/with`);
    await page.locator('tickki-chat .launcher').click();
    const box = page.locator('tickki-chat textarea');
    const questions = ['Hi! Is the spade in stock?', 'Can it be delivered by Friday?', 'And the gloves, size M?'];
    for (const [i, text] of questions.entries()) {
      await box.fill(text);
      await box.press('Enter');
      // mine and the scripted echo, both sent
      await page.waitForFunction(
        (n) => document.querySelector('tickki-chat')!.shadowRoot!.querySelectorAll('.list > li[data-status="sent"]').length >= n,
        2 * (i + 1),
        { timeout: 15_000 },
      );
    }
    const conversation = sb.control.conversations()[0];
    if (!conversation) throw new Error('the chat started no conversation in the sandbox');
    sb.control.reply(conversation.id, 'Yes to both: it ships tomorrow, gloves in M are in stock.', 'Ben');
    await page.waitForFunction(() => document.querySelector('tickki-chat')!.shadowRoot!.querySelectorAll('.list > li[data-status="sent"]').length >= 7, undefined, { timeout: 15_000 });
    await page.locator('tickki-chat .launcher').click(); // the visitor closes the panel and browses on
    await page.waitForTimeout(300);
  } finally {
    await context.close();
  }
  return profile;
}

// ------------------------------------------------------------------ one Lighthouse run
const waits = { ms: 0, busyStarts: 0 };
/**
 * Waits (up to `LIGHTHOUSE_QUIET_WAIT_S`, 15 s) until less than a quarter of the CPU is busy with
 * other work: simulated throttling multiplies the CPU time Chromium observed by 4, so anything else
 * running inflates blocking time. A no-op where `/proc/stat` is missing, and on an idle machine.
 */
async function quietCpu(): Promise<void> {
  if (!existsSync('/proc/stat')) return;
  const start = Date.now();
  for (;;) {
    const before = cpuTimes(readFileSync('/proc/stat', 'utf8'));
    await new Promise((done) => setTimeout(done, 500));
    const quiet = busyShare(before, cpuTimes(readFileSync('/proc/stat', 'utf8'))) < 0.25;
    if (quiet || Date.now() - start >= QUIET_WAIT_MS) {
      waits.ms += Date.now() - start;
      if (!quiet) waits.busyStarts++;
      return;
    }
  }
}

async function measure(path: string, config: Config | undefined, profile?: string): Promise<RunMetrics> {
  // a returning visitor: a fresh copy of the seeded profile each run, so that no run sees another's traces
  const userDataDir = profile ? mkdtempSync(join(tmpdir(), 'tickki-lh-run-')) : undefined;
  if (profile && userDataDir) cpSync(profile, userDataDir, { recursive: true, filter: (src) => !/Singleton/.test(src) });
  await quietCpu();
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, ...(userDataDir ? { userDataDir } : {}), logLevel: 'silent' });
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: !!profile };
    const result = await lighthouse(`${origin}${path}`, flags, config);
    if (!result) throw new Error('Lighthouse returned nothing');
    if (DUMP) writeFileSync(join(DUMP, `${profile ? 'returning' : path.slice(1)}-${++dumped}.json`), JSON.stringify(result.lhr));
    return metrics(result.lhr);
  } finally {
    await chrome.kill();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  }
}

interface NetworkItem {
  url: string;
  transferSize?: number;
}

function metrics(lhr: Result): RunMetrics {
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id: string) => {
    const a = lhr.audits[id];
    if (a?.numericValue === undefined) throw new Error(`Lighthouse gave no value for ${id}${a?.errorMessage ? `: ${a.errorMessage}` : ''}`);
    return a.numericValue;
  };
  const items = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? []).filter((i) => !i.url.startsWith('data:'));
  const size = (keep: (url: URL) => boolean) => items.filter((i) => keep(new URL(i.url))).reduce((sum, i) => sum + (i.transferSize ?? 0), 0);
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbt: audit('total-blocking-time'),
    lcp: audit('largest-contentful-paint'),
    bytes: audit('total-byte-weight'),
    widgetBytes: size((u) => u.origin === origin && u.pathname.startsWith('/tickki-chat')),
    apiBytes: size((u) => u.origin === sb.origin),
    requests: items.length,
    widgetBlocking: (((lhr.audits['long-tasks']?.details as { items?: { url: string; duration: number }[] } | undefined)?.items) ?? [])
      .filter((t) => /\/tickki-chat[\w-]*\.js$/.test(t.url))
      .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    panel: items.some((i) => new URL(i.url).pathname === '/tickki-chat-app.js'),
  };
}

// ------------------------------------------------------------------ the runs
type ProfileResult = Record<CaseName, CaseSummary>;
const results: Partial<Record<'mobile' | 'desktop', ProfileResult>> = {};
let profile: string | undefined;
try {
  profile = await seedReturningVisitor();
  console.log(`Lighthouse 12.2.3, ${(await chromiumVersion()) ?? 'Chromium'}, performance only, ${RUNS} runs per case, simulated throttling (${PROFILES.join(' and ')})`);
  for (const name of PROFILES) {
    const config = name === 'desktop' ? desktopConfig : undefined;
    const runs: Record<CaseName, RunMetrics[]> = { baseline: [], new: [], returning: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.baseline.push(await measure('/without', config));
      runs.new.push(await measure('/with', config));
      runs.returning.push(await measure('/with', config, profile));
    }
    const summary = Object.fromEntries(CASES.map((c) => [c, summarize(runs[c])])) as ProfileResult;
    results[name] = summary;
    console.log(`\n${name === 'mobile' ? 'Mobile (Lighthouse default: Moto G Power, slow 4G, 4× CPU slowdown)' : 'Desktop (Lighthouse desktop preset: 10 Mbit/s, 40 ms, no CPU slowdown)'}, medians of ${RUNS}:`);
    console.log(profileTable(summary));
    for (const c of CASES) console.log(`  runs, ${CASE_LABELS[c]}: score ${runs[c].map((r) => r.score).join(' ')}; TBT ${runs[c].map((r) => Math.round(r.tbt)).join(' ')} ms; benchmarkIndex ${runs[c].map((r) => Math.round(r.benchmarkIndex)).join(' ')}`);
    const cpu = Math.min(...CASES.map((c) => summary[c].benchmarkIndex));
    if (cpu < SLOW_CPU) console.log(`  note: the CPU was busy or slow (median benchmarkIndex down to ${Math.round(cpu)}, Lighthouse expects ≥ ${SLOW_CPU}): blocking times are inflated, read the deltas`);
  }
} finally {
  if (profile) rmSync(profile, { recursive: true, force: true });
  server.close();
  await sb.close();
}

async function chromiumVersion(): Promise<string | undefined> {
  const { execFileSync } = await import('node:child_process');
  try {
    return /Chromium [\d.]+/.exec(execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[0];
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------ verdict and summary line
const verdicts = Object.fromEntries(
  Object.entries(results).map(([name, cases]) => [name, { new: judge('new', cases.baseline, cases.new), returning: judge('returning', cases.baseline, cases.returning) }]),
);
console.log('\nTargets (medians against the page without the widget, same run):');
for (const [name, v] of Object.entries(verdicts)) {
  for (const c of ['new', 'returning'] as const) {
    const t = TARGETS[c];
    const r = v[c];
    console.log(
      `  ${name}, ${CASE_LABELS[c]}: ${signed(-r.pointsLost)} points, ${signed(r.tbtAdded, ' ms')} TBT, ${signed(r.bytesAdded / 1024, ' KB')} ` +
        `(aim ≤ ${t.points} points and ≤ ${t.tbtMs} ms): ${r.met ? 'met' : `MISSED: ${r.missed.join('; ')}`}`,
    );
  }
}
console.log(`  took ${((Date.now() - started) / 1000).toFixed(0)} s, of which ${(waits.ms / 1000).toFixed(0)} s waiting for a quiet CPU (${waits.busyStarts} runs started on a busy one anyway); bytes are gzip transfer sizes, cache off (every run downloads what a first page view does)`);
console.log(JSON.stringify({ bench: 'lighthouse', lighthouse: '12.2.3', runs: RUNS, seconds: Math.round((Date.now() - started) / 1000), busyStarts: waits.busyStarts, targets: TARGETS, profiles: results, verdicts }));
