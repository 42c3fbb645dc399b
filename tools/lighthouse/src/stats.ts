/**
 * The pure part of the Lighthouse benchmark: what one run yields, medians of several runs, the
 * difference of each case to the page without the widget, whether the targets hold, and the table.
 */

/** What one Lighthouse run of one case measured. */
export interface RunMetrics {
  /** Performance score, 0–100. */
  score: number;
  /** Total blocking time, ms. */
  tbt: number;
  /** Largest contentful paint, ms. */
  lcp: number;
  /** Every response's transfer size (Lighthouse's total byte weight), bytes. */
  bytes: number;
  /** Transfer size of the widget's scripts (`tickki-chat*.js`), bytes. */
  widgetBytes: number;
  /** Transfer size of the chat API's answers, bytes. */
  apiBytes: number;
  /** Network requests (every origin). */
  requests: number;
  /** Blocking time of the long tasks Lighthouse puts on the widget's scripts (the part of each over 50 ms), ms. */
  widgetBlocking: number;
  /** Lighthouse's measure of the machine's CPU speed at the time (about 1,000+ unloaded; lower: busy or slow). */
  benchmarkIndex: number;
  /** Whether the chat panel (`tickki-chat-app.js`) was loaded. */
  panel: boolean;
}

/** The three cases, in the order they are shown. */
export const CASES = ['baseline', 'new', 'returning'] as const;
export type CaseName = (typeof CASES)[number];

export const CASE_LABELS: Record<CaseName, string> = {
  baseline: 'page without the widget',
  new: 'new visitor',
  returning: 'returning visitor, conversation going on',
};

/** Most points and blocking time a case may add to the page without the widget (medians). */
export const TARGETS: Record<Exclude<CaseName, 'baseline'>, { points: number; tbtMs: number }> = {
  new: { points: 0, tbtMs: 0 },
  returning: { points: 2, tbtMs: 50 },
};

/** The median; of an even count, the mean of the two middle values. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Medians of each metric over runs; `panel` is how many of the runs loaded the panel. */
export interface CaseSummary extends Omit<RunMetrics, 'panel'> {
  runs: number;
  panelRuns: number;
}

export function summarize(runs: readonly RunMetrics[]): CaseSummary {
  const of = (key: keyof Omit<RunMetrics, 'panel'>) => median(runs.map((r) => r[key]));
  return {
    runs: runs.length,
    score: of('score'),
    tbt: of('tbt'),
    lcp: of('lcp'),
    bytes: of('bytes'),
    widgetBytes: of('widgetBytes'),
    apiBytes: of('apiBytes'),
    requests: of('requests'),
    widgetBlocking: of('widgetBlocking'),
    benchmarkIndex: of('benchmarkIndex'),
    panelRuns: runs.filter((r) => r.panel).length,
  };
}

/** A case against the page without the widget, and the verdict on its target. */
export interface Verdict {
  /** Points the median score lost (negative: gained). */
  pointsLost: number;
  /** Blocking time the median added, ms (negative: less). */
  tbtAdded: number;
  /** Bytes the median added. */
  bytesAdded: number;
  met: boolean;
  /** Why the target is missed, in words; empty when met. */
  missed: string[];
}

export function judge(name: Exclude<CaseName, 'baseline'>, baseline: CaseSummary, ours: CaseSummary): Verdict {
  const target = TARGETS[name];
  const pointsLost = baseline.score - ours.score;
  const tbtAdded = ours.tbt - baseline.tbt;
  const missed: string[] = [];
  if (pointsLost > target.points) missed.push(`loses ${fmtNumber(pointsLost)} points (aim ≤ ${target.points})`);
  if (tbtAdded > target.tbtMs) missed.push(`adds ${fmtNumber(tbtAdded)} ms of blocking time (aim ≤ ${target.tbtMs} ms)`);
  // the panel is what a returning visitor's case is about, and a new visitor must not load it
  const wantPanel = name === 'returning';
  if (wantPanel && ours.panelRuns < ours.runs) missed.push(`the panel loaded in ${ours.panelRuns} of ${ours.runs} runs only (the measure does not show what it should)`);
  if (!wantPanel && ours.panelRuns > 0) missed.push(`the panel loaded in ${ours.panelRuns} of ${ours.runs} runs (a new visitor should get the loader alone)`);
  return { pointsLost, tbtAdded, bytesAdded: ours.bytes - baseline.bytes, met: missed.length === 0, missed };
}

/** A number without a needless `.0`; one decimal at most. */
export function fmtNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/** A signed difference: `+3`, `−2`, `±0`. */
export function signed(x: number, unit = ''): string {
  const sign = x > 0 ? '+' : x < 0 ? '−' : '±';
  return `${sign}${fmtNumber(Math.abs(x))}${unit}`;
}

/** Busy and total CPU time (all cores, jiffies) from the first line of Linux's `/proc/stat`. */
export function cpuTimes(procStat: string): { busy: number; total: number } {
  // cpu  user nice system idle iowait irq softirq steal …
  const fields = (procStat.split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((sum, x) => sum + (Number.isFinite(x) ? x : 0), 0);
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
}

/** The share of the CPU (0–1, all cores) that was busy between two `cpuTimes` samples. */
export function busyShare(before: { busy: number; total: number }, after: { busy: number; total: number }): number {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Right-aligned columns under a header; the first column left-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    '  ' +
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('   ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** The side-by-side table of one throttling profile. */
export function profileTable(cases: Record<CaseName, CaseSummary>): string {
  const base = cases.baseline;
  const rows = CASES.map((name) => {
    const c = cases[name];
    const delta = name === 'baseline' ? ['', '', ''] : [signed(c.score - base.score), signed(c.tbt - base.tbt, ' ms'), signed((c.bytes - base.bytes) / 1024, ' KB')];
    return [
      CASE_LABELS[name],
      fmtNumber(c.score),
      `${fmtNumber(Math.round(c.tbt))} ms`,
      `${(c.lcp / 1000).toFixed(2)} s`,
      kb(c.bytes),
      `${kb(c.widgetBytes)} + ${kb(c.apiBytes)}`,
      fmtNumber(c.requests),
      `${fmtNumber(Math.round(c.widgetBlocking))} ms`,
      `${c.panelRuns}/${c.runs}`,
      ...delta,
    ];
  });
  return table(['', 'score', 'TBT', 'LCP', 'bytes', 'widget JS + API', 'requests', 'widget blocking', 'panel', 'Δ score', 'Δ TBT', 'Δ bytes'], rows);
}
