/**
 * What `@tickki/chat` does about each server error code beyond what its own functions tell
 * (`isRetryable`, `isAuthError`, read by the error-code page). Every code of the document's
 * `ErrorCode` enum has an entry; the docs tests fail when the document gains a code without one.
 */
export const sdkHandling: Record<string, string> = {
  missing_api_key: 'Thrown from the call as `TickkiChatError` (`isAuthError`). Check the `publishableKey` option.',
  wrong_key_type: 'Thrown as `TickkiChatError` (`isAuthError`): a secret key was used in client code. Use the `pk_…` key.',
  invalid_api_key: 'Thrown as `TickkiChatError` (`isAuthError`): the key is unknown or revoked.',
  missing_session_token: 'Thrown as `TickkiChatError` (`isAuthError`). The SDK always sends the token it holds, so this points at a proxy that strips `X-Tickki-Session`.',
  invalid_session:
    'The session is **renewed**: the SDK starts the session again with the same visitor id (same conversation), emits `renewed`, and repeats the call once. The realtime channel is re-authorized the same way. Only a second `invalid_session` is thrown.',
  origin_not_allowed: 'Thrown as `TickkiChatError` (`isAuthError`): add the page origin (or the app\'s `bundleId`) to the key\'s allow-list.',
  business_suspended: 'Thrown as `TickkiChatError`; show the chat as unavailable.',
  rate_limited: '**Retried** with backoff, waiting at least the `Retry-After` the server sent (`retryAfterMs`). Thrown once the retry policy is spent.',
  plan_gate: 'Thrown as `TickkiChatError`; the feature (e.g. file uploads) is not in the plan. `config.features` tells beforehand.',
  validation_failed: 'Thrown as `TickkiChatError` with the field errors in `fields`; the text of a failed send is kept in the store (`status: "failed"`).',
  not_found: 'Thrown as `TickkiChatError`: the conversation does not exist.',
  payload_too_large: 'Thrown as `TickkiChatError`. Uploads over `limits.max_upload_kb` are refused before sending, as `file_too_large`.',
  unsupported_media_type: 'Thrown as `TickkiChatError`; the SDK always sends the content type the call takes.',
  server_error: '**Retried** with backoff (also any 5xx without the envelope). A send that met it may have been stored: it is looked for in its echo and history before it is sent again, so it is stored once even where `Idempotency-Key` is ignored.',
};

/** Codes `TickkiChatError` adds for failures that have no server answer, or that the SDK refuses before sending. */
export const clientCodes: { code: string; meaning: string }[] = [
  { code: 'network', meaning: 'No answer: the request did not reach the server or the connection broke.' },
  { code: 'timeout', meaning: 'No answer in time (also HTTP 408).' },
  { code: 'parse_error', meaning: 'An answer that is not readable JSON (e.g. cut off by a proxy).' },
  { code: 'aborted', meaning: 'Your `AbortSignal` fired.' },
  { code: 'http_error', meaning: 'An error status without an error code in the body.' },
  { code: 'file_too_large', meaning: 'Refused before sending: the file is over `limits.max_upload_kb`.' },
  { code: 'feature_disabled', meaning: 'Refused before sending: the feature is off in the configuration.' },
  { code: 'message_too_long', meaning: 'Refused before sending: the text is over the configured maximum length.' },
  { code: 'empty_message', meaning: 'Refused before sending: nothing to send.' },
  { code: 'disposed', meaning: 'The session or client was disposed.' },
  { code: 'unconfirmed', meaning: 'A message that may have been stored: its answer was lost and history could not be read to tell. Its text is kept; it is looked for again before any resend (see Sending).' },
];
