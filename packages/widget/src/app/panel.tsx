import { useRef, useState } from 'preact/hooks';
import { format, type ChatScreen } from '@tickki/chat-ui';
import type { WidgetHost } from '../types.js';
import { Composer } from './composer.js';
import { Header } from './header.js';
import { useFullScreen, useInertPage, useScreen, useWords } from './hooks.js';
import { MessageList } from './message-list.js';
import { Banner, Notice, Uploads } from './notices.js';
import { lazy } from './lazy.js';

/** The pre-chat form, a chunk of its own: only businesses that require identification show it. */
const PreChat = lazy(
  () => import('./pre-chat.js').then((m) => m.PreChat),
  () => null,
);

/** Props of {@link Panel}. */
export interface PanelProps {
  host: WidgetHost;
  screen: ChatScreen;
  /** Changes each time the visitor opens the panel (not when it is restored on load): focus goes into it. */
  focusKey: number;
}

/**
 * The chat panel: renders the `ChatScreen`'s state and calls its methods. What it keeps itself is
 * the DOM's: focus, the modal (full screen: Tab wraps, the page behind is inert), drag-and-drop. It
 * is first drawn when the visitor first opens it (`app.tsx`): a panel loaded in the background (a
 * returning visitor, to count replies) costs the page's load no drawing.
 */
export function Panel({ host, screen, focusKey }: PanelProps) {
  const state = useScreen(screen);
  const words = useWords(host);
  const { s } = words;
  const open = host.isOpen();
  const { view, config, needsForm } = state;
  const full = useFullScreen();
  useInertPage(host.element, host.frame, full && open);
  const panel = useRef<HTMLDivElement>(null);

  const [dragging, setDragging] = useState(false);
  const canUpload = !!config?.features.fileUploads;
  const hasFiles = (e: DragEvent) => canUpload && !!e.dataTransfer?.types.includes('Files');
  const focusComposer = () => panel.current?.querySelector('textarea')?.focus();
  const name = config?.business.name || s.title;

  return (
        <div
          ref={panel}
          class="panel"
          part="panel"
          role="dialog"
          aria-modal={full || undefined}
          aria-labelledby="tk-title"
          hidden={!open}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              host.setOpen(false, true);
            }
            if (e.key === 'Tab' && full) {
              const all = [...panel.current!.querySelectorAll<HTMLElement>('a[href],[tabindex],:enabled')].filter((el) => el.tabIndex >= 0 && el.getClientRects().length);
              const at = (panel.current!.getRootNode() as ShadowRoot).activeElement;
              const edge = e.shiftKey ? all[0] : all[all.length - 1];
              if (at === edge || !all.includes(at as HTMLElement)) {
                e.preventDefault();
                (e.shiftKey ? all[all.length - 1] : all[0])?.focus();
              }
            }
          }}
          onDragEnter={(e) => hasFiles(e) && (e.preventDefault(), setDragging(true))}
          onDragOver={(e) => hasFiles(e) && e.preventDefault()}
          onDragLeave={(e) => !panel.current?.contains(e.relatedTarget as Node) && setDragging(false)}
          onDrop={(e) => {
            if (!hasFiles(e)) return;
            e.preventDefault();
            setDragging(false);
            screen.upload([...(e.dataTransfer?.files ?? [])]);
          }}
        >
          <Header state={state} strings={s} name={name} onClose={() => host.setOpen(false, true)} />
          <Banner state={state} strings={s} onRestart={() => screen.restart()} />
          {needsForm ? (
            <PreChat strings={s} focusKey={open ? focusKey : 0} onSubmit={(fields) => void screen.identify(fields)} />
          ) : (
            <>
              <MessageList screen={screen} state={state} words={words} name={name} open={open} focusKey={open ? focusKey : 0} onAct={focusComposer} />
              <p class="typing" aria-hidden={!view.typing}>
                {view.typing ? (view.typing.agentName ? format(s.typing, { name: view.typing.agentName }) : s.typingAnonymous) : ''}
              </p>
              <Uploads state={state} strings={s} />
              <Notice notice={state.notice} strings={s} />
              <Composer
                session={view.session}
                strings={s}
                maxLength={config?.limits.messageMaxLength ?? 8000}
                canUpload={canUpload}
                focusKey={open ? focusKey : 0}
                onFiles={(files) => screen.upload(files)}
                send={(text) => screen.send(text)}
              />
            </>
          )}
          {dragging ? (
            <div class="drop" aria-hidden="true">
              {s.dropHere}
            </div>
          ) : null}
        </div>
  );
}
