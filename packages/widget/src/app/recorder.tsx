/**
 * The voice-note recorder: a chunk of its own, loaded only when the visitor presses record. It asks
 * for the microphone (the browser's prompt), records with `MediaRecorder`, shows the time, and
 * either sends the recording as a file or throws it away. The microphone is released on send,
 * cancel, unmount, and when the panel closes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { format, formatDuration, voiceFileName, type ChatStrings } from '@tickki/chat-ui';
import { icon, SendIcon } from './icons.js';

/** Why nothing could be recorded: the microphone was refused, or the browser cannot record (no `MediaRecorder`, no microphone, a page not on https). */
export type MicProblem = 'micDenied' | 'micUnsupported';

/** Props of {@link Recorder}. */
export interface RecorderProps {
  strings: ChatStrings;
  /** The largest file the business takes (`limits.maxUploadKb`), in bytes: recording stops short of it. */
  maxBytes: number;
  /** Over: with the file when the visitor sent it; without when cancelled, or with the problem. */
  onDone(file?: File, problem?: MicProblem): void;
}

const TrashIcon = icon('M9 3h6l1 2h4v2H4V5h4l1-2zM6 9h12l-1 12H7L6 9z');

// what the browser records best, in order: Opus in WebM (Chromium, Firefox), in Ogg, then AAC in MP4 (Safari)
const TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4', 'audio/webm'];

/**
 * Records a voice note: "Recording 0:07" with a pulsing dot, a cancel button and a send button.
 * Escape cancels. Opus at 32 kbit/s (a minute is about 240 KB); once the next second would pass
 * `maxBytes` it stops (the microphone released) and waits for send or cancel.
 */
export function Recorder({ strings: s, maxBytes, onDone }: RecorderProps) {
  const box = useRef<HTMLDivElement>(null);
  const sendButton = useRef<HTMLButtonElement>(null);
  const live = useRef<{ recorder?: MediaRecorder; chunks: Blob[]; size: number }>({ chunks: [], size: 0 });
  const [started, setStarted] = useState(0);
  const [stopped, setStopped] = useState(0);
  const [now, setNow] = useState(0);

  useEffect(() => {
    let gone = false;
    let stream: MediaStream | undefined;
    const r = live.current;
    const release = () => stream?.getTracks().forEach((track) => track.stop());
    // no MediaRecorder (older browsers), no getUserMedia (a page not on https): nothing to ask
    if (typeof MediaRecorder !== 'function' || !navigator.mediaDevices?.getUserMedia) return void onDone(undefined, 'micUnsupported');
    navigator.mediaDevices.getUserMedia({ audio: true }).then(
      (given) => {
        stream = given;
        if (gone) return release();
        const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported?.(type));
        const recorder = (r.recorder = new MediaRecorder(given, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: 32_000 }));
        recorder.ondataavailable = ({ data }) => {
          r.chunks.push(data);
          r.size += data.size;
          // the last chunk comes with stop(): stop while two more still fit
          if (recorder.state === 'recording' && r.size + 2 * data.size > maxBytes) {
            recorder.stop();
            release();
            setStopped(Date.now());
          }
        };
        recorder.start(1000);
        setStarted(Date.now());
      },
      (error: DOMException) => gone || onDone(undefined, error?.name === 'NotAllowedError' || error?.name === 'SecurityError' ? 'micDenied' : 'micUnsupported'),
    );
    const tick = setInterval(() => {
      setNow(Date.now());
      // the panel closed (or the element left the page): nothing records unseen
      if (!box.current?.getClientRects().length) onDone();
    }, 250);
    return () => {
      gone = true;
      clearInterval(tick);
      if (r.recorder?.state === 'recording') r.recorder.stop();
      release();
    };
  }, []);

  useEffect(() => {
    if (started) sendButton.current?.focus();
  }, [started]);

  const send = () => {
    const { recorder, chunks } = live.current;
    if (!recorder) return;
    const done = () => {
      const type = (recorder.mimeType || 'audio/webm').split(';')[0]!;
      const file = new File(chunks, voiceFileName(type), { type });
      onDone(file.size ? file : undefined);
    };
    if (recorder.state === 'inactive') return done();
    recorder.addEventListener('stop', done);
    recorder.stop();
  };

  const elapsed = started ? (stopped || Math.max(now, started)) - started : 0;
  return (
    <div
      ref={box}
      class="rec"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onDone();
      }}
    >
      <button type="button" class="icon" aria-label={s.cancelRecording} title={s.cancelRecording} onClick={() => onDone()}>
        <TrashIcon />
      </button>
      <i class={started && !stopped ? 'on' : undefined} aria-hidden="true" />
      <span class="time" role="timer">
        {format(s.recording, { time: formatDuration(elapsed / 1000) })}
      </span>
      <button ref={sendButton} type="button" class="send" aria-label={s.sendRecording} title={s.sendRecording} disabled={!started} onClick={send}>
        <SendIcon />
      </button>
    </div>
  );
}
