/**
 * Attachments come from the app's own picker (expo-document-picker, react-native-image-picker, a
 * camera screen…): the screen asks for a file, uploads it with progress, and shows the message.
 * Voice notes likewise come from the app's own recorder ({@link VoiceRecorder}, e.g. expo-audio),
 * and audio attachments play through the app's own player ({@link AudioPlayerFactory}); React
 * Native has neither built in, and the screen adds no native dependency.
 */
import { Platform } from 'react-native';

/** A file the app picked: what React Native's `FormData` sends (`{ uri, name, type }`). */
export interface PickedAttachment {
  /** `file://`, `content://` (Android), or on the web a `blob:` / `data:` URL. */
  uri: string;
  /** File name shown to the agent. */
  name: string;
  /** MIME type, e.g. `image/jpeg`. */
  type: string;
  /** Size in bytes when known: larger files than the plan allows are refused before upload. */
  size?: number;
}

/**
 * Asks the visitor for a file; resolves `null` (or `undefined`) when they cancel.
 *
 * ```ts
 * import * as DocumentPicker from 'expo-document-picker';
 * const pickAttachment = async () => {
 *   const r = await DocumentPicker.getDocumentAsync();
 *   const f = r.assets?.[0];
 *   return f ? { uri: f.uri, name: f.name, type: f.mimeType ?? 'application/octet-stream', size: f.size } : null;
 * };
 * ```
 */
export type AttachmentPicker = () => Promise<PickedAttachment | null | undefined>;

/**
 * The picked file as the core's `uploadAttachment` takes it: on iOS and Android the
 * `{ uri, name, type }` object React Native's `FormData` streams from disk (with `size` for the
 * limit check); on the web, the file's bytes as a `File`.
 */
export async function toUploadable(file: PickedAttachment): Promise<Blob> {
  if (Platform.OS === 'web') {
    const blob = await (await fetch(file.uri)).blob();
    return new File([blob], file.name, { type: file.type || blob.type });
  }
  return { uri: file.uri, name: file.name, type: file.type, size: file.size ?? 0 } as unknown as Blob;
}

/** A recording in progress, as {@link VoiceRecorder} starts it. */
export interface VoiceRecording {
  /** Stops recording; resolves the file to send (`null` when there is none). */
  stop(): Promise<PickedAttachment | null | undefined>;
  /** Stops recording and throws it away. */
  cancel(): void | Promise<void>;
}

/**
 * Starts recording a voice note (asking for the microphone first, the system's prompt): resolves
 * the recording, or `null` when the visitor refused the microphone (the screen says so, as
 * `micDenied`); a rejection means it cannot record here (`micUnsupported`). The screen shows the
 * time, cancel and send, and uploads what `stop()` gives as an attachment (progress, the
 * `limits.maxUploadKb` check). A missing `name` or `type` becomes `voice-<date>.m4a`, `audio/mp4`.
 *
 * ```ts
 * import { AudioModule, RecordingPresets, setAudioModeAsync, useAudioRecorder } from 'expo-audio';
 * const recorder = useAudioRecorder(RecordingPresets.HIGH_QUALITY);
 * const recordVoice: VoiceRecorder = async () => {
 *   if (!(await AudioModule.requestRecordingPermissionsAsync()).granted) return null;
 *   await setAudioModeAsync({ allowsRecording: true, playsInSilentMode: true });
 *   await recorder.prepareToRecordAsync();
 *   recorder.record();
 *   return {
 *     stop: async () => (await recorder.stop(), recorder.uri ? { uri: recorder.uri, name: '', type: 'audio/mp4' } : null),
 *     cancel: () => recorder.stop(),
 *   };
 * };
 * ```
 */
export type VoiceRecorder = () => Promise<VoiceRecording | null | undefined>;

/** What an audio player reports: the screen draws play/pause, the progress and the time from it. */
export interface AudioPlaybackStatus {
  playing: boolean;
  /** Seconds played. */
  position: number;
  /** Length in seconds; `0` (or `NaN`) while unknown. */
  duration: number;
}

/** One audio attachment's player, made by {@link AudioPlayerFactory} when the message shows. */
export interface AudioPlayerHandle {
  /** Plays, from the start again once it has ended. */
  play(): void;
  pause(): void;
  /** Calls `listener` on every change (a few times a second while playing); returns the unsubscribe. */
  subscribe(listener: (status: AudioPlaybackStatus) => void): () => void;
  /** Frees the player: the message left the screen. */
  release(): void;
}

/**
 * Makes a player for an audio attachment's URL (always an http(s) URL). Without one, audio plays
 * inline on the web (the browser's `Audio`), and on iOS and Android opens in the system's player.
 *
 * ```ts
 * import { createAudioPlayer } from 'expo-audio';
 * const playAudio: AudioPlayerFactory = (uri) => {
 *   const player = createAudioPlayer({ uri });
 *   return {
 *     play: () => (player.currentTime >= player.duration && player.seekTo(0), player.play()),
 *     pause: () => player.pause(),
 *     subscribe: (listener) => {
 *       const sub = player.addListener('playbackStatusUpdate', (s) => listener({ playing: s.playing, position: s.currentTime, duration: s.duration }));
 *       return () => sub.remove();
 *     },
 *     release: () => player.remove(),
 *   };
 * };
 * ```
 */
export type AudioPlayerFactory = (uri: string) => AudioPlayerHandle;

/** The browser's `Audio`, as much of it as {@link webAudioPlayer} uses (React Native's types have no DOM). */
interface HtmlAudio {
  paused: boolean;
  ended: boolean;
  currentTime: number;
  duration: number;
  preload: string;
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: string, listener: () => void): void;
  removeAttribute(name: string): void;
  load(): void;
}

/**
 * @internal The player of react-native-web when the app gives none: an `Audio` element. A WebM
 * recording without a duration in its header is read through once, silently, to learn it.
 */
export const webAudioPlayer: AudioPlayerFactory = (uri) => {
  const audio = new (globalThis as unknown as { Audio: new (src: string) => HtmlAudio }).Audio(uri);
  audio.preload = 'metadata';
  const listeners = new Set<(status: AudioPlaybackStatus) => void>();
  let probing = false;
  const report = () => {
    if (audio.duration === Infinity && !probing) {
      probing = true;
      audio.currentTime = 1e7;
      return;
    }
    if (probing && Number.isFinite(audio.duration)) {
      probing = false;
      audio.currentTime = 0;
    }
    const status = { playing: !audio.paused && !audio.ended, position: probing ? 0 : audio.currentTime, duration: Number.isFinite(audio.duration) ? audio.duration : 0 };
    for (const listener of listeners) listener(status);
  };
  for (const event of ['loadedmetadata', 'durationchange', 'timeupdate', 'play', 'pause', 'ended']) audio.addEventListener(event, report);
  return {
    play: () => void audio.play().catch(() => undefined),
    pause: () => audio.pause(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    release() {
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
      listeners.clear();
    },
  };
};
