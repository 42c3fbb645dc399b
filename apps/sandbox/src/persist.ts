/**
 * `--persist <file>`: the store as a JSON file, loaded at start and written (atomically, through a
 * temporary file) shortly after every change and on close, so a restart keeps conversations,
 * session tokens, messages, attachments, events, keys and configuration.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store, StoreSnapshot } from './store.js';

const SAVE_DELAY_MS = 50;

export class Persistence {
  readonly file: string;
  readonly #store: Store;
  #timer: NodeJS.Timeout | undefined;
  #active = false;
  /** Saves done (for tests). */
  saves = 0;

  constructor(file: string, store: Store) {
    this.file = file;
    this.#store = store;
  }

  /** Loads the file if it exists; makes sure the demo key is among the keys. */
  load(demoKey: string): boolean {
    if (!existsSync(this.file)) return false;
    let snapshot: StoreSnapshot;
    try {
      snapshot = JSON.parse(readFileSync(this.file, 'utf8')) as StoreSnapshot;
    } catch (err) {
      throw new Error(`cannot read the sandbox state in ${this.file}: ${String(err)}`);
    }
    this.#store.load(snapshot);
    if (!this.#store.keys.has(demoKey)) {
      const seeded = this.#store.initial.keys.find((k) => k.key === demoKey);
      if (seeded) this.#store.keys.set(demoKey, structuredClone(seeded));
    }
    return true;
  }

  /** Starts saving after changes. */
  start(): void {
    this.#active = true;
    this.#store.onChange = () => this.#schedule();
    this.save();
  }

  #schedule(): void {
    if (!this.#active || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.save();
    }, SAVE_DELAY_MS);
  }

  /** Writes the file now. */
  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.#store.toJSON()));
    renameSync(tmp, this.file);
    this.saves++;
  }

  /** Stops watching and writes a last time. */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#active) this.save();
    this.#active = false;
    this.#store.onChange = () => {};
  }
}
