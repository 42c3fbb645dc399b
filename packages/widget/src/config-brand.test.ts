import { apiBaseUrl } from '@tickki/chat-api';
import { describe, expect, it } from 'vitest';
import { configUrl } from './config-brand.js';

describe('configUrl', () => {
  it('joins the host and the API prefix as @tickki/chat-api does', () => {
    for (const base of [undefined, '', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010/', 'https://chat.example.com/api/v1', 'https://x.test//']) {
      expect(configUrl(base)).toBe(`${apiBaseUrl(base || undefined)}/chat/config`);
    }
  });
});
