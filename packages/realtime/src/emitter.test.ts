import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter.js';

describe('Emitter', () => {
  it('delivers to every listener, isolates one that throws, and unsubscribes', () => {
    const errors: unknown[] = [];
    const e = new Emitter<{ n: number }>((err) => errors.push(err));
    const got: number[] = [];
    e.on('n', () => {
      throw new Error('boom');
    });
    const off = e.on('n', (n) => got.push(n));
    e.emit('n', 1);
    off();
    e.emit('n', 2);
    expect(got).toEqual([1]);
    expect(errors).toHaveLength(2);
  });
});
