import type { ChatMessage } from '@tickki/chat';
import { describe, expect, it } from 'vitest';
import { en } from './lang/en.js';
import { fr } from './lang/fr.js';
import { threadRows, timeOfDay, type ThreadRow } from './thread.js';

// local times (the device's zone, whatever TZ the run has): Wednesday 12 March 2025, 10:00
const now = new Date(2025, 2, 12, 10, 0);
const at = (day: number, h: number, m: number, s = 0) => new Date(2025, 2, day, h, m, s);
let n = 0;
const msg = (createdAt: Date | undefined, agent = false, status: ChatMessage['status'] = 'sent'): ChatMessage => ({
  key: `k${++n}`,
  id: status === 'sent' ? n : undefined,
  clientId: agent ? undefined : `c${n}`,
  status,
  error: undefined,
  direction: agent ? 'outbound' : 'inbound',
  type: 'text',
  content: `m${n}`,
  createdAt: createdAt as Date,
  attachments: [],
  isFromAgent: agent,
});
/** `Today`, `v+-` (a message: v visitor / a agent, + first, - last). */
const show = (rows: ThreadRow[]) => rows.map((r) => (r.kind === 'day' ? r.label : `${r.message.isFromAgent ? 'a' : 'v'}${r.first ? '+' : ''}${r.last ? '-' : ''}`));
const rows = (messages: ChatMessage[], locale = 'en', strings = en) => threadRows(messages, { strings, locale, now });

describe('threadRows', () => {
  it('groups messages of one minute from one side: one time, under the last', () => {
    const five = [0, 10, 20, 40, 55].map((s) => msg(at(12, 9, 30, s)));
    const out = rows(five);
    expect(show(out)).toEqual(['Today', 'v+', 'v', 'v', 'v', 'v-']);
    expect(out.slice(1).map((r) => r.kind === 'message' && r.message)).toEqual(five);
    expect(out.map((r) => r.key)).toEqual([`day-${new Date(2025, 2, 12).getTime()}`, ...five.map((m) => m.key)]);
  });

  it('splits a group at a pause over 5 minutes (each pause measured from the message before)', () => {
    expect(show(rows([msg(at(12, 9, 0)), msg(at(12, 9, 4)), msg(at(12, 9, 9)), msg(at(12, 9, 15))]))).toEqual(['Today', 'v+', 'v', 'v-', 'v+-']);
    expect(show(threadRows([msg(at(12, 9, 0)), msg(at(12, 9, 2))], { strings: en, locale: 'en', now, groupMs: 60_000 }))).toEqual(['Today', 'v+-', 'v+-']);
  });

  it('splits a group where the side changes', () => {
    expect(show(rows([msg(at(12, 9, 0)), msg(at(12, 9, 0, 5)), msg(at(12, 9, 1), true), msg(at(12, 9, 1, 30), true), msg(at(12, 9, 2))]))).toEqual([
      'Today',
      'v+',
      'v-',
      'a+',
      'a-',
      'v+-',
    ]);
  });

  it('separates days at local midnight, even within a minute', () => {
    expect(show(rows([msg(at(11, 23, 59)), msg(at(12, 0, 0, 30))]))).toEqual(['Yesterday', 'v+-', 'Today', 'v+-']);
    expect(show(rows([msg(at(11, 23, 59)), msg(at(12, 0, 0, 30))], 'fr', fr))).toEqual(['Hier', 'v+-', "Aujourd'hui", 'v+-']);
  });

  it('labels older days with the weekday within the week, else the date, in the locale', () => {
    const old = [msg(at(9, 15, 0)), msg(new Date(2025, 1, 10, 8, 0), true)].reverse();
    expect(show(rows(old))).toEqual(['Feb 10, 2025', 'a+-', 'Sunday', 'v+-']);
    expect(show(rows(old, 'fr-FR', fr))).toEqual(['10 févr. 2025', 'a+-', 'dimanche', 'v+-']);
    expect(show(rows([msg(new Date(2024, 11, 31, 12, 0))], 'de', en))).toEqual(['31.12.2024', 'v+-']);
  });

  it('writes dates in English when the locale is refused, and never throws', () => {
    for (const locale of ['', 'x y', 'en_US', '123', 'zz-ZZZZZ-invalid']) expect(show(rows([msg(new Date(2025, 1, 10, 8, 0))], locale))[0]).toMatch(/2025/);
  });

  it('a pending message at the end joins the group; one without a time counts as sent right after the one before', () => {
    expect(show(rows([msg(at(12, 9, 0)), msg(at(12, 9, 0, 20), false, 'pending')]))).toEqual(['Today', 'v+', 'v-']);
    expect(show(rows([msg(at(11, 9, 0), true), msg(undefined, false, 'pending'), msg(new Date(NaN), false, 'failed')]))).toEqual(['Yesterday', 'a+-', 'v+', 'v-']);
    expect(show(rows([msg(undefined, false, 'pending')]))).toEqual(['Today', 'v+-']);
  });

  it('an empty thread has no rows; the default now is the clock', () => {
    expect(rows([])).toEqual([]);
    expect(show(threadRows([msg(new Date())], { strings: en, locale: 'en' }))).toEqual(['Today', 'v+-']);
  });
});

describe('timeOfDay', () => {
  it('writes the time of day of any date, never the date; an invalid date or locale does not throw', () => {
    const time = timeOfDay('en-US');
    expect(time(new Date(2020, 0, 5, 14, 5))).toMatch(/^2:05\sPM$/);
    expect(timeOfDay('fr')(new Date(2020, 0, 5, 14, 5))).toBe('14:05');
    expect(time(new Date(NaN))).toBe('');
    expect(timeOfDay('x y')(new Date(2020, 0, 5, 9, 30))).toMatch(/^9:30\sAM$/);
  });
});
