/**
 * The panel's entry (`tickki-chat-app.js` beside the loader; the lazily imported chunk of an app's
 * bundle): `mount` of `app/app.tsx`, given the {@link WidgetHost} made of what the element hands
 * over ({@link ElementPort}), with what only the panel needs and so comes with it rather than with
 * every page's first load: the frame and mount point found in the shadow root, the base rules for
 * the panel's nodes (`PANEL_BASE_CSS`, ahead of each sheet it adds, so that it still adds one sheet),
 * each sheet added once however often the panel mounts, and the brand colour kept for the
 * launcher of the next pages.
 */
import { mount as mountPanel } from './app/app.js';
// after the panel's import: the bundle keeps the panel's module order (which gzips 0.1 KB smaller)
import { nextTask } from '@tickki/chat-realtime/internal';
import { saveBrand } from './config-brand.js';
import { PANEL_BASE_CSS } from './panel-base-css.js';
import type { ElementPort, WidgetApp } from './types.js';

/** The sheets added to each element's shadow root: once each, however often the panel mounts. */
const added = new WeakMap<HTMLElement, Set<string>>();

export async function mount(port: ElementPort): Promise<WidgetApp> {
  await nextTask(); // the module's evaluation and the chat's start: two shorter tasks rather than one long one
  const { element } = port;
  const frame = element.shadowRoot!.firstChild as HTMLElement;
  const sheets = added.get(element) ?? new Set<string>();
  added.set(element, sheets);
  return mountPanel({
    ...port,
    frame,
    mount: frame.firstChild as HTMLElement,
    attr: (name) => element.getAttribute(name),
    isOpen: () => element.isOpen,
    emit: (event, detail) => element.dispatchEvent(new CustomEvent(`tickki:${event}`, { detail })),
    adopt: (css) => {
      if (!sheets.has(css)) port.adoptCss(element.shadowRoot!, PANEL_BASE_CSS + css, element.nonce || element.getAttribute('nonce'));
      sheets.add(css);
    },
    setBrand: (color) => {
      port.setBrand(color);
      saveBrand(element.getAttribute('publishable-key') ?? '', color);
    },
  });
}
