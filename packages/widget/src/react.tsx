/**
 * `@tickki/chat-widget/react`: `<TickkiChatWidget />`, the drop-in widget as a typed React DOM
 * component. It is a client component (the module says `"use client"`), so a server component or
 * layout of React Server Components (Next.js App Router) can render it as it is. A server render
 * writes the `<tickki-chat>` tag with these props as attributes; in the browser, after hydration, it
 * defines the element, which draws the launcher and loads the chat later. `ref` gives the element's
 * API (`open()`, `close()`, …).
 *
 * ```tsx
 * <TickkiChatWidget publishableKey="pk_live_…" theme="auto" onUnread={(n) => setBadge(n)} />
 * ```
 * @module
 */
'use client';

import { createElement, useEffect, useRef, type Ref } from 'react';
import type { TickkiChatElement, WidgetEvents } from './types.js';

/** Props of {@link TickkiChatWidget}. */
export interface TickkiChatWidgetProps {
  /** The business's publishable key. */
  publishableKey: string;
  /** API host without `/api/v1`. */
  baseUrl?: string;
  /** UI language (BCP 47); default the browser's. */
  locale?: string;
  /** `light`, `dark`, or `auto` (the system's; default). */
  theme?: 'light' | 'dark' | 'auto';
  /** Brand colour (`#rrggbb`), instead of the configured one. */
  primaryColor?: string;
  /** Corner: `right` (default) or `left`. */
  position?: 'right' | 'left';
  /** Your id for the visitor (same id, same conversation); default one kept in `localStorage`. */
  visitorId?: string;
  /** Play a chime on agent replies while the panel is closed or the tab hidden. */
  sound?: boolean;
  /** Text direction; default from the locale. */
  dir?: 'ltr' | 'rtl';
  /** Overrides of the UI strings (see `ChatStrings` of `@tickki/chat-ui`). */
  strings?: Record<string, string>;
  /** A CSP nonce, used only where constructable stylesheets are missing. */
  nonce?: string;
  /**
   * `required`: nothing stored or requested until this prop becomes `given` (or `ref.current.consent()`);
   * `on-open`: the visitor opening the chat counts as consent; `given` (default): at once.
   */
  consent?: 'required' | 'on-open' | 'given';
  onMessage?: (message: WidgetEvents['message']) => void;
  onOpenChange?: (open: boolean) => void;
  onUnread?: (count: number) => void;
  /** The element, for `open()`, `close()`, `toggle()`, `identify()`, `consent()`, `logout()`. */
  ref?: Ref<TickkiChatElement>;
}

/** The drop-in chat widget for React DOM. */
export function TickkiChatWidget(props: TickkiChatWidgetProps) {
  const { publishableKey, baseUrl, locale, theme, primaryColor, position, visitorId, sound, dir, strings, nonce, consent, onMessage, onOpenChange, onUnread, ref } = props;
  const element = useRef<TickkiChatElement | null>(null);
  const handlers = useRef({ onMessage, onOpenChange, onUnread });
  handlers.current = { onMessage, onOpenChange, onUnread };
  useEffect(() => {
    void import('./index.js');
  }, []);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const on = <K extends keyof WidgetEvents>(name: K, listener: (value: WidgetEvents[K]) => void) => {
      const handle = (e: Event) => listener((e as CustomEvent<WidgetEvents[K]>).detail);
      el.addEventListener(`tickki:${name}`, handle);
      return () => el.removeEventListener(`tickki:${name}`, handle);
    };
    const stops = [
      on('message', (m) => handlers.current.onMessage?.(m)),
      on('open', (o) => handlers.current.onOpenChange?.(o)),
      on('unread', (n) => handlers.current.onUnread?.(n)),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);
  return createElement('tickki-chat', {
    ref: (el: TickkiChatElement | null) => {
      element.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) (ref as { current: TickkiChatElement | null }).current = el;
    },
    'publishable-key': publishableKey,
    'base-url': baseUrl,
    locale,
    theme,
    'primary-color': primaryColor,
    position,
    'visitor-id': visitorId,
    sound: sound ? '' : undefined,
    dir,
    strings: strings ? JSON.stringify(strings) : undefined,
    nonce,
    consent,
  });
}
