/**
 * The chat UI's words, in one table per language, shared by the web widget and React Native screens
 * (no DOM, no React). Every string can be overridden; `{name}` placeholders are filled by {@link format}.
 */

/** Every text a chat UI shows or announces. */
export interface ChatStrings {
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
}

/** English. */
export const en: ChatStrings = {
  open: 'Open chat',
  close: 'Close chat',
  title: 'Chat',
  unread: '({count} unread)',
  placeholder: 'Write a message…',
  send: 'Send',
  attach: 'Attach a file',
  dropHere: 'Drop a file to send it',
  uploading: 'Uploading {name}… {percent}%',
  sending: 'Sending…',
  failed: 'Not sent',
  retry: 'Retry',
  discard: 'Discard',
  typing: '{name} is typing…',
  typingAnonymous: 'Typing…',
  reconnecting: 'Reconnecting…',
  offline: "You're offline — we'll send your messages when you're back.",
  syncFailed: 'Some messages may be missing. Retrying…',
  online: 'We typically reply in a few minutes',
  away: "We're away right now. Leave a message and we'll get back to you.",
  loadOlder: 'Load older messages',
  newMessage: 'New message from {name}: {text}',
  agent: 'Agent',
  you: 'You',
  preChatIntro: 'Tell us who you are so we can get back to you.',
  name: 'Name',
  email: 'Email',
  startChat: 'Start chat',
  startFailed: "The chat couldn't start. Retrying…",
  tooLong: 'Messages can be at most {max} characters.',
  fileTooLarge: 'Files can be at most {max} KB.',
  uploadFailed: "The file couldn't be sent.",
  attachment: 'Attachment: {name}',
  charsLeft: '{count} characters left',
};

/** French. */
export const fr: ChatStrings = {
  open: 'Ouvrir le chat',
  close: 'Fermer le chat',
  title: 'Chat',
  unread: '({count} non lus)',
  placeholder: 'Écrivez un message…',
  send: 'Envoyer',
  attach: 'Joindre un fichier',
  dropHere: 'Déposez un fichier pour l’envoyer',
  uploading: 'Envoi de {name}… {percent} %',
  sending: 'Envoi…',
  failed: 'Non envoyé',
  retry: 'Réessayer',
  discard: 'Supprimer',
  typing: '{name} écrit…',
  typingAnonymous: 'En train d’écrire…',
  reconnecting: 'Reconnexion…',
  offline: 'Vous êtes hors ligne — vos messages partiront à votre retour.',
  syncFailed: 'Des messages peuvent manquer. Nouvel essai…',
  online: 'Nous répondons en général en quelques minutes',
  away: 'Nous sommes absents. Laissez un message, nous vous répondrons.',
  loadOlder: 'Charger les messages précédents',
  newMessage: 'Nouveau message de {name} : {text}',
  agent: 'Agent',
  you: 'Vous',
  preChatIntro: 'Dites-nous qui vous êtes pour que nous puissions vous répondre.',
  name: 'Nom',
  email: 'E-mail',
  startChat: 'Démarrer le chat',
  startFailed: 'Le chat n’a pas pu démarrer. Nouvel essai…',
  tooLong: 'Un message compte au plus {max} caractères.',
  fileTooLarge: 'Un fichier fait au plus {max} Ko.',
  uploadFailed: 'Le fichier n’a pas pu être envoyé.',
  attachment: 'Pièce jointe : {name}',
  charsLeft: '{count} caractères restants',
};

/** German. */
export const de: ChatStrings = {
  open: 'Chat öffnen',
  close: 'Chat schließen',
  title: 'Chat',
  unread: '({count} ungelesen)',
  placeholder: 'Nachricht schreiben…',
  send: 'Senden',
  attach: 'Datei anhängen',
  dropHere: 'Datei hier ablegen, um sie zu senden',
  uploading: '{name} wird hochgeladen… {percent} %',
  sending: 'Wird gesendet…',
  failed: 'Nicht gesendet',
  retry: 'Erneut senden',
  discard: 'Verwerfen',
  typing: '{name} schreibt…',
  typingAnonymous: 'Schreibt…',
  reconnecting: 'Verbindung wird wiederhergestellt…',
  offline: 'Sie sind offline — wir senden Ihre Nachrichten, sobald Sie wieder online sind.',
  syncFailed: 'Einige Nachrichten fehlen eventuell. Neuer Versuch…',
  online: 'Wir antworten meist innerhalb weniger Minuten',
  away: 'Gerade ist niemand da. Hinterlassen Sie eine Nachricht, wir melden uns.',
  loadOlder: 'Ältere Nachrichten laden',
  newMessage: 'Neue Nachricht von {name}: {text}',
  agent: 'Mitarbeiter',
  you: 'Sie',
  preChatIntro: 'Sagen Sie uns, wer Sie sind, damit wir antworten können.',
  name: 'Name',
  email: 'E-Mail',
  startChat: 'Chat starten',
  startFailed: 'Der Chat konnte nicht starten. Neuer Versuch…',
  tooLong: 'Nachrichten haben höchstens {max} Zeichen.',
  fileTooLarge: 'Dateien haben höchstens {max} KB.',
  uploadFailed: 'Die Datei konnte nicht gesendet werden.',
  attachment: 'Anhang: {name}',
  charsLeft: 'Noch {count} Zeichen',
};

/** The built-in tables by language code. */
export const languages: Readonly<Record<string, ChatStrings>> = { en, fr, de };

/**
 * The strings for `locale` (a BCP 47 tag such as `fr-CA`; its language is used, English when
 * unknown), with `overrides` applied on top.
 */
export function chatStrings(locale = 'en', overrides: Partial<ChatStrings> = {}): ChatStrings {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return { ...(languages[language] ?? en), ...overrides };
}

/** Fills `{name}` placeholders of `template` from `values`; unknown ones are left as written. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Whether `locale`'s script runs right to left (Arabic, Hebrew, Persian, Urdu, …). */
export function isRtlLocale(locale: string): boolean {
  return /^(ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb)(\b|[-_])/i.test(locale);
}
