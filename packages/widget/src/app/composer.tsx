import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatSession } from '@tickki/chat';
import { format, type ChatStrings } from '@tickki/chat-ui';
import { AttachIcon, SendIcon } from './icons.js';

/** Props of {@link Composer}. */
export interface ComposerProps {
  session: ChatSession | undefined;
  strings: ChatStrings;
  maxLength: number;
  canUpload: boolean;
  /** Changes when the panel opens: the composer takes the focus. */
  focusKey: number;
  onFiles(files: File[]): void;
  /** Sends a text (`ChatScreen.send`); resolves whether it was taken (a refusal sets the screen's notice). */
  send(text: string): Promise<boolean>;
}

/**
 * The message box: Enter sends, Shift+Enter makes a new line, it grows up to five lines. What the
 * visitor typed is only cleared once the message is in the store (pending, then sent or failed with
 * its text); a refused send puts it back. Typing notifications are throttled by the session.
 */
export function Composer({ session, strings: s, maxLength, canUpload, focusKey, onFiles, send: submit }: ComposerProps) {
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusKey) area.current?.focus({ preventScroll: true });
  }, [focusKey]);
  useEffect(() => {
    // grow with the text (CSSOM, allowed under a strict CSP)
    const el = area.current;
    if (!el) return;
    el.style.setProperty('height', 'auto');
    el.style.setProperty('height', `${Math.min(el.scrollHeight + 2, 120)}px`);
  }, [text]);

  const length = text.length > maxLength * 0.9 ? [...text].length : text.length;
  const over = length > maxLength;
  // Enter pressed before the session is up: the text stays in the box and goes once it is
  const [queued, setQueued] = useState(false);
  useEffect(() => {
    if (queued && session) {
      setQueued(false);
      void send();
    }
  }, [queued, session]);
  const send = async () => {
    if (!text.trim() || over) return;
    if (!session) return setQueued(true);
    const sent = text;
    setText('');
    if (!(await submit(sent))) setText((now) => now || sent); // refused (too long, disposed): the text comes back
  };

  return (
    <>
      {length > maxLength * 0.9 ? (
        <p class={over ? 'count over' : 'count'} aria-live="polite">
          {over ? format(s.tooLong, { max: maxLength }, s.locale) : format(s.charsLeft, { count: maxLength - length }, s.locale)}
        </p>
      ) : null}
      <form
        class="composer"
        part="composer"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        {canUpload ? (
          <>
            <button type="button" class="icon" aria-label={s.attach} title={s.attach} onClick={() => picker.current?.click()}>
              <AttachIcon />
            </button>
            <input
              ref={picker}
              type="file"
              hidden
              multiple
              tabIndex={-1}
              onChange={(e) => {
                const input = e.currentTarget;
                onFiles([...(input.files ?? [])]);
                input.value = '';
              }}
            />
          </>
        ) : null}
        <textarea
          ref={area}
          rows={1}
          value={text}
          placeholder={s.placeholder}
          aria-label={s.placeholder}
          aria-invalid={over}
          enterkeyhint="send"
          onInput={(e) => {
            setText(e.currentTarget.value);
            session?.typing();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              void send();
            }
          }}
          onPaste={(e) => {
            const files = [...(e.clipboardData?.files ?? [])];
            if (canUpload && files.length) {
              e.preventDefault();
              onFiles(files);
            }
          }}
        />
        <button type="submit" class="send" aria-label={s.send} title={s.send} disabled={over || !text.trim()}>
          <SendIcon />
        </button>
      </form>
    </>
  );
}
