import type { Message as WireMessage } from '@tickki/chat-api';
import { describe, expect, it } from 'vitest';
import { fromWireMessage, parseAgentTyping, parseMessage, parseTime } from './models.js';

const wire: WireMessage = {
  id: 42,
  direction: 'outbound',
  type: 'attachment',
  content: 'see file',
  created_at: '2025-01-02T03:04:05Z',
  attachments: [{ id: 7, file_name: 'a.png', mime_type: 'image/png', file_size: 1234, signed_url: 'https://cdn/a.png' }],
};

describe('fromWireMessage', () => {
  it('maps snake_case wire fields to the camelCase model', () => {
    expect(fromWireMessage(wire)).toEqual({
      id: 42,
      direction: 'outbound',
      type: 'attachment',
      content: 'see file',
      createdAt: new Date('2025-01-02T03:04:05Z'),
      attachments: [{ id: 7, fileName: 'a.png', mimeType: 'image/png', fileSize: 1234, signedUrl: 'https://cdn/a.png' }],
      isFromAgent: true,
    });
  });

  it('gives REST messages (no attachments) an empty list; inbound is not from an agent', () => {
    const { attachments: _, ...rest } = wire;
    const m = fromWireMessage({ ...rest, direction: 'inbound', type: 'text' });
    expect(m.attachments).toEqual([]);
    expect(m.isFromAgent).toBe(false);
  });
});

describe('parseMessage', () => {
  it('accepts a well-formed payload', () => {
    expect(parseMessage(wire)).toEqual(fromWireMessage(wire));
  });

  it('treats a null content as empty and drops malformed attachments', () => {
    const m = parseMessage({ ...wire, content: null, attachments: [wire.attachments![0], { id: 'x' }, null] });
    expect(m?.content).toBe('');
    expect(m?.attachments).toHaveLength(1);
  });

  it('ignores a non-array attachments field', () => {
    expect(parseMessage({ ...wire, attachments: 'nope' })?.attachments).toEqual([]);
  });

  it.each([
    ['missing id', { ...wire, id: undefined }],
    ['string id', { ...wire, id: '42' }],
    ['NaN id', { ...wire, id: Number.NaN }],
    ['missing direction', { ...wire, direction: undefined }],
    ['unknown direction', { ...wire, direction: 'sideways' }],
    ['unknown type', { ...wire, type: 'voice' }],
    ['numeric content', { ...wire, content: 5 }],
    ['missing created_at', { ...wire, created_at: undefined }],
    ['unparseable created_at', { ...wire, created_at: 'yesterday-ish' }],
    ['an array', [wire]],
    ['a string', JSON.stringify(wire)],
    ['null', null],
  ])('rejects %s', (_, value) => {
    expect(parseMessage(value)).toBeUndefined();
  });
});

describe('parseAgentTyping', () => {
  it('maps the payload', () => {
    expect(parseAgentTyping({ typing: true, agent_name: 'Ada' })).toEqual({ typing: true, agentName: 'Ada' });
    expect(parseAgentTyping({ typing: false, agent_name: null })).toEqual({ typing: false, agentName: undefined });
  });

  it('rejects a payload without a boolean typing', () => {
    expect(parseAgentTyping({ typing: 'yes' })).toBeUndefined();
    expect(parseAgentTyping(undefined)).toBeUndefined();
  });
});

describe('parseTime', () => {
  it.each([
    ['2026-11-29T10:16:05.123456Z', '2026-11-29T10:16:05.123Z'], // Laravel: microseconds
    ['2026-11-29T10:16:05.123456789Z', '2026-11-29T10:16:05.123Z'], // nanoseconds
    ['2026-11-29T10:16:05.123456+02:00', '2026-11-29T08:16:05.123Z'],
    ['2026-11-29T10:16:05.5Z', '2026-11-29T10:16:05.500Z'],
    ['2026-11-29T10:16:05Z', '2026-11-29T10:16:05.000Z'],
  ])('reads %s as %s', (wire, iso) => {
    expect(parseTime(wire).toISOString()).toBe(iso);
  });

  it('keeps an unreadable time unreadable', () => {
    expect(Number.isNaN(parseTime('yesterday-ish').getTime())).toBe(true);
  });
});
