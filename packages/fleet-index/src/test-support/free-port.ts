import { createServer } from 'node:net';

/**
 * A loopback TCP port that was free a moment ago: the kernel picks it for a listener on port 0,
 * which is then closed. Someone else may take it before the caller binds it, so callers retry.
 *
 * @example
 * const port = await findFreePort(); // e.g. 41873
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => {
        if (port) resolve(port);
        else reject(new Error(`no port assigned on ${host}`));
      });
    });
  });
}
