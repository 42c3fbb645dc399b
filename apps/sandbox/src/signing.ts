/**
 * Signed attachment URLs: `/attachments/{id}/{file_name}?expires={unix seconds}&signature={hex}`,
 * where the signature is HMAC-SHA256 over `"{id}:{expires}"`. Links live 60 minutes by default.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Default lifetime of a signed URL, in seconds (the document says 60 minutes). */
export const SIGNED_URL_TTL_SECONDS = 3600;

export function attachmentSignature(secret: string, id: number, expires: number): string {
  return createHmac('sha256', secret).update(`${id}:${expires}`).digest('hex');
}

/** The absolute signed URL of an attachment. */
export function signedAttachmentUrl(origin: string, secret: string, id: number, fileName: string, expires: number): string {
  const signature = attachmentSignature(secret, id, expires);
  return `${origin}/attachments/${id}/${encodeURIComponent(fileName)}?expires=${expires}&signature=${signature}`;
}

/** Checks a signed URL's query: `ok`, `expired`, or `invalid` (missing or wrong signature). */
export function checkAttachmentSignature(secret: string, id: number, expires: string | undefined, signature: string | undefined, nowSeconds: number): 'ok' | 'expired' | 'invalid' {
  if (!expires || !signature || !/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(signature)) return 'invalid';
  const expected = attachmentSignature(secret, id, Number(expires));
  if (!timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(signature, 'latin1'))) return 'invalid';
  return Number(expires) < nowSeconds ? 'expired' : 'ok';
}
