import { useRef, useState } from 'preact/hooks';
import type { Attachment } from '@tickki/chat';
import { attachmentKind, format, formatDuration, httpUrl, type ChatStrings } from '@tickki/chat-ui';
import { PauseIcon, PlayIcon } from './icons.js';

/** Props of {@link AttachmentView}. */
export interface AttachmentViewProps {
  attachment: Attachment;
  strings: ChatStrings;
}

/**
 * One attachment of a message, by `attachmentKind`: an image as a thumbnail that opens the full
 * picture in a new tab, audio as a small player ({@link AudioNote}), anything else as a link with
 * its name. Only http(s) URLs are loaded or linked (else the name alone); a file that does not load
 * (an expired link, a format the browser cannot decode) falls back to the link.
 */
export function AttachmentView({ attachment: a, strings: s }: AttachmentViewProps) {
  const [broken, setBroken] = useState(false);
  const href = httpUrl(a.signedUrl);
  if (!href) return <bdi>{a.fileName}</bdi>;
  const kind = broken ? 'file' : attachmentKind(a);
  if (kind === 'audio') return <AudioNote url={href} strings={s} onError={() => setBroken(true)} />;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-label={format(s.attachment, { name: a.fileName })}>
      {kind === 'image' ? <img src={href} alt={format(s.image, { name: a.fileName })} loading="lazy" onError={() => setBroken(true)} /> : <bdi>{a.fileName}</bdi>}
    </a>
  );
}

/**
 * An audio attachment: play/pause, a progress bar (where it is) and the time (played while
 * playing, else the duration). One plays at a time in the panel. A recording without a duration
 * in its header (Chromium's WebM) is read through once, silently, to learn it.
 */
function AudioNote({ url, strings: s, onError }: { url: string; strings: ChatStrings; onError(): void }) {
  const ref = useRef<HTMLAudioElement>(null);
  const probing = useRef(false);
  const [playing, setPlaying] = useState(false);
  const [at, setAt] = useState(0);
  const [length, setLength] = useState(0);
  const measure = () => {
    const audio = ref.current!;
    const d = audio.duration;
    if (Number.isFinite(d)) {
      setLength(d);
      if (probing.current) audio.currentTime = 0; // back to the start; `seeked` there ends the probe
    } else if (d === Infinity && !probing.current) {
      probing.current = true;
      audio.currentTime = 1e7;
    }
  };
  const toggle = () => {
    const audio = ref.current!;
    if (!audio.paused) return audio.pause();
    for (const other of (audio.getRootNode() as ParentNode).querySelectorAll('audio')) if (other !== audio) other.pause();
    audio.play().catch(() => undefined);
  };
  return (
    <div class="audio" role="group" aria-label={format(s.voiceMessage, { duration: length ? formatDuration(length) : '' }).trim()}>
      <button type="button" class="play" aria-label={playing ? s.pause : s.play} onClick={toggle}>
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <progress max={length || 1} value={Math.min(at, length || 1)} aria-hidden="true" />
      <span class="len">{formatDuration(playing ? at : length)}</span>
      <audio
        ref={ref}
        src={url}
        preload="metadata"
        onLoadedMetadata={measure}
        onDurationChange={measure}
        onTimeUpdate={(e) => probing.current || setAt(e.currentTarget.currentTime)}
        onSeeked={(e) => probing.current && !e.currentTarget.currentTime && (probing.current = false)}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={(e) => {
          e.currentTarget.currentTime = 0;
          setAt(0);
        }}
        onError={onError}
      />
    </div>
  );
}
