import type { Hono } from 'hono';

/**
 * Wraps a Hono app as a `fetch`. A real fetch rejects as soon as its signal aborts, even while the
 * server is still thinking; this one does too, so timeouts and aborts behave in-process as over HTTP.
 */
export function inProcessFetch<E extends object>(app: Hono<E & { Variables: object }>): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const signal = request.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve(app.fetch(request)).then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          resolve(response);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  };
}
