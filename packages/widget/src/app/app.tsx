import { render } from 'preact';
import { ChatScreen, visitorKeys, type ChatScreenOptions } from '@tickki/chat-ui';
import { storage } from '../ui-state.js';
import type { WidgetApp, WidgetHost } from '../types.js';
import { announceReplies } from './announcer.js';
import { Panel } from './panel.js';
import { PANEL_CSS, SR_CSS } from './panel-css.js';
import { browserStorage } from './storage.js';
import { THEME_CSS } from './theme-css.js';

type Who = Pick<ChatScreenOptions, 'publishableKey' | 'baseUrl' | 'visitorId'>;

const who = (host: WidgetHost): Who => ({
  publishableKey: host.attr('publishable-key') ?? '',
  baseUrl: host.attr('base-url') || undefined,
  visitorId: host.attr('visitor-id') || undefined,
});

/**
 * Renders the panel into the element's shadow root: one `ChatScreen` (everything the chat does),
 * rendered by {@link Panel} from the visitor's first opening on (a panel loaded in the background,
 * for a returning visitor's unread count, is not drawn: the page's load pays for no rendering). What
 * the chat does open or closed is here: the launcher's unread count and brand colour, the `message`
 * event, replies announced. The element calls this once the module has loaded; it rejects when the
 * chat cannot start with the element's settings (an empty key, a `base-url` that is not an http(s)
 * URL), and the element shows that.
 */
export async function mount(host: WidgetHost): Promise<WidgetApp> {
  let current = who(host);
  const screen = new ChatScreen({ ...current, storage: browserStorage() });
  try {
    await screen.boot();
  } catch (error) {
    screen.dispose();
    throw error;
  }
  host.adopt(SR_CSS);
  const visible = () => screen.setVisible(document.visibilityState === 'visible');
  visible();
  document.addEventListener('visibilitychange', visible);
  let brand: string | undefined;
  const stops = [
    () => document.removeEventListener('visibilitychange', visible),
    announceReplies(host, screen),
    screen.subscribe(() => {
      const color = screen.state.config?.branding.primaryColor;
      if (color && color !== brand) host.setBrand((brand = color));
    }),
    screen.on('unread', (count) => host.setUnread(count)),
    screen.on('message', (m) => host.emit('message', { content: m.content, isFromAgent: m.isFromAgent, id: m.id, createdAt: m.createdAt })),
  ];
  host.setUnread(screen.state.unread);
  let focusKey = 0;
  let drawn = false;
  const draw = () => {
    screen.setOpen(host.isOpen());
    if (!(drawn ||= host.isOpen())) return;
    host.adopt(THEME_CSS + PANEL_CSS); // once: one sheet, the panel's tokens, then its rules
    render(<Panel host={host} screen={screen} focusKey={focusKey} />, host.mount);
  };
  draw();
  return {
    opened(focus) {
      if (focus) focusKey++;
      draw();
    },
    refresh() {
      const next = who(host);
      const restart = next.publishableKey !== current.publishableKey || next.baseUrl !== current.baseUrl;
      if (restart || next.visitorId !== current.visitorId) screen.update((current = next));
      draw();
      return restart ? screen.boot() : undefined;
    },
    identify: (fields) => screen.identify(fields),
    async logout() {
      await screen.logout();
      // the other visitors of this key on this device (an anonymous chat before a login) go too;
      // with a `visitor-id`, the anonymous id as well: the next person starts afresh
      const local = storage();
      if (!local) return;
      const gone = visitorKeys(current.publishableKey, Object.keys(local), screen.visitorId);
      if (current.visitorId) gone.push(`tickki-widget:${current.publishableKey}:visitor`);
      for (const key of gone) local.removeItem(key);
    },
    destroy() {
      render(null, host.mount);
      for (const stop of stops) stop();
      screen.dispose();
    },
  };
}
