import type { ChatSession, TickkiChatError } from '@tickki/chat';
import type { ScreenNotice, Upload } from './screen-types.js';

const NOTICE_MS = 6000;

/** The part of a screen's state that uploads and notices change. */
export interface UploadsState {
  uploads: readonly Upload[];
  notice: ScreenNotice | undefined;
}

/** Files on their way, with progress, and the passing notice of what was refused (it clears itself after 6 s). */
export class Uploads {
  readonly #get: () => UploadsState;
  readonly #set: (patch: Partial<UploadsState>) => void;

  constructor(get: () => UploadsState, set: (patch: Partial<UploadsState>) => void) {
    this.#get = get;
    this.#set = set;
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
