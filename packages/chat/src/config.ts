import type { ChatConfig as WireChatConfig } from '@tickki/chat-api';

/** The business's chat configuration (`GET /chat/config`), camelCase, with defaults for missing fields. */
export interface ChatConfig {
  business: { id: number; name: string; slug: string };
  branding: { primaryColor: string; accentColor: string; welcomeMessage: string; logoUrl: string | null };
  features: { fileUploads: boolean; voiceNotes: boolean };
  limits: { maxUploadKb: number; messageMaxLength: number };
  presence: { agentsOnline: number };
  identification: { requiredOnStart: boolean };
}

/** The documented defaults (the Flutter client's) for every field; features default to off. */
const DEFAULTS: ChatConfig = {
  business: { id: 0, name: '', slug: '' },
  branding: { primaryColor: '#4F46E5', accentColor: '#111827', welcomeMessage: 'Hi! How can we help?', logoUrl: null },
  features: { fileUploads: false, voiceNotes: false },
  limits: { maxUploadKb: 5120, messageMaxLength: 8000 },
  presence: { agentsOnline: 0 },
  identification: { requiredOnStart: false },
};

/** `maxUploadKb` → `max_upload_kb`. */
export const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/**
 * Maps the wire config to {@link ChatConfig}, taking the documented default for every field that is
 * missing, `null` or of the wrong type: colors `#4F46E5`/`#111827`, welcome `Hi! How can we help?`, uploads up to
 * 5120 KB, messages up to 8000 characters; features off, no agents online, no pre-chat form.
 */
export function toChatConfig(wire?: Partial<WireChatConfig> | null): ChatConfig {
  const config = {} as Record<string, Record<string, unknown>>;
  for (const [section, fields] of Object.entries(DEFAULTS)) {
    const from = (wire as Record<string, Record<string, unknown> | undefined> | null | undefined)?.[section];
    config[section] = {};
    for (const [key, fallback] of Object.entries(fields)) {
      // a field of the wrong type (a bad answer, a corrupt cache) counts as missing
      const value = from?.[snake(key)];
      config[section][key] = typeof value === (fallback === null ? 'string' : typeof fallback) ? value : fallback;
    }
  }
  return config as unknown as ChatConfig;
}
