import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toChatConfig } from './config.js';

/** The `default:` of a schema property, read from the document itself. */
const documented = (schema: string, field: string): unknown =>
  (parse(readFileSync(new URL('../../../openapi/tickki-chat-api.yaml', import.meta.url), 'utf8')) as { components: { schemas: Record<string, { properties: Record<string, { default?: unknown }> }> } })
    .components.schemas[schema]!.properties[field]!.default;

describe('toChatConfig', () => {
  it('applies the documented defaults to missing or null fields', () => {
    expect(toChatConfig(undefined)).toEqual({
      business: { id: 0, name: '', slug: '' },
      branding: {
        primaryColor: documented('Branding', 'primary_color'),
        accentColor: documented('Branding', 'accent_color'),
        welcomeMessage: documented('Branding', 'welcome_message'),
        logoUrl: null,
      },
      features: { fileUploads: false, voiceNotes: false },
      limits: { maxUploadKb: documented('Limits', 'max_upload_kb'), messageMaxLength: documented('Limits', 'message_max_length') },
      presence: { agentsOnline: 0 },
      identification: { requiredOnStart: false },
    });
    const partial = toChatConfig({ branding: { primary_color: '#000000' }, limits: { max_upload_kb: 100 }, features: null } as never);
    expect(partial.branding).toMatchObject({ primaryColor: '#000000', accentColor: '#111827' });
    expect(partial.limits).toEqual({ maxUploadKb: 100, messageMaxLength: 8000 });
    expect(partial.features.fileUploads).toBe(false);
  });

  it('treats a field of the wrong type as missing', () => {
    const config = toChatConfig({
      business: 'northwind',
      branding: { primary_color: 5, logo_url: 'https://cdn.example/logo.png' },
      features: { file_uploads: 'yes' },
      limits: { max_upload_kb: '5120', message_max_length: 2000 },
    } as never);
    expect(config.business).toEqual({ id: 0, name: '', slug: '' });
    expect(config.branding).toMatchObject({ primaryColor: documented('Branding', 'primary_color'), logoUrl: 'https://cdn.example/logo.png' });
    expect(config.features.fileUploads).toBe(false);
    expect(config.limits).toEqual({ maxUploadKb: documented('Limits', 'max_upload_kb'), messageMaxLength: 2000 });
  });
});
