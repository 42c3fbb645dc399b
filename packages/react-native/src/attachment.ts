/**
 * Attachments come from the app's own picker (expo-document-picker, react-native-image-picker, a
 * camera screen…): the screen asks for a file, uploads it with progress, and shows the message.
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
