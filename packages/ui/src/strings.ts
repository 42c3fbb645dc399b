/**
 * The chat UI's words, in one table per language, shared by every face (web widget, React, React
 * Native; no DOM, no React). The tables are in `@tickki/chat-ui/strings` (all, with `chatStrings()`)
 * and one module per language (`@tickki/chat-ui/strings/fr`), so a UI loads only the one it shows.
 * Every string can be overridden; `{name}` placeholders and `{count, plural, one {…} other {…}}`
 * forms are filled by {@link format}.
 */
/** Every text a chat UI shows or announces, and the language they are in. */
export interface ChatStrings {
  /**
   * The language of this table, a BCP 47 tag (`ru`, `pt-BR`): its `Intl.PluralRules` pick the forms of
   * `{count, plural, …}` and its `Intl.NumberFormat` writes the numbers. Not shown.
   */
  locale: string;
  /** Launcher button label. */
  open: string;
  /** Close button label. */
  close: string;
  /** Panel title when the business has no name. */
  title: string;
  /** Suffix of the title with unread messages: `{count}`. */
  unread: string;
  /** Composer placeholder and label. */
  placeholder: string;
  /** Send button label. */
  send: string;
  /** Attach button label. */
  attach: string;
  /** Drop zone text while a file is dragged over the panel. */
  dropHere: string;
  /** Upload progress: `{name}`, `{percent}`. */
  uploading: string;
  /** A message being sent. */
  sending: string;
  /** A message that could not be sent. */
  failed: string;
  /** Retry button of a failed message. */
  retry: string;
  /** Discard button of a failed message. */
  discard: string;
  /** Agent typing indicator: `{name}`. */
  typing: string;
  /** Agent typing indicator without a name. */
  typingAnonymous: string;
  /** Banner while the realtime connection is being re-established. */
  reconnecting: string;
  /** Banner while the device is offline. */
  offline: string;
  /** Banner when the history could not be brought up to date. */
  syncFailed: string;
  /** Status line while agents are online. */
  online: string;
  /** Status line with no agent online ("leave a message"). */
  away: string;
  /** Button that loads older messages. */
  loadOlder: string;
  /** Announcement for screen readers of a new agent message: `{name}`, `{text}`. */
  newMessage: string;
  /** Fallback name of an agent. */
  agent: string;
  /** Label of the visitor's own messages for screen readers. */
  you: string;
  /** Pre-chat form intro. */
  preChatIntro: string;
  /** Pre-chat form: name field. */
  name: string;
  /** Pre-chat form: email field. */
  email: string;
  /** Pre-chat form: submit. */
  startChat: string;
  /** The chat could not start. */
  startFailed: string;
  /** The chat cannot start and retrying will not help (a revoked key, an origin not allowed): shown with a retry button. */
  unavailable: string;
  /** Message over the length limit: `{max}`. */
  tooLong: string;
  /** File over the size limit: `{max}` (KB). */
  fileTooLarge: string;
  /** Upload failed. */
  uploadFailed: string;
  /** Label of an attachment link: `{name}`. */
  attachment: string;
  /** Characters left counter: `{count}`. */
  charsLeft: string;
  /** Record button label (voice notes). */
  record: string;
  /** Shown while recording: `{time}` (m:ss). */
  recording: string;
  /** Button that stops recording and sends the voice note. */
  sendRecording: string;
  /** Button that stops recording and drops it. */
  cancelRecording: string;
  /** The microphone permission was refused. */
  micDenied: string;
  /** This browser or device cannot record audio. */
  micUnsupported: string;
  /** Label of an audio attachment: `{duration}` (m:ss, or empty while unknown). */
  voiceMessage: string;
  /** Play button of an audio attachment. */
  play: string;
  /** Pause button of an audio attachment. */
  pause: string;
  /** Alternative text of an image attachment: `{name}`. */
  image: string;
  /** Day separator for today. */
  today: string;
  /** Day separator for yesterday. */
  yesterday: string;
  /** Shown when the visitor opens the chat before the site has their consent to start it. */
  consentNeeded: string;
}

/** Plural rules and number format by locale (a space before it: no key is `__proto__`), made once each. */
const intl: Record<string, [Intl.PluralRules?, Intl.NumberFormat?]> = {};

/** `new (what())(locale)`, else in English; `undefined` without it (Hermes has no `Intl.PluralRules`). */
function make<T>(what: () => new (tag: string) => T, locale: string): T | undefined {
  for (const tag of [locale, 'en'])
    try {
      return new (what())(tag);
    } catch {
      // a tag Intl refuses: English; no such Intl class: none
    }
}

/**
 * Fills the placeholders of `template` from `values`; unknown ones are left as written.
 *
 * - `{name}`: the value; a number is written by `Intl.NumberFormat(locale)` when `locale` is given
 *   (`4,000` in English, `4 000` in French).
 * - `{count, plural, one {# message} other {# messages}}` (ICU MessageFormat's plural): the form
 *   `Intl.PluralRules(locale)` selects for the number (`zero`, `one`, `two`, `few`, `many`, else
 *   `other`; `=0` matches exactly), `#` being the number; English's rules without `locale`.
 *
 * ```ts
 * format('{count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}', { count: 22 }, 'ru'); // '22 файла'
 * ```
 *
 * Never throws, whatever `locale` is.
 */
export function format(template: string, values: Record<string, string | number>, locale?: string): string {
  const tag = locale || 'en';
  const [rules, numbers] = (intl[' ' + tag] ??= [make(() => Intl.PluralRules, tag), make(() => Intl.NumberFormat, tag)]);
  const text = (v: string | number) => (typeof v == 'number' && locale && numbers ? numbers.format(v) : String(v));
  return template.replace(/\{(\w+)(?:,\s*plural,((?:\s*=?\w+\s*\{(?:[^{}]|\{\w+\})*\})+)\s*)?\}/g, (whole, key: string, forms?: string) => {
    if (!(key in values)) return whole;
    const value = values[key]!;
    if (!forms) return text(value);
    const n = +value;
    const form: Record<string, string> = {};
    forms.replace(/(=?\w+)\s*\{((?:[^{}]|\{\w+\})*)\}/g, (_, k: string, body: string) => (form[k] = body));
    // without Intl.PluralRules (Hermes): `one` for 1, else `other`
    const chosen = form[`=${n}`] ?? form[rules?.select(n) ?? (n === 1 ? 'one' : 'other')] ?? form.other ?? '';
    return format(chosen.replace(/#/g, () => text(value)), values, locale);
  });
}

const RTL_LANGUAGE = /^(ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb)(\b|[-_])/i;
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr', 'mend']);

/**
 * Whether `locale`'s script runs right to left: a script subtag decides when there is one
 * (`az-Arab` is, `sd-Deva` is not), else the language (Arabic, Hebrew, Persian, Urdu, …).
 */
export function isRtlLocale(locale: string): boolean {
  const script = /^[a-z]{2,3}[-_]([a-z]{4})(?:[-_]|$)/i.exec(locale)?.[1];
  return script ? RTL_SCRIPTS.has(script.toLowerCase()) : RTL_LANGUAGE.test(locale);
}
