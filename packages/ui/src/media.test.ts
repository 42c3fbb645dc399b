import { describe, expect, it } from 'vitest';
import { attachmentKind, formatDuration, voiceNotesOn } from './media.js';
import { voiceFileName } from './voice-file.js';

const at = (mimeType: string, signedUrl = 'https://files.example/a?sig=1') => attachmentKind({ mimeType, signedUrl });

describe('attachmentKind', () => {
  it('shows raster images as images and any audio as audio, parameters and case aside', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/jpg', 'IMAGE/WEBP', 'image/gif', 'image/avif']) expect(at(type)).toBe('image');
    for (const type of ['audio/webm', 'audio/webm;codecs=opus', 'audio/ogg; codecs=opus', 'audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/wav', 'Audio/AAC']) expect(at(type)).toBe('audio');
  });

  it('keeps everything else a file: SVG, documents, video, odd or missing types', () => {
    for (const type of ['image/svg+xml', 'application/pdf', 'video/webm', 'text/html', 'image/pngx', 'audio/', 'audiox/webm', '', ' image/png']) expect(at(type)).toBe('file');
    expect(attachmentKind({ mimeType: undefined as unknown as string, signedUrl: 'https://x.example/a' })).toBe('file');
  });

  it('is a file whenever the URL is not a safe absolute http(s) URL', () => {
    for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'blob:https://x.example/1', '/files/1.png', '', 'https://exa mple.com/a.png']) {
      expect(at('image/png', url)).toBe('file');
      expect(at('audio/webm', url)).toBe('file');
    }
    expect(at('image/png', 'http://127.0.0.1:4010/attachments/1/a.png?sig=1')).toBe('image');
  });
});

describe('formatDuration', () => {
  it('writes m:ss, then h:mm:ss from an hour on, rounding down', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(0.99)).toBe('0:00');
    expect(formatDuration(7.4)).toBe('0:07');
    expect(formatDuration(59.999)).toBe('0:59');
    expect(formatDuration(60)).toBe('1:00');
    expect(formatDuration(754)).toBe('12:34');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3661)).toBe('1:01:01');
  });

  it('says 0:00 for an unknown duration', () => {
    for (const d of [NaN, Infinity, -Infinity, -5]) expect(formatDuration(d)).toBe('0:00');
  });
});

describe('voiceNotesOn', () => {
  const config = (fileUploads: boolean, voiceNotes: boolean) => ({ features: { fileUploads, voiceNotes } });
  it('needs voice notes on and file uploads on', () => {
    expect(voiceNotesOn(config(true, true))).toBe(true);
    expect(voiceNotesOn(config(false, true))).toBe(false);
    expect(voiceNotesOn(config(true, false))).toBe(false);
    expect(voiceNotesOn(undefined)).toBe(false);
  });
});

describe('voiceFileName', () => {
  const when = new Date(2025, 2, 4, 9, 6, 5);
  it('names a note by the local time, with the extension of its type', () => {
    expect(voiceFileName('audio/webm;codecs=opus', when)).toBe('voice-2025-03-04-090605.webm');
    expect(voiceFileName('audio/ogg; codecs=opus', when)).toBe('voice-2025-03-04-090605.ogg');
    expect(voiceFileName('audio/mp4', when)).toBe('voice-2025-03-04-090605.m4a');
    expect(voiceFileName('audio/mpeg', when)).toBe('voice-2025-03-04-090605.mp3');
    expect(voiceFileName('audio/wav', when)).toBe('voice-2025-03-04-090605.wav');
  });

  it('falls back to webm for an empty or unknown type', () => {
    expect(voiceFileName('', when)).toBe('voice-2025-03-04-090605.webm');
    expect(voiceFileName('audio/x-unknown', when)).toBe('voice-2025-03-04-090605.webm');
  });
});
