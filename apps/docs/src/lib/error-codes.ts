/**
 * The error-code table: every code of the document's `ErrorCode` enum with the statuses and
 * operations it comes with (read from the document's responses and examples), what causes it
 * (the examples' summaries and the responses' descriptions), and what `@tickki/chat` does about
 * it (asked of the SDK itself: `isRetryable`, `isAuthError`).
 */
import { isAuthError, isRetryable, TickkiChatError } from '@tickki/chat';
import { deref, document, operations, type Node } from './openapi.ts';
import { sdkHandling } from './sdk-handling.ts';

/** One row of the error-code page. */
export interface ErrorCodeRow {
  code: string;
  /** HTTP statuses it is answered with (`401`, `5XX`). */
  statuses: string[];
  /** Operations that may answer it. */
  operations: string[];
  /** What causes it (Markdown). */
  causes: string[];
  /** An example message from the document. */
  message: string | undefined;
  /** Marked *Extension* in the document (sent by the sandbox, not known from the real backend). */
  extension: boolean;
  /** The SDK repeats the call by itself (with backoff, honouring `Retry-After`). */
  retried: boolean;
  /** The SDK counts it as a credential problem (`isAuthError`). */
  auth: boolean;
  /** What else the SDK does (Markdown). */
  handling: string;
}

/** The codes of the `ErrorCode` enum, in document order. */
export const errorCodes: string[] = document.components?.schemas?.ErrorCode?.enum ?? [];

/** The `error` codes a response may carry, read from its examples. */
function codesOf(response: Node): { code: string; summary: string | undefined; message: string | undefined }[] {
  const found = [];
  for (const media of Object.values<Node>(response.content ?? {})) {
    for (const example of Object.values<Node>(media.examples ?? {})) {
      const resolved = deref(example) ?? {};
      const code = resolved.value?.error;
      if (typeof code === 'string') found.push({ code, summary: resolved.summary as string | undefined, message: resolved.value?.message as string | undefined });
    }
  }
  return found;
}

/** Codes that the document's `ErrorCode` description lists after "*Extension*". */
function extensionCodes(): Set<string> {
  const description: string = document.components?.schemas?.ErrorCode?.description ?? '';
  const after = description.split('*Extension*')[1] ?? '';
  return new Set([...after.matchAll(/`([a-z_]+)`/g)].map((match) => match[1]!));
}

/** Builds the rows. */
export function errorCodeRows(): ErrorCodeRow[] {
  const rows = new Map<string, ErrorCodeRow>();
  const extensions = extensionCodes();
  for (const code of errorCodes) {
    const error = new TickkiChatError(code, code);
    rows.set(code, {
      code,
      statuses: [],
      operations: [],
      causes: [],
      message: undefined,
      extension: extensions.has(code),
      retried: isRetryable(error),
      auth: isAuthError(error),
      handling: sdkHandling[code] ?? 'Surfaced as a `TickkiChatError` with this code.',
    });
  }
  for (const operation of operations()) {
    for (const [status, reference] of Object.entries<Node>(operation.node.responses ?? {})) {
      const response = deref(reference);
      if (!response || !/^[45]/.test(status)) continue;
      for (const { code, summary, message } of codesOf(response)) {
        const row = rows.get(code);
        if (!row) continue;
        if (!row.statuses.includes(status)) row.statuses.push(status);
        if (!row.operations.includes(operation.operationId)) row.operations.push(operation.operationId);
        const cause = summary ?? response.description?.trim().split('\n')[0];
        if (cause && !row.causes.includes(cause)) row.causes.push(cause);
        row.message ??= message;
      }
    }
  }
  for (const row of rows.values()) row.statuses.sort();
  return [...rows.values()];
}
