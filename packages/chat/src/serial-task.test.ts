import { describe, expect, it } from 'vitest';
import { serialTask } from './serial-task.js';

describe('serialTask', () => {
  it('runs one at a time, in order, and joins calls made while a run is queued', async () => {
    const log: string[] = [];
    let state = 0;
    let release!: () => void;
    const save = serialTask(async () => {
      const seen = state;
      log.push(`start ${seen}`);
      if (seen === 1) await new Promise<void>((r) => (release = r)); // a slow write
      log.push(`end ${seen}`);
    });
    state = 1;
    const a = save();
    await Promise.resolve(); // the first run starts
    state = 2;
    const b = save(); // queued behind the slow one
    state = 3;
    const c = save(); // joins b
    expect(c).toBe(b);
    release();
    await Promise.all([a, b, c]);
    expect(log).toEqual(['start 1', 'end 1', 'start 3', 'end 3']); // the last write holds the newest state
  });
});
