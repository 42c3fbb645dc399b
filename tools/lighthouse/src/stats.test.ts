import { describe, expect, it } from 'vitest';
import { busyShare, cpuTimes, judge, median, profileTable, signed, summarize, type CaseSummary, type RunMetrics } from './stats.ts';

const run = (over: Partial<RunMetrics> = {}): RunMetrics => ({
  score: 100,
  tbt: 0,
  lcp: 900,
  bytes: 1000,
  widgetBytes: 0,
  apiBytes: 0,
  requests: 2,
  widgetBlocking: 0,
  benchmarkIndex: 1500,
  panel: false,
  ...over,
});
const summary = (over: Partial<RunMetrics> = {}, runs = 5): CaseSummary => summarize(Array.from({ length: runs }, () => run(over)));

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle ones of an even count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });
});

describe('summarize', () => {
  it('takes the median of each metric on its own and counts the runs that loaded the panel', () => {
    const s = summarize([run({ score: 90, tbt: 300, panel: true }), run({ score: 100, tbt: 0 }), run({ score: 98, tbt: 40, panel: true })]);
    expect(s).toMatchObject({ runs: 3, score: 98, tbt: 40, panelRuns: 2 });
  });
});

describe('judge', () => {
  const baseline = summary({ score: 100, tbt: 10, bytes: 1000 });

  it('a new visitor meets its target only without losing a point or adding blocking time', () => {
    expect(judge('new', baseline, summary({ score: 100, tbt: 10, bytes: 11_000 }))).toEqual({ pointsLost: 0, tbtAdded: 0, bytesAdded: 10_000, met: true, missed: [] });
    const worse = judge('new', baseline, summary({ score: 99, tbt: 12 }));
    expect(worse.met).toBe(false);
    expect(worse.missed).toEqual(['loses 1 points (aim ≤ 0)', 'adds 2 ms of blocking time (aim ≤ 0 ms)']);
  });

  it('a returning visitor may lose up to 2 points and add up to 50 ms, and must have loaded the panel in every run', () => {
    expect(judge('returning', baseline, summary({ score: 98, tbt: 60, panel: true })).met).toBe(true);
    expect(judge('returning', baseline, summary({ score: 97, tbt: 60, panel: true })).missed).toEqual(['loses 3 points (aim ≤ 2)']);
    expect(judge('returning', baseline, summary({ score: 100, tbt: 60.5, panel: true })).missed).toEqual(['adds 50.5 ms of blocking time (aim ≤ 50 ms)']);
    expect(judge('returning', baseline, summary({ score: 100, tbt: 10, panel: false })).missed).toEqual(['the panel loaded in 0 of 5 runs only (the measure does not show what it should)']);
  });

  it('a new visitor whose runs loaded the panel is not what the case measures', () => {
    expect(judge('new', baseline, summary({ panel: true }, 3)).missed).toEqual(['the panel loaded in 3 of 3 runs (a new visitor should get the loader alone)']);
  });

  it('a case better than the baseline is met (gained points, less blocking time)', () => {
    expect(judge('new', summary({ score: 98, tbt: 80 }), summary({ score: 100, tbt: 20 }))).toMatchObject({ pointsLost: -2, tbtAdded: -60, met: true });
  });
});

describe('formatting', () => {
  it('signs differences, zero as ±0', () => {
    expect([signed(3), signed(-2.25, ' ms'), signed(0)]).toEqual(['+3', '−2.3 ms', '±0']);
  });

  it('puts the three cases side by side with their differences to the baseline', () => {
    const text = profileTable({
      baseline: summary({ bytes: 1024 }),
      new: summary({ bytes: 11 * 1024, widgetBytes: 5 * 1024, apiBytes: 1024 }),
      returning: summary({ score: 97, tbt: 40, bytes: 60 * 1024, widgetBlocking: 30, panel: true }),
    });
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^ {2}page without the widget +100 +0 ms +0\.90 s +1\.0 KB/);
    expect(lines[2]).toMatch(/new visitor .* 5\.0 KB \+ 1\.0 KB .* 0\/5 +±0 +±0 ms +\+10 KB$/);
    expect(lines[3]).toMatch(/returning visitor.* 97 +40 ms .* 30 ms +5\/5 +−3 +\+40 ms +\+59 KB$/);
  });
});

describe('CPU load from /proc/stat', () => {
  it('counts idle and iowait as not busy, every other field of the cpu line as busy', () => {
    expect(cpuTimes('cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\n')).toEqual({ busy: 160, total: 1000 });
  });

  it('gives the busy share between two samples', () => {
    expect(busyShare({ busy: 160, total: 1000 }, { busy: 260, total: 1400 })).toBe(0.25);
    expect(busyShare({ busy: 1, total: 10 }, { busy: 1, total: 10 })).toBe(0);
  });
});
