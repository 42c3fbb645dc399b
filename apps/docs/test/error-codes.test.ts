/** The error-code page's data: read from the document and asked of the SDK. */
import { describe, expect, it } from 'vitest';
import { errorCodeRows, errorCodes } from '../src/lib/error-codes.ts';
import { sdkHandling } from '../src/lib/sdk-handling.ts';

describe('error codes', () => {
  it('every code of the document has what the SDK does about it, and nothing else does', () => {
    expect(errorCodes.length).toBeGreaterThan(10);
    expect(Object.keys(sdkHandling).sort()).toEqual([...errorCodes].sort());
  });

  it('reads statuses, causes and operations from the document and behaviour from the SDK', () => {
    const rows = new Map(errorCodeRows().map((row) => [row.code, row]));
    expect(rows.get('invalid_session')).toMatchObject({ statuses: ['401'], auth: true, retried: false, causes: ['Unknown, expired or foreign session token'] });
    expect(rows.get('invalid_session')!.operations).toContain('sendMessage');
    expect(rows.get('rate_limited')).toMatchObject({ statuses: ['429'], retried: true, auth: false });
    expect(rows.get('server_error')).toMatchObject({ statuses: ['5XX'], retried: true, extension: true });
    expect(rows.get('missing_api_key')).toMatchObject({ extension: false, auth: true });
    for (const row of rows.values()) expect(row.statuses.length, row.code).toBeGreaterThan(0);
  });
});
