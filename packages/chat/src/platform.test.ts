import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserLifecycle, defaultStorage, randomId } from './platform.js';
import { asyncStorageAdapter, localStorageAdapter, memoryStorage } from './storage.js';

class FakeStorage {
  map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

function fakeBrowser() {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  const storage = new FakeStorage();
  vi.stubGlobal('document', doc);
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('addEventListener', win.addEventListener.bind(win));
  vi.stubGlobal('removeEventListener', win.removeEventListener.bind(win));
  return { win, doc, storage };
}

afterEach(() => vi.unstubAllGlobals());

describe('platform', () => {
  it('outside a browser: memory storage, no lifecycle', async () => {
    expect(browserLifecycle()).toBeUndefined();
    const s = defaultStorage();
    await s.setItem('k', 'v');
    expect(await s.getItem('k')).toBe('v');
  });

  it('in a browser: localStorage and the window/document events', async () => {
    const { win, doc, storage } = fakeBrowser();
    const s = defaultStorage();
    await s.setItem('k', 'v');
    expect(storage.map.get('k')).toBe('v');
    const lifecycle = browserLifecycle()!;
    const events: string[] = [];
    const stop = lifecycle.subscribe((e) => events.push(e));
    win.dispatchEvent(new Event('offline'));
    win.dispatchEvent(new Event('online'));
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(lifecycle.visible?.()).toBe(false);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    win.dispatchEvent(new Event('pagehide'));
    stop();
    win.dispatchEvent(new Event('offline'));
    expect(events).toEqual(['offline', 'online', 'hidden', 'visible', 'hidden']);
  });

  it('falls back to memory when localStorage throws (privacy modes)', async () => {
    fakeBrowser();
    vi.stubGlobal('localStorage', {
      setItem() {
        throw new Error('QuotaExceededError');
      },
    });
    const s = defaultStorage();
    await s.setItem('k', 'v');
    expect(await s.getItem('k')).toBe('v');
  });

  it('storage adapters swallow failures', async () => {
    const broken = localStorageAdapter({
      getItem() {
        throw new Error('x');
      },
      setItem() {
        throw new Error('x');
      },
      removeItem() {
        throw new Error('x');
      },
    } as unknown as Storage);
    expect(await broken.getItem('k')).toBeNull();
    expect(() => broken.setItem('k', 'v')).not.toThrow();
    const fail = () => Promise.reject(new Error('x'));
    const rn = asyncStorageAdapter({ getItem: fail, setItem: fail, removeItem: fail });
    await expect(rn.getItem('k')).resolves.toBeNull();
    await expect(rn.setItem('k', 'v')).resolves.toBeUndefined();
    const mem = memoryStorage();
    await mem.setItem('a', '1');
    await mem.removeItem('a');
    expect(await mem.getItem('a')).toBeUndefined();
  });

  it('makes unique ids without crypto.randomUUID', () => {
    vi.stubGlobal('crypto', {});
    const ids = new Set(Array.from({ length: 1000 }, randomId));
    expect(ids.size).toBe(1000);
  });
});
