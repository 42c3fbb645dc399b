/**
 * Small real media files the scripted agent can send, made once at start (no files on disk, no
 * dependencies): a short WAV voice-note stand-in (three notes of a chime, 16-bit mono at 16 kHz)
 * and a PNG picture (a landscape drawn pixel by pixel, deflated with `node:zlib`).
 */
import { deflateSync } from 'node:zlib';

/** A file the agent sends: its name, MIME type and bytes. */
export interface MediaFile {
  file_name: string;
  mime_type: string;
  data: Buffer;
}

/** Which sample the agent sends. */
export type MediaKind = 'audio' | 'image';

/** About 2.4 s of a three-note chime (C6, E6, G6, each decaying), as a RIFF/WAVE file. */
export function chimeWav(): Buffer {
  const rate = 16_000;
  const notes = [1046.5, 1318.5, 1568];
  const step = 0.45; // seconds between notes
  const length = Math.round(rate * (step * (notes.length - 1) + 1.5));
  const samples = new Int16Array(length);
  for (let i = 0; i < length; i++) {
    const t = i / rate;
    let v = 0;
    notes.forEach((f, n) => {
      const at = t - n * step;
      if (at < 0) return;
      const attack = Math.min(1, at / 0.01);
      // a fundamental and a softer octave, fading out
      v += attack * Math.exp(-at * 3.2) * (Math.sin(2 * Math.PI * f * at) + 0.3 * Math.sin(4 * Math.PI * f * at));
    });
    samples[i] = Math.round(Math.max(-1, Math.min(1, v * 0.28)) * 32767);
  }
  const data = Buffer.from(samples.buffer);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** A 480×320 PNG: an evening sky, a sun, two rows of hills and a lake. */
export function landscapePng(width = 480, height = 320): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  const mix = (a: number[], b: number[], t: number) => a.map((v, i) => Math.round(v + ((b[i] as number) - v) * t));
  const sun = { x: width * 0.68, y: height * 0.42, r: height * 0.12 };
  const far = (x: number) => height * (0.55 + 0.06 * Math.sin(x / 53) + 0.03 * Math.sin(x / 17 + 1));
  const near = (x: number) => height * (0.66 + 0.07 * Math.sin(x / 71 + 2) + 0.02 * Math.sin(x / 23));
  const lake = height * 0.8;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      let c: number[];
      if (y >= lake) {
        // the water mirrors the sky, darker, with ripples
        const ripple = Math.sin(y * 1.3 + Math.sin(x / 9)) * 0.06;
        c = mix([59, 68, 140], [18, 28, 66], (y - lake) / (height - lake) + ripple);
      } else if (y >= near(x)) c = mix([37, 99, 76], [20, 61, 49], (y - near(x)) / (lake - near(x) + 1));
      else if (y >= far(x)) c = mix([94, 84, 150], [64, 72, 120], (y - far(x)) / (height * 0.3));
      else {
        const d = Math.hypot(x - sun.x, y - sun.y);
        c = mix([253, 186, 116], [251, 113, 133], y / (height * 0.6));
        if (d < sun.r) c = [255, 237, 180];
        else if (d < sun.r * 2.2) c = mix([255, 214, 150], c, (d - sun.r) / (sun.r * 1.2));
      }
      raw.set(c, row + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

let made: Record<MediaKind, MediaFile> | undefined;

/** The agent's sample files, made on first use and kept. */
export function sampleMedia(kind: MediaKind): MediaFile {
  made ??= {
    audio: { file_name: 'voice-note.wav', mime_type: 'audio/wav', data: chimeWav() },
    image: { file_name: 'lakeside.png', mime_type: 'image/png', data: landscapePng() },
  };
  return made[kind];
}

/**
 * The sample a visitor's text asks for: `audio` when it names a voice note or audio ("voice",
 * "audio"), `image` when it names a picture ("image", "photo", "picture"), else `undefined`.
 */
export function mediaAskedFor(text: string): MediaKind | undefined {
  if (/\b(voice|audio)\b/i.test(text)) return 'audio';
  if (/\b(image|photo|picture)\b/i.test(text)) return 'image';
  return undefined;
}
