import { describe, expect, it } from 'vitest';
import { parseErrorBody } from '../schemas/error-body.ts';
import { FcRequestError, isRetryableStatus, scrubSecrets } from './fc-error.ts';

describe('failures as values', () => {
  it('retries throttling and server errors, not other client errors', () => {
    expect(isRetryableStatus(429, 'TooManyRequests')).toBe(true);
    expect(isRetryableStatus(500, 'InternalError')).toBe(true);
    expect(isRetryableStatus(503, 'ServiceUnavailable')).toBe(true);
    expect(isRetryableStatus(400, 'Throttling.User')).toBe(true);
    expect(isRetryableStatus(499, 'ClientClosed')).toBe(false);
    expect(isRetryableStatus(404, 'FunctionNotFound')).toBe(false);
  });

  it('scrubs every occurrence of a secret of four characters or more, and nothing shorter', () => {
    expect(scrubSecrets('key=abcd then abcd and abc', ['abcd', undefined, ''])).toBe(
      'key=*** then *** and abc',
    );
    expect(scrubSecrets('id abc', ['abc'])).toBe('id abc');
  });

  it('names the error it carries when thrown', () => {
    const thrown = new FcRequestError({ code: 'Throttling.User', message: 'slow down', retryable: true });
    expect([thrown.name, thrown.message, thrown.error.code]).toEqual([
      'FcRequestError',
      'Throttling.User: slow down',
      'Throttling.User',
    ]);
  });

  it('reads an error body in either style, with what it leaves out empty', () => {
    expect(
      parseErrorBody({ Code: 'FunctionNotFound', Message: 'no such function', RequestId: 'r-1' }),
    ).toEqual({
      code: 'FunctionNotFound',
      message: 'no such function',
      requestId: 'r-1',
    });
    expect(parseErrorBody({ Code: 'Throttling' })).toStrictEqual({
      code: 'Throttling',
      message: '',
      requestId: undefined,
    });
    expect(parseErrorBody({ errorCode: 'ServiceNotFound', errorMessage: 'gone', requestId: 'r-2' })).toEqual({
      code: 'ServiceNotFound',
      message: 'gone',
      requestId: 'r-2',
    });
    expect(parseErrorBody({ errorCode: 'X', errorMessage: null })).toStrictEqual({
      code: 'X',
      message: '',
      requestId: undefined,
    });
    for (const body of [null, 'text', { code: 'x' }, { Code: 7 }, { errorCode: 7 }])
      expect(parseErrorBody(body)).toBeUndefined();
  });
});
