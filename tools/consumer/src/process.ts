/** A child process whose output is collected, awaited for a pattern, and stopped with its children. */
import { spawn, type SpawnOptions } from 'node:child_process';

/** A started command. */
export interface Running {
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** stdout so far. */
  stdout(): string;
  /** Resolves with the first match of `pattern` in the output; rejects on exit or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code once the process ends by itself; rejects after `timeoutMs`. */
  exited(timeoutMs?: number): Promise<number | null>;
  /** Ends the process and everything it started (its process group). */
  stop(): Promise<void>;
}

/** Starts `command` in its own process group (so `stop()` reaches what npm or a shell starts). */
export function start(command: string, args: string[], options: SpawnOptions = {}): Running {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let all = '';
  let out = '';
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of [...listeners]) l();
  };
  child.stdout!.on('data', (d: Buffer) => {
    all += d.toString();
    out += d.toString();
    changed();
  });
  child.stderr!.on('data', (d: Buffer) => {
    all += d.toString();
    changed();
  });
  let code: number | null | undefined;
  const exit = new Promise<number | null>((done) =>
    child.on('close', (c) => {
      code = c;
      changed();
      done(c);
    }),
  );
  const describe = () => `${command} ${args.join(' ')}`;
  return {
    output: () => all,
    stdout: () => out,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((done, fail) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          fail(new Error(`${describe()}: no ${pattern} within ${timeoutMs} ms; output:\n${all}`));
        }, timeoutMs);
        const check = () => {
          const match = pattern.exec(all);
          if (match || code !== undefined) {
            clearTimeout(timer);
            listeners.delete(check);
            if (match) done(match);
            else fail(new Error(`${describe()} exited (${code}) before printing ${pattern}; output:\n${all}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
    exited(timeoutMs = 30_000) {
      return Promise.race([
        exit,
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`${describe()} did not exit within ${timeoutMs} ms; output:\n${all}`)), timeoutMs).unref()),
      ]);
    },
    async stop() {
      if (code !== undefined) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exit;
      clearTimeout(timer);
    },
  };
}
