import { apiBaseUrl } from '@tickki/chat-api';
import { TickkiChat, memoryStorage } from '@tickki/chat';
import { UiStore, uiStateKey } from '@tickki/chat-ui';
import { describe, expect, it, vi } from 'vitest';
import { configUrl, fetchBrandColor } from './config-brand.js';
import { saveBrand, uiStateKey as loaderUiStateKey } from './ui-state.js';

describe('configUrl', () => {
  it('joins the host and the API prefix as @tickki/chat-api does', () => {
    for (const base of [undefined, '', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010/', 'https://chat.example.com/api/v1', 'https://x.test//']) {
      expect(configUrl(base)).toBe(`${apiBaseUrl(base || undefined)}/chat/config`);
    }
  });
});

describe('fetchBrandColor', () => {
  const wire = { business: { id: 7, name: 'Acme', slug: 'acme' }, branding: { primary_color: '#0F766E' }, limits: { max_upload_kb: 2048 } };

  it('keeps the config where @tickki/chat reads it: a chat made afterwards asks for none', async () => {
    const storage = memoryStorage();
    const served: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string) => {
      served.push(url);
      return new Response(JSON.stringify({ data: wire }), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    try {
      expect(await fetchBrandColor('pk_test_brand', 'http://127.0.0.1:4010', storage as unknown as Storage)).toBe('#0F766E');
      expect(served).toEqual(['http://127.0.0.1:4010/api/v1/chat/config']);
      const chat = new TickkiChat({ publishableKey: 'pk_test_brand', baseUrl: 'http://127.0.0.1:4010', storage, lifecycle: null });
      const config = await chat.fetchConfig();
      chat.dispose();
      expect(served).toHaveLength(1);
      expect([config.business.name, config.branding.primaryColor, config.limits.maxUploadKb]).toEqual(['Acme', '#0F766E', 2048]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('keeps nothing and gives no colour when the request fails', async () => {
    const storage = memoryStorage();
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async () => new Response('{"error":"invalid_api_key"}', { status: 401 })) as typeof fetch;
    try {
      expect(await fetchBrandColor('pk_test_brand', undefined, storage as unknown as Storage)).toBeUndefined();
      expect(await storage.getItem('tickki:pk_test_brand:config')).toBeUndefined();
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('saveBrand', () => {
  it('keeps the colour where the chat’s UiStore reads the state, keeping the rest, and tells this tab', async () => {
    expect(loaderUiStateKey('pk_test_brand')).toBe(uiStateKey('pk_test_brand'));
    const items = new Map<string, string>([[uiStateKey('pk_test_brand'), JSON.stringify({ u: 2, s: true })]]);
    const storage = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) };
    const told: unknown[] = [];
    vi.stubGlobal('localStorage', storage);
    vi.stubGlobal('dispatchEvent', (event: CustomEvent) => told.push(event.detail));
    try {
      saveBrand('pk_test_brand', '#0F766E');
      saveBrand('pk_test_brand', '#0F766E'); // the same colour: nothing written, no news
      expect(await new UiStore(storage, 'pk_test_brand').load()).toEqual({ u: 2, s: true, c: '#0F766E' });
      expect(told).toEqual([uiStateKey('pk_test_brand')]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
