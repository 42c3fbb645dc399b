/**
 * What a chat shares with the add-ons made from it on demand (`getAnalytics(chat)`), so that the
 * chat never refers to them and bundles that do not use one leave it out.
 * @internal
 */
import type { SessionContext } from './session-context.js';

/** What a chat shares with its add-ons: its settings, and what it tells them. */
export interface ChatAddOn {
  settings: Pick<SessionContext, 'lifecycle' | 'timeoutMs'>;
  /** A visitor's chat starts (`startSession`). */
  started?(visitorId: string): void;
  /** The chat is disposed. */
  disposed?(): void;
}

/** Each chat's {@link ChatAddOn}, keyed by the chat. */
export const addOns = /* @__PURE__ */ new WeakMap<object, ChatAddOn>();
