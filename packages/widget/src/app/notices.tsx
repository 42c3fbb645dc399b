import { format, type ChatStrings, type ScreenNotice, type ScreenState } from '@tickki/chat-ui';

/** The banner above the messages: offline, a failed start (with a retry when retrying alone will not fix it), reconnecting, a failed sync; else "leave a message" when no agent is online. */
export function Banner({ state, strings: s, onRestart }: { state: ScreenState; strings: ChatStrings; onRestart(): void }) {
  const { banner, failed, away, needsForm } = state;
  if (failed)
    return (
      <p class="banner" role="alert">
        {s.startFailed}{' '}
        <button type="button" class="older" onClick={onRestart}>
          {s.retry}
        </button>
      </p>
    );
  if (banner)
    return (
      <p class="banner" role="status">
        {s[banner]}
      </p>
    );
  return away && !needsForm ? <p class="banner away">{s.away}</p> : null;
}

/** Files on their way, with progress. */
export function Uploads({ state: { uploads }, strings: s }: { state: ScreenState; strings: ChatStrings }) {
  if (!uploads.length) return null;
  return (
    <div class="uploads">
      {uploads.map((u) => (
        <label key={u.id}>
          {format(s.uploading, { name: u.name, percent: Math.round(u.progress * 100) })}
          <progress max={1} value={u.progress} />
        </label>
      ))}
    </div>
  );
}

/** Why a text or a file was not sent, as the screen reports it. */
export function noticeText(notice: ScreenNotice, s: ChatStrings): string {
  if (notice.kind === 'tooLong') return format(s.tooLong, { max: notice.max }, s.locale);
  if (notice.kind === 'fileTooLarge') return format(s.fileTooLarge, { max: notice.maxKb }, s.locale);
  return s.uploadFailed;
}

/** The passing notice under the messages. */
export function Notice({ notice, strings: s }: { notice: ScreenNotice | undefined; strings: ChatStrings }) {
  return notice ? (
    <p class="notice" role="alert">
      {noticeText(notice, s)}
    </p>
  ) : null;
}
