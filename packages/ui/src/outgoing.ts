import type { ChatSession, TickkiChatError } from '@tickki/chat';
import type { ScreenNotice, Upload } from './screen-types.js';

const NOTICE_MS = 6000;

/** The part of a screen's state that what the visitor sends changes. */
export interface OutgoingState {
  uploads: readonly Upload[];
  notice: ScreenNotice | undefined;
}

/**
 * What the visitor sends from a screen: texts, files on their way (with progress), and the passing
 * notice of what was refused (it clears itself after 6 s).
 */
export class Outgoing {
  readonly #get: () => OutgoingState;
  readonly #set: (patch: Partial<OutgoingState>) => void;

  constructor(get: () => OutgoingState, set: (patch: Partial<OutgoingState>) => void) {
    this.#get = get;
    this.#set = set;
  }

  /**
   * Sends a text of `session`; resolves whether it was queued (a text too long sets a notice).
   * `queued` hears its message's key as soon as it is in the store.
   */
  async send(session: ChatSession, text: string, queued: (key: string) => void): Promise<boolean> {
    this.notice(undefined);
    try {
      const sending = session.send(text);
      // it is in the store now, pending, last
      const key = session.messages.at(-1)?.key;
      if (key) queued(key);
      await sending;
      return true;
    } catch (e) {
      if ((e as TickkiChatError).code === 'message_too_long') this.notice({ kind: 'tooLong', max: session.config.limits.messageMaxLength });
      return false;
    }
  }

  /** Uploads files one by one as attachment messages of `session`; a refusal or failure sets a notice. */
  upload(session: ChatSession, files: readonly (Blob & { name?: string })[]): void {
    const change = (id: number, next: (u: Upload) => Upload | undefined) =>
      this.#set({ uploads: this.#get().uploads.flatMap((u) => (u.id === id ? (next(u) ?? []) : u)) });
    for (const file of files) {
      const id = Math.random();
      this.#set({ uploads: [...this.#get().uploads, { id, name: file.name ?? '', progress: 0 }] });
      session
        .uploadAttachment(file, { onProgress: (progress) => change(id, (u) => ({ ...u, progress })) })
        .catch((e: TickkiChatError) =>
          this.notice(['file_too_large', 'payload_too_large'].includes(e.code) ? { kind: 'fileTooLarge', maxKb: session.config.limits.maxUploadKb } : { kind: 'uploadFailed' }),
        )
        .finally(() => change(id, () => undefined));
    }
  }

  /** Shows `notice` for a while (`undefined`: clears it). */
  notice(notice: ScreenNotice | undefined): void {
    this.#set({ notice });
    if (notice) setTimeout(() => this.#get().notice === notice && this.#set({ notice: undefined }), NOTICE_MS);
  }
}
