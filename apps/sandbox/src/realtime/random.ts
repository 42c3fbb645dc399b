/** A source of uniformly distributed numbers in `[0, 1)`, shaped like `Math.random`. */
export type RandomSource = () => number;

/**
 * A small seedable pseudo-random generator (mulberry32). The same seed always
 * yields the same sequence, which keeps fault-injection tests deterministic.
 */
export function createRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
