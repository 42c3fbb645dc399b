import type { ChatConfig, ChatMessage, ChatSession, TickkiChatError, TickkiChatOptions } from '@tickki/chat';
import type { BannerKind } from './banner.js';
import { EMPTY_VIEW, type ChatView } from './controller.js';
import type { UiStorage } from './ui-store.js';

/** The visitor's contact as the server keeps it. */
export type Contact = Awaited<ReturnType<ChatSession['identify']>>;

/** What the visitor tells about themselves: `identify()`, the pre-chat form, the app's props. */
export interface VisitorFields {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

/**
 * Whether the chat may store and connect yet (the site's consent banner decides):
 * - `given` (default): at once.
 * - `required`: nothing is stored, read from storage or requested until `consent()` (or `consent: 'given'`).
 * - `on-open`: as `required`, and the visitor opening the chat counts as consent.
 */
export type ConsentMode = 'given' | 'required' | 'on-open';

/** What a {@link ChatScreen} is: one business, one visitor. Every field can change on a live screen ({@link ChatScreen.update}). */
export interface ChatScreenOptions extends VisitorFields {
  /** The business's publishable key. */
  publishableKey: string;
  /** API host without `/api/v1`; default Tickki's. */
  baseUrl?: string | undefined;
  /** Your id for the visitor (the same id resumes the same conversation); default: an anonymous id kept on the device. */
  visitorId?: string | undefined;
  /** Where the screen's state and the anonymous visitor id are kept. */
  storage: UiStorage;
  /** The platform's parts of the chat (`Pusher`, `storage`, `lifecycle`, `bundleId`, `fetch`, …). */
  chat?: Omit<TickkiChatOptions, 'publishableKey' | 'baseUrl'> | undefined;
  /** How often agents' presence is refreshed while the chat is open and on screen (ms); default 60 s, 0: never. */
  presenceRefreshMs?: number | undefined;
  /** Consent mode (default `given`); see {@link ConsentMode}. `given` on a live screen is `consent()`. */
  consent?: ConsentMode | undefined;
}

/** A passing notice under the messages: why a text or a file was not sent. */
export type ScreenNotice = { kind: 'tooLong'; max: number } | { kind: 'fileTooLarge'; maxKb: number } | { kind: 'uploadFailed' };

/** A file on its way. */
export interface Upload {
  id: number;
  name: string;
  /** 0 to 1. */
  progress: number;
}

/** Everything a face renders: one immutable snapshot, a new object on every change. */
export interface ScreenState {
  /** The chat: session status, messages, connection, sync, typing, config. */
  view: ChatView;
  /** The business's configuration (refreshed while open); `undefined` until fetched. */
  config: ChatConfig | undefined;
  /** The config was fetched, or could not be (defaults apply): the screen knows whether to ask the pre-chat form. */
  configKnown: boolean;
  /** A start that retrying cannot fix (a revoked key, an origin not allowed): shown until {@link ChatScreen.restart} or new options. */
  failed: TickkiChatError | undefined;
  /** The banner, if any. */
  banner: BannerKind | undefined;
  /** No agent online: "leave a message". */
  away: boolean;
  /** Unread agent messages (agreed across tabs). */
  unread: number;
  /** The pre-chat form comes first (`identification.required_on_start` and nothing known of the visitor). */
  needsForm: boolean;
  /** The visitor opened the chat before consent (`consent: 'required'`): the face says it waits for it (`consentNeeded`). */
  consentNeeded: boolean;
  uploads: readonly Upload[];
  notice: ScreenNotice | undefined;
}

/** A screen's state before it booted. */
export const INITIAL_STATE: ScreenState = Object.freeze({
  view: EMPTY_VIEW,
  config: undefined,
  configKnown: false,
  failed: undefined,
  banner: undefined,
  away: false,
  unread: 0,
  needsForm: false,
  consentNeeded: false,
  uploads: [],
  notice: undefined,
});

/** Events of a {@link ChatScreen}. */
export interface ChatScreenEvents {
  /** A message sent, or received after the history loaded: once each (a failed send only once a retry sends it). */
  message: ChatMessage;
  /** The unread count changed. */
  unread: number;
}
