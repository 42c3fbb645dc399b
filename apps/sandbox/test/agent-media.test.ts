/** The scripted agent's media answers: a WAV voice note and a PNG picture, real files a browser decodes. */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.js';
import { chimeWav, landscapePng, mediaAskedFor } from '../src/media.js';
import { Api, PusherProbe, until, useSandbox } from './helpers.js';

let sb: RunningSandbox;
let api: Api;
useSandbox((s, a) => ([sb, api] = [s, a]), { agent: { mode: 'echo', delay_ms: 0 } });

describe('sample media', () => {
  it('makes a valid 16-bit mono PCM WAV of about 2.4 s that is not silence', () => {
    const wav = chimeWav();
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    const [format, channels, rate, , , bits] = [wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt32LE(28), wav.readUInt16LE(32), wav.readUInt16LE(34)];
    expect({ format, channels, rate, bits }).toEqual({ format: 1, channels: 1, rate: 16_000, bits: 16 });
    expect(wav.toString('ascii', 36, 40)).toBe('data');
    const bytes = wav.readUInt32LE(40);
    expect(bytes).toBe(wav.length - 44);
    expect(bytes / 2 / rate).toBeCloseTo(2.4, 1);
    let peak = 0;
    for (let i = 44; i < wav.length; i += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(i)));
    expect(peak).toBeGreaterThan(5000);
    expect(peak).toBeLessThan(32_768);
  });

  it('makes a valid 480×320 RGB PNG whose chunks check out', () => {
    const png = landscapePng();
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks: { type: string; body: Buffer }[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      chunks.push({ type: png.toString('ascii', at + 4, at + 8), body: png.subarray(at + 8, at + 8 + length) });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = chunks[0]!.body;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([480, 320, 8, 2]);
    expect(inflateSync(chunks[1]!.body).length).toBe((480 * 3 + 1) * 320);
    expect(png.length).toBeLessThan(120_000);
  });

  it('hears which sample a text asks for', () => {
    expect(mediaAskedFor('Can you send me a voice note?')).toBe('audio');
    expect(mediaAskedFor('AUDIO please')).toBe('audio');
    expect(mediaAskedFor('a photo of the tent')).toBe('image');
    expect(mediaAskedFor('Picture?')).toBe('image');
    expect(mediaAskedFor('show me an image')).toBe('image');
    expect(mediaAskedFor('my invoice')).toBeUndefined();
    expect(mediaAskedFor('imagine that')).toBeUndefined();
    expect(mediaAskedFor('photography')).toBeUndefined();
  });
});

describe('the scripted agent', () => {
  const ask = async (content: string) => {
    const s = await api.session();
    const probe = await PusherProbe.subscribe(api, s);
    await api.post(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token, json: { content } });
    return { s, probe };
  };

  it('answers "voice" with an audio attachment message, broadcast with a signed URL that serves the WAV', async () => {
    const { s, probe } = await ask('Could you send a voice note?');
    const event = (await until(() => probe.events('MessageCreated').find((e) => e.data.direction === 'outbound'), 3000, 'the agent reply'))!;
    await probe.close();
    expect(event.data).toMatchObject({ type: 'attachment', direction: 'outbound', content: 'voice-note.wav' });
    const [attachment] = event.data.attachments;
    expect(attachment).toMatchObject({ file_name: 'voice-note.wav', mime_type: 'audio/wav', file_size: chimeWav().length });
    const file = await fetch(attachment.signed_url);
    expect(file.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await file.arrayBuffer()).equals(chimeWav())).toBe(true);
    const stored = sb.control.messages(s.conversation_id);
    expect(stored.map((m) => [m.direction, m.type, m.content])).toEqual([
      ['inbound', 'text', 'Could you send a voice note?'],
      ['outbound', 'attachment', 'voice-note.wav'],
    ]);
    expect(stored[1]!.agent_name).toBe(sb.control.agentSettings().name);
    // the history answers it too (without attachments, as the contract says)
    const history = await api.get(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token });
    expect(history.body.data[0]).toMatchObject({ direction: 'outbound', type: 'attachment', content: 'voice-note.wav' });
  });

  it('answers "photo" with the PNG', async () => {
    const { s, probe } = await ask('A photo of the lake, please');
    const event = (await until(() => probe.events('MessageCreated').find((e) => e.data.direction === 'outbound'), 3000, 'the agent reply'))!;
    await probe.close();
    const [attachment] = event.data.attachments;
    expect(attachment).toMatchObject({ file_name: 'lakeside.png', mime_type: 'image/png' });
    const file = await fetch(attachment.signed_url);
    expect(Buffer.from(await file.arrayBuffer()).equals(landscapePng())).toBe(true);
    expect(sb.control.messages(s.conversation_id).at(-1)).toMatchObject({ direction: 'outbound', type: 'attachment' });
  });

  it('answers other texts and files as before, and nothing when off', async () => {
    const { s, probe } = await ask('Where is my order?');
    await until(() => sb.control.messages(s.conversation_id).length === 2, 3000, 'the echo');
    await probe.close();
    expect(sb.control.messages(s.conversation_id)[1]).toMatchObject({ type: 'text', content: 'Echo: Where is my order?' });

    sb.control.setAgent({ mode: 'off' });
    const quiet = await ask('a voice note?');
    await new Promise((done) => setTimeout(done, 200));
    await quiet.probe.close();
    expect(sb.control.messages(quiet.s.conversation_id)).toHaveLength(1);
  });
});
