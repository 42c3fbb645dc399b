/**
 * Voice notes and media attachments: what every face decides the same way (no DOM, no player).
 * The name of a recorded note is `voice-file.ts`, a module of its own: only a recorder needs it.
 */
import type { ChatConfig } from '@tickki/chat';
import { httpUrl } from './url.js';

/** How a face shows an attachment: a thumbnail, an inline player, or a link to the file. */
export type AttachmentKind = 'image' | 'audio' | 'file';

// raster images every browser and React Native's <Image> draw; not SVG (a document that can script)
const IMAGE = /^image\/(png|jpe?g|gif|webp|avif)\s*(;|$)/i;
const AUDIO = /^audio\/[\w.+-]+\s*(;|$)/i;

/**
 * How to show an attachment, by its MIME type: `image` (PNG, JPEG, GIF, WebP, AVIF) or `audio`
 * (any `audio/*`) when its URL is a safe absolute http(s) URL ({@link httpUrl}), else `file` (a
 * link, or only the name when the URL is not safe). A face that cannot decode the file after all
 * falls back to the link.
 */
export function attachmentKind(attachment: { mimeType: string; signedUrl: string }): AttachmentKind {
  if (!httpUrl(attachment.signedUrl)) return 'file';
  const type = String(attachment.mimeType);
  return IMAGE.test(type) ? 'image' : AUDIO.test(type) ? 'audio' : 'file';
}

/**
 * A duration as `m:ss` (`h:mm:ss` from an hour on), rounded down to the second; `0:00` for what is
 * not a finite, positive number of seconds (an unknown duration, a stream).
 */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const s = String(total % 60).padStart(2, '0');
  const m = Math.floor(total / 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Whether the visitor may record voice notes: the business has them on (`features.voiceNotes`)
 * and takes files (`features.fileUploads`: a voice note is sent as an attachment).
 */
export function voiceNotesOn(config: Pick<ChatConfig, 'features'> | undefined): boolean {
  return !!config?.features.voiceNotes && !!config.features.fileUploads;
}
