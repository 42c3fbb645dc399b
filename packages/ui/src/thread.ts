/**
 * A thread as a chat shows it: messages in groups (one time under a group, not under every bubble)
 * and a separator where the day changes. Days are the device's local days.
 */
import type { ChatMessage } from '@tickki/chat';
import { timeFormatter } from './locale.js';
import type { ChatStrings } from './strings.js';

/**
 * One row of {@link threadRows}: a day separator (`label`: "Today", "Yesterday", a weekday within
 * the week, else a date), or a message with its place in its group (`first` starts a group, `last`
 * ends it: the row that shows the group's time).
 */
export type ThreadRow =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'message'; key: string; message: ChatMessage; first: boolean; last: boolean };

/** Options of {@link threadRows}. */
export interface ThreadOptions {
  /** The labels of today and yesterday (`today`, `yesterday` of the strings). */
  strings: Pick<ChatStrings, 'today' | 'yesterday'>;
  /** The tag older dates are written in (`resolveLocale`'s `locale`); English when `Intl` refuses it. */
  locale: string;
  /** What "today" is; default: the device's clock. */
  now?: Date;
  /** The longest pause between two messages of one group; default {@link GROUP_MS}. */
  groupMs?: number;
}

/** The default longest pause in a group: 5 minutes. */
export const GROUP_MS = 300_000;

/**
 * A message's time of day (`14:05`, `2:05 PM`) for a thread whose day rows give the date
 * (`timeFormatter` adds the date to a time not of today). Never throws; `''` for an invalid date.
 */
export function timeOfDay(locale: string): (d: Date) => string {
  let at = new Date();
  // every time is of "today" when today is its own day
  const format = timeFormatter(locale, () => at);
  return (d) => format((at = d));
}

/** Local midnight of the day of `t` (ms). */
const dayOf = (t: number): number => new Date(t).setHours(0, 0, 0, 0);

function dayLabel(day: number, today: number, { strings, locale }: ThreadOptions): string {
  const ago = Math.round((today - day) / 864e5);
  if (ago === 0) return strings.today;
  if (ago === 1) return strings.yesterday;
  const format: Intl.DateTimeFormatOptions = ago > 1 && ago < 7 ? { weekday: 'long' } : { dateStyle: 'medium' };
  const date = new Date(day);
  try {
    return date.toLocaleDateString(locale, format);
  } catch {
    return date.toLocaleDateString('en', format);
  }
}

/**
 * The rows of a thread, oldest first: a day row before the first message and wherever the local
 * day changes, then the messages. Consecutive messages from one side (the visitor's, or agents')
 * with at most `groupMs` between each and the one before, on one day, form a group. A message
 * without a valid time (a pending one, say) counts as sent right after the one before. Never throws
 * on a locale.
 *
 * ```ts
 * threadRows(messages, { strings, locale: 'fr' });
 * // [{ kind: 'day', label: 'Hier' }, { kind: 'message', first: true, last: true }, { kind: 'day', label: "Aujourd'hui" }, …]
 * ```
 */
export function threadRows(messages: readonly ChatMessage[], options: ThreadOptions): ThreadRow[] {
  const { now = new Date(), groupMs = GROUP_MS } = options;
  const today = dayOf(+now);
  const rows: ThreadRow[] = [];
  let prev: Extract<ThreadRow, { kind: 'message' }> | undefined;
  let at = +now;
  let day = NaN;
  for (const message of messages) {
    const t = +message.createdAt;
    const gap = t - at;
    if (t === t) at = t;
    const d = dayOf(at);
    if (d !== day) rows.push({ kind: 'day', key: `day-${d}`, label: dayLabel((day = d), today, options) });
    else if (prev!.message.isFromAgent === message.isFromAgent && !(gap > groupMs)) prev!.last = false;
    rows.push((prev = { kind: 'message', key: message.key, message, first: prev?.last !== false, last: true }));
  }
  return rows;
}
