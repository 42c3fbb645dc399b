import { CHAT_CONFIG_DEFAULTS, type ChatConfig as WireChatConfig } from '@tickki/chat-api';

/** The business's chat configuration (`GET /chat/config`), camelCase, with defaults for missing fields. */
export interface ChatConfig {
  business: { id: number; name: string; slug: string };
  branding: { primaryColor: string; accentColor: string; welcomeMessage: string; logoUrl: string | null };
  features: { fileUploads: boolean; voiceNotes: boolean };
  limits: { maxUploadKb: number; messageMaxLength: number };
  presence: { agentsOnline: number };
  identification: { requiredOnStart: boolean };
}

/**
 * What every field falls back to, in wire names: the document's `default:` values
 * (`CHAT_CONFIG_DEFAULTS`, generated from it), else the empty value of the field's type (features off,
 * no agents online, no pre-chat form, no logo).
 */
const DEFAULTS: { [S in keyof WireChatConfig]: Record<string, unknown> } = {
  business: { id: 0, name: '', slug: '' },
  branding: { ...CHAT_CONFIG_DEFAULTS.branding, logo_url: null },
  features: { file_uploads: false, voice_notes: false },
  limits: CHAT_CONFIG_DEFAULTS.limits,
  presence: { agents_online: 0 },
  identification: { required_on_start: false },
};

/** `maxUploadKb` → `max_upload_kb`. */
export const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** `max_upload_kb` → `maxUploadKb`. */
const camel = (key: string): string => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Maps the wire config to {@link ChatConfig}, taking the documented default for every field that is
 * missing, `null` or of the wrong type: the document's `default:` values (colors `#4F46E5`/`#111827`,
 * welcome `Hi! How can we help?`, uploads up to 5120 KB, messages up to 8000 characters); features
 * off, no agents online, no pre-chat form.
 */
export function toChatConfig(wire?: Partial<WireChatConfig> | null): ChatConfig {
  const config = {} as Record<string, Record<string, unknown>>;
  for (const [section, fields] of Object.entries(DEFAULTS)) {
    const from = (wire as Record<string, Record<string, unknown> | undefined> | null | undefined)?.[section];
    config[section] = {};
    for (const [key, fallback] of Object.entries(fields)) {
      // a field of the wrong type (a bad answer, a corrupt cache) counts as missing
      const value = from?.[key];
      config[section][camel(key)] = typeof value === (fallback === null ? 'string' : typeof fallback) ? value : fallback;
    }
  }
  return config as unknown as ChatConfig;
}
