/**
 * The document's error envelope, `{"error": "<code>", "message": "<text>"}` (plus `errors` on 422),
 * and the sandbox's answers for every code the document lists.
 */
import type { ErrorCode, ErrorResponse, ValidationErrorResponse } from '@tickki/chat-api';

/** Field → messages, Laravel style. */
export type FieldErrors = Record<string, string[]>;

/** An error answer: thrown anywhere in a handler, turned into the envelope by the app. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;
  readonly fieldErrors: FieldErrors | undefined;

  constructor(status: number, code: ErrorCode, message: string, options: { headers?: Record<string, string>; fieldErrors?: FieldErrors } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = options.headers ?? {};
    this.fieldErrors = options.fieldErrors;
  }

  /** The JSON body of the answer. */
  body(): ErrorResponse | ValidationErrorResponse {
    if (this.fieldErrors) return { error: 'validation_failed', message: this.message, errors: this.fieldErrors };
    return { error: this.code, message: this.message };
  }
}

/** A 422 with Laravel's message: the first error, plus "(and N more errors)". */
export function validationFailed(fieldErrors: FieldErrors): ApiError {
  const all = Object.values(fieldErrors).flat();
  const first = all[0] ?? 'The given data was invalid.';
  const more = all.length - 1;
  const message = more > 0 ? `${first} (and ${more} more error${more === 1 ? '' : 's'})` : first;
  return new ApiError(422, 'validation_failed', message, { fieldErrors });
}

/** Every error answer of the API, by code. Messages follow the document's examples. */
export const Errors = {
  missingApiKey: () => new ApiError(401, 'missing_api_key', 'A publishable key is required in the Authorization header.'),
  invalidApiKey: () => new ApiError(401, 'invalid_api_key', 'The publishable key is not valid.'),
  wrongKeyType: () => new ApiError(401, 'wrong_key_type', 'Use a publishable key (pk_…) in client code, not a secret key.'),
  missingSessionToken: () => new ApiError(401, 'missing_session_token', 'The X-Tickki-Session header is required for this call.'),
  invalidSession: (message = 'The session is not valid. Start a new session.') => new ApiError(401, 'invalid_session', message),
  originNotAllowed: (what = 'origin') => new ApiError(403, 'origin_not_allowed', `This ${what} is not allowed to use this key.`),
  businessSuspended: () => new ApiError(403, 'business_suspended', "This business's chat is currently unavailable."),
  planGate: (message = 'File uploads are not available on this plan.') => new ApiError(403, 'plan_gate', message),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(429, 'rate_limited', `Too many requests. Retry after ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
  notFound: (message = 'Conversation not found.') => new ApiError(404, 'not_found', message),
  payloadTooLarge: (message: string) => new ApiError(413, 'payload_too_large', message),
  unsupportedMediaType: (message = 'Expected multipart/form-data with a file field.') => new ApiError(415, 'unsupported_media_type', message),
  serverError: (status = 500) => new ApiError(status, 'server_error', 'Something went wrong on our side. Please try again.'),
} as const;
