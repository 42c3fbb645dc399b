import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatSession } from '@tickki/chat';
import { format, voiceNotesOn, type ChatStrings } from '@tickki/chat-ui';
import { AttachIcon, MicIcon, SendIcon } from './icons.js';
import type { MicProblem, Recorder as RecorderType } from './recorder.js';

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
 * With voice notes on (`features.voiceNotes` and `fileUploads`), a record button loads the
 * recorder (`recorder.tsx`, a chunk of its own) in place of the box; what it records is uploaded
 * as a file. A browser that cannot record, or a refused microphone, says so above the box until
 * the visitor types or tries again.
 */
export function Composer({ session, strings: s, maxLength, canUpload, focusKey, onFiles, send: submit }: ComposerProps) {
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const mic = useRef<HTMLButtonElement>(null);
  // the recorder once loaded, and why the last recording could not start
  const [Recorder, setRecorder] = useState<typeof RecorderType>();
  const [micProblem, setMicProblem] = useState<MicProblem>();
  const recorded = (file?: File, problem?: MicProblem) => {
    setRecorder(undefined);
    setMicProblem(problem);
    if (file) onFiles([file]);
    setTimeout(() => mic.current?.focus());
  };
  useEffect(() => {
    if (focusKey) area.current?.focus({ preventScroll: true });
  }, [focusKey]);
  useEffect(() => {
    // grow with the text (CSSOM, allowed under a strict CSP)
    const el = area.current;
    if (!el) return;
    el.style.setProperty('height', 'auto');
    el.style.setProperty('height', `${Math.min(el.scrollHeight + 2, 120)}px`);
  }, [text, Recorder]);

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
      {micProblem ? (
        <p class="notice" role="alert">
          {s[micProblem]}
        </p>
      ) : null}
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
        {Recorder && session ? (
          <Recorder strings={s} maxBytes={session.config.limits.maxUploadKb * 1024} onDone={recorded} />
        ) : (
          <>
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
                setMicProblem(undefined);
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
            {canUpload && voiceNotesOn(session?.config) ? (
              <button
                ref={mic}
                type="button"
                class="icon"
                aria-label={s.record}
                title={s.record}
                onClick={() =>
                  import('./recorder.js').then(
                    (m) => setRecorder(() => m.Recorder),
                    () => setMicProblem('micUnsupported'),
                  )
                }
              >
                <MicIcon />
              </button>
            ) : null}
            <button type="submit" class="send" aria-label={s.send} title={s.send} disabled={over || !text.trim()}>
              <SendIcon />
            </button>
          </>
        )}
      </form>
    </>
  );
}
