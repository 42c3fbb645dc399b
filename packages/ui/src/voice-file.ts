/** The file name of a recorded voice note (a module of its own: a face loads it with its recorder). */

const EXTENSIONS: Record<string, string> = { webm: 'webm', ogg: 'ogg', mp4: 'm4a', 'x-m4a': 'm4a', aac: 'aac', mpeg: 'mp3', wav: 'wav', 'x-wav': 'wav' };

/**
 * The file name of a voice note recorded at `at` in `mimeType` (a recorder's type, parameters
 * allowed): `voice-2025-03-14-092605.webm`, the extension from the type (`ogg`, `m4a`, `mp3`, `wav`,
 * `aac`; else `webm`), the time the visitor's own.
 */
export function voiceFileName(mimeType: string, at: Date = new Date()): string {
  const sub = /^audio\/([\w.+-]+)/i.exec(mimeType)?.[1]?.toLowerCase() ?? '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `voice-${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}.${EXTENSIONS[sub] ?? 'webm'}`;
}
