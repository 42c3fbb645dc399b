import { format, type ChatScreen } from '@tickki/chat-ui';
import type { WidgetHost } from '../types.js';
import { wordsNow } from './hooks.js';

/** The chime, a chunk of its own loaded with the panel when `sound` is set. */
const chime = () => void import('./sound.js').then((m) => m.chime());

/**
 * Announces each agent reply in a live region ("New message from Ana: …"), the panel drawn or not:
 * screen readers hear replies with the panel closed too. With `sound`, a reply also chimes while the
 * visitor is not reading (panel closed, or the page hidden). Returns a function that stops.
 */
export function announceReplies(host: WidgetHost, screen: ChatScreen): () => void {
  const region = document.createElement('div');
  region.className = 'sr';
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  host.frame.append(region);
  if (host.attr('sound') !== null) void import('./sound.js'); // in before the first reply
  const stop = screen.on('message', (m) => {
    if (!m.isFromAgent) return;
    const s = wordsNow(host);
    region.textContent = format(s.newMessage, { name: screen.state.config?.business.name || s.agent, text: m.content || m.attachments[0]?.fileName || '' });
    if (host.attr('sound') !== null && (!host.isOpen() || document.visibilityState !== 'visible')) chime();
  });
  return () => {
    stop();
    region.remove();
  };
}
