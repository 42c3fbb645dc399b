import { render } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { ChatMessage, StartSessionOptions } from '@tickki/chat';
import { ChatController, type ChatView } from '@tickki/chat-react/core';
import { format, httpUrl, isRtlLocale, type ChatStrings } from '@tickki/chat-ui';
import { en } from '@tickki/chat-ui/strings/en';
import type { VisitorFields, WidgetApp, WidgetHost } from '../element.js';
import { Composer } from './composer.js';
import { CloseIcon } from './icons.js';
import { MessageItem } from './message-item.js';
import { PANEL_CSS } from './panel-css.js';
import { chime } from './sound.js';
import { visitorId } from './visitor.js';

/** Renders the panel into the element's shadow root. The element calls this once the module has loaded. */
export function mount(host: WidgetHost): WidgetApp {
  host.adopt(PANEL_CSS);
  const key = host.attr('publishable-key') ?? '';
  const controller = new ChatController({ publishableKey: key, baseUrl: host.attr('base-url') || undefined });
  const release = controller.retain();
  const state = { openedAt: 0, identity: {} as VisitorFields };
  const draw = () => render(<App host={host} controller={controller} openedAt={state.openedAt} identity={state.identity} />, host.mount);
  draw();
  return {
    opened() {
      state.openedAt++;
      draw();
    },
    refresh: draw,
    async identify(fields) {
      state.identity = { ...state.identity, ...fields };
      host.saveUi({ i: true });
      draw();
      const session = controller.view.session;
      return session ? session.identify(fields) : undefined;
    },
    destroy() {
      render(null, host.mount);
      release();
      controller.dispose();
    },
  };
}

interface AppProps {
  host: WidgetHost;
  controller: ChatController;
  openedAt: number;
  identity: VisitorFields;
}

/** The controller's view; re-renders on every change. */
function useView(controller: ChatController): ChatView {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => controller.subscribe(() => bump(1)), [controller]);
  return controller.view;
}

function useVisible(): boolean {
  const [visible, setVisible] = useState(document.visibilityState === 'visible');
  useEffect(() => {
    const on = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', on);
    return () => document.removeEventListener('visibilitychange', on);
  }, []);
  return visible;
}

/** The UI languages besides English, each loaded when shown. */
const LANGUAGES: Record<string, () => Promise<ChatStrings>> = {
  fr: () => import('@tickki/chat-ui/strings/fr').then((m) => m.fr),
  de: () => import('@tickki/chat-ui/strings/de').then((m) => m.de),
};

/** Overrides from the `strings` attribute (JSON); ignored when it is not an object of strings. */
function parseStrings(json: string | null): Partial<ChatStrings> {
  try {
    const value: unknown = json ? JSON.parse(json) : {};
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Partial<ChatStrings>;
  } catch {
    return {};
  }
}

function App({ host, controller, openedAt, identity }: AppProps) {
  const view = useView(controller);
  const visible = useVisible();
  const open = host.isOpen();
  const key = host.attr('publishable-key') ?? '';
  const locale = host.attr('locale') || navigator.language || 'en';
  const overrides = host.attr('strings');
  const language = locale.toLowerCase().slice(0, 2);
  const [table, setTable] = useState<[string, ChatStrings]>(['en', en]);
  useEffect(() => {
    // other languages are chunks of their own, loaded when shown
    const load = LANGUAGES[language];
    if (load && table[0] !== language) void load().then((t) => setTable([language, t]), () => undefined);
  }, [language]);
  const base = LANGUAGES[language] ? (table[0] === language ? table[1] : undefined) : en;
  const s = useMemo(() => ({ ...(base ?? en), ...parseStrings(overrides) }), [base, overrides]);
  const when = useMemo(() => {
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
    const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
    return { format: (d: Date) => (d.toDateString() === new Date().toDateString() ? time : day).format(d) } as Intl.DateTimeFormat;
  }, [locale]);
  const dir = host.attr('dir') || (isRtlLocale(locale) ? 'rtl' : 'ltr');
  useLayoutEffect(() => host.frame.setAttribute('dir', dir), [dir]);

  const { config, session, status, messages, connection, sync, typing, hasOlder } = view;
  const [configKnown, setConfigKnown] = useState(false);
  useEffect(() => {
    controller.chat?.fetchConfig().then(
      () => setConfigKnown(true),
      () => setConfigKnown(true), // no config: defaults
    );
  }, [controller]);
  useEffect(() => {
    if (config) host.setBrand(config.branding.primaryColor);
  }, [config?.branding.primaryColor]);

  // -------------------------------------------------------------- session
  const [identified, setIdentified] = useState(() => !!host.ui().i);
  const [started, setStarted] = useState(() => !!host.ui().s);
  const needsForm = !!config?.identification.requiredOnStart && !identified && !identity.name && !identity.email;
  const want = (open || started) && configKnown && !needsForm;
  const who = useRef<StartSessionOptions | undefined>(undefined);
  useEffect(() => {
    if (!want || controller.view.session || controller.view.status === 'starting') return;
    who.current = { visitorId: visitorId(key, host.attr('visitor-id')), ...identity };
    void controller.start(who.current).catch(() => undefined);
    if (!started) {
      setStarted(true);
      host.saveUi({ s: true });
    }
  }, [want]);
  useEffect(() => {
    if (status !== 'error' || !who.current) return;
    const retry = setTimeout(() => void controller.start(who.current!).catch(() => undefined), 5000);
    return () => clearTimeout(retry);
  }, [status]);

  // -------------------------------------------------------------- new messages, unread, announcements
  const seen = useRef(host.ui().n);
  const known = useRef<Set<string> | undefined>(undefined);
  const reported = useRef(new Set<string>());
  /** The `message` event, once per message. */
  const report = (m: ChatMessage) => {
    if (reported.current.has(m.key)) return;
    reported.current.add(m.key);
    host.emit('message', { content: m.content, isFromAgent: m.isFromAgent, id: m.id, createdAt: m.createdAt });
  };
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    if (status !== 'ready' && !known.current) return;
    const newestAgent = lastAgentId(messages);
    if (!known.current) {
      known.current = new Set(messages.map((m) => m.key)); // history (the visitor's sends are reported by the composer)
      if (seen.current === undefined) seen.current = newestAgent; // a first visit: history is not "unread"
    }
    const fresh: ChatMessage[] = [];
    for (let i = messages.length - 1; i >= 0 && !known.current.has(messages[i]!.key); i--) fresh.unshift(messages[i]!);
    for (const m of fresh) {
      known.current.add(m.key);
      report(m);
    }
    const reply = fresh.filter((m) => m.isFromAgent).at(-1);
    if (reply) {
      setAnnounce(format(s.newMessage, { name: config?.business.name || s.agent, text: reply.content || reply.attachments[0]?.fileName || '' }));
      if (host.attr('sound') !== null && (!open || !visible)) chime();
    }
  }, [messages, status]);
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (!known.current) return; // not ready yet: the launcher shows the count kept from the last page
    const newest = lastAgentId(messages) ?? 0;
    let count = 0;
    if (open && visible) {
      if (newest > (seen.current ?? 0)) host.saveUi({ n: (seen.current = newest) });
    } else {
      for (let i = messages.length - 1; i >= 0; i--) {
        const m = messages[i]!;
        if (m.id !== undefined && m.id <= (seen.current ?? 0)) break;
        if (m.isFromAgent && m.id !== undefined) count++;
      }
    }
    host.setUnread(count);
    setUnread(count);
  }, [messages, open, visible, status]);

  // -------------------------------------------------------------- scrolling
  const list = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<number | undefined>(undefined);
  const loadingOlder = useRef(false);
  const lastTop = useRef(0);
  const touched = useRef(false);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    if (anchor.current !== undefined) {
      el.scrollTop = el.scrollHeight - anchor.current
      anchor.current = undefined;
    } else if (atBottom.current || messages.at(-1)?.status === 'pending') el.scrollTop = el.scrollHeight;
  }, [messages, typing, open]);
  const loadOlder = () => {
    const el = list.current;
    if (!session || !hasOlder || loadingOlder.current || !el) return;
    loadingOlder.current = true;
    anchor.current = el.scrollHeight - el.scrollTop;
    // each load brings the page just before the oldest shown; `hasOlder` is current when it lands
    session
      .loadOlder()
      .catch(() => (anchor.current = undefined))
      .finally(() => (loadingOlder.current = false));
  };

  // -------------------------------------------------------------- uploads and notices
  const [uploads, setUploads] = useState<{ id: number; name: string; progress: number }[]>([]);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(''), 6000);
    return () => clearTimeout(t);
  }, [notice]);
  const canUpload = !!config?.features.fileUploads;
  const upload = (files: File[]) => {
    if (!session || !canUpload) return;
    for (const file of files) {
      const id = Math.random();
      setUploads((u) => [...u, { id, name: file.name, progress: 0 }]);
      session
        .uploadAttachment(file, { onProgress: (p) => setUploads((u) => u.map((x) => (x.id === id ? { ...x, progress: p } : x))) })
        .catch((e: { code?: string }) => setNotice(e.code === 'file_too_large' || e.code === 'payload_too_large' ? format(s.fileTooLarge, { max: config!.limits.maxUploadKb }) : s.uploadFailed))
        .finally(() => setUploads((u) => u.filter((x) => x.id !== id)));
    }
  };
  const [dragging, setDragging] = useState(false);
  const hasFiles = (e: DragEvent) => canUpload && !!e.dataTransfer?.types.includes('Files');

  // -------------------------------------------------------------- focus
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open && openedAt) {
      atBottom.current = true;
      const el = list.current;
      if (el) el.scrollTop = el.scrollHeight;
      if (needsForm) panel.current?.querySelector('input')?.focus();
    }
  }, [openedAt]);

  // Full screen (the panel-css breakpoint) the panel is modal: Tab and Shift+Tab wrap inside it.
  const [full, setFull] = useState(false);
  useEffect(() => {
    const media = matchMedia('(max-width:480px)');
    const update = () => setFull(media.matches);
    update();
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);

  // Full screen and open, the page behind is inert (no focus, no clicks, no screen-reader cursor):
  // every sibling on the way from the element up to <body>, as the page had it before. A layout
  // effect: the page is given back in the same commit that hides the panel, not a frame later.
  useLayoutEffect(() => {
    if (!full || !open) return;
    const made: Element[] = [];
    for (let el: Element = host.element; el !== document.body && el.parentElement; el = el.parentElement) {
      for (const other of el.parentElement.children) if (other !== el && !other.hasAttribute('inert')) made.push(other);
    }
    for (const other of made) other.setAttribute('inert', '');
    return () => made.forEach((other) => other.removeAttribute('inert'));
  }, [full, open]);

  const focusComposer = () => panel.current?.querySelector('textarea')?.focus();

  // -------------------------------------------------------------- banner
  const [slow, setSlow] = useState(false);
  const troubled = connection === 'reconnecting' || connection === 'connecting' || connection === 'failed';
  useEffect(() => {
    setSlow(false);
    if (!troubled) return;
    const t = setTimeout(() => setSlow(true), 1500); // a blip is not worth a banner
    return () => clearTimeout(t);
  }, [troubled]);
  const offline = connection === 'offline';
  const banner = offline
    ? s.offline
    : status === 'error'
      ? s.startFailed
      : slow && troubled && status !== 'idle'
        ? s.reconnecting
        : sync.status === 'failed'
          ? s.syncFailed
          : '';
  const away = config !== undefined && config.presence.agentsOnline === 0;

  const name = config?.business.name || s.title;
  const logo = httpUrl(config?.branding.logoUrl);
  const [brokenLogo, setBrokenLogo] = useState<string>();

  return (
    <>
      <div class="sr" aria-live="polite" aria-atomic="true">
        {announce}
      </div>
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
          upload([...(e.dataTransfer?.files ?? [])]);
        }}
      >
        <header class="head" part="header">
          {logo && logo !== brokenLogo ? <img class="logo" src={logo} alt="" onError={() => setBrokenLogo(logo)} /> : null}
          <div class="who">
            <h2 class="title" id="tk-title">
              {name}
              {unread ? ' ' + format(s.unread, { count: unread }) : ''}
            </h2>
            {config ? (
              <p class="presence">
                <span class={away ? 'dot' : 'dot on'} aria-hidden="true" />
                {away ? s.away.split(/[.!]/)[0] : s.online}
              </p>
            ) : null}
          </div>
          <button type="button" class="icon" aria-label={s.close} title={s.close} onClick={() => host.setOpen(false, true)}>
            <CloseIcon />
          </button>
        </header>
        {banner ? (
          <p class="banner" role="status">
            {banner}
          </p>
        ) : away && !needsForm ? (
          <p class="banner away">{s.away}</p>
        ) : null}
        {needsForm ? (
          <PreChat
            strings={s}
            onSubmit={(fields) => {
              host.saveUi({ i: true });
              setIdentified(true);
              Object.assign(identity, fields);
            }}
          />
        ) : (
          <>
            <ol
              ref={list}
              class="list"
              aria-label={name}
              tabIndex={0}
              onWheel={() => (touched.current = true)}
              onTouchStart={() => (touched.current = true)}
              onKeyDown={() => (touched.current = true)}
              onPointerDown={() => (touched.current = true)}
              onScroll={(e) => {
                const el = e.currentTarget;
                atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40
                // only the visitor scrolling up loads more (not the list settling after a render)
                if (el.scrollTop < 60 && el.scrollTop < lastTop.current && touched.current) loadOlder();
                lastTop.current = el.scrollTop;
              }}
            >
              {hasOlder && status === 'ready' ? (
                <li key="older">
                  <button type="button" class="older" onClick={loadOlder}>
                    {s.loadOlder}
                  </button>
                </li>
              ) : (
                <li class="welcome" key="welcome">
                  <div class="bubble" dir="auto">
                    {config?.branding.welcomeMessage ?? ''}
                  </div>
                </li>
              )}
              {messages.map((m) => (
                <MessageItem
                  key={m.key}
                  message={m}
                  strings={s}
                  time={when}
                  onRetry={(id) => {
                    focusComposer(); // the button goes away with the failure
                    void session?.retry(id).catch(() => undefined);
                  }}
                  onDiscard={(id) => {
                    focusComposer();
                    session?.discard(id);
                  }}
                />
              ))}
            </ol>
            <p class="typing" aria-hidden={!typing}>
              {typing ? (typing.agentName ? format(s.typing, { name: typing.agentName }) : s.typingAnonymous) : ''}
            </p>
            {uploads.length ? (
              <div class="uploads">
                {uploads.map((u) => (
                  <label key={u.id}>
                    {format(s.uploading, { name: u.name, percent: Math.round(u.progress * 100) })}
                    <progress max={1} value={u.progress} />
                  </label>
                ))}
              </div>
            ) : null}
            {notice ? (
              <p class="notice" role="alert">
                {notice}
              </p>
            ) : null}
            <Composer
              session={session}
              strings={s}
              maxLength={config?.limits.messageMaxLength ?? 8000}
              canUpload={canUpload}
              focusKey={open ? openedAt : 0}
              onFiles={upload}
              onNotice={setNotice}
              onSent={report}
            />
          </>
        )}
        {dragging ? (
          <div class="drop" aria-hidden="true">
            {s.dropHere}
          </div>
        ) : null}
      </div>
    </>
  );
}

function PreChat({ strings: s, onSubmit }: { strings: ChatStrings; onSubmit(fields: VisitorFields): void }) {
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        onSubmit({ name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim() });
      }}
    >
      <p>{s.preChatIntro}</p>
      <label>
        {s.name}
        <input name="name" autoComplete="name" required />
      </label>
      <label>
        {s.email}
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <button type="submit" class="primary">
        {s.startChat}
      </button>
    </form>
  );
}

function lastAgentId(messages: readonly ChatMessage[]): number | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.isFromAgent && messages[i]!.id !== undefined) return messages[i]!.id;
  return undefined;
}
