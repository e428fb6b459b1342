import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** What `serve` calls: a fetch handler that may read Node's bindings (the socket) as its second argument. */
type FetchCallback = Parameters<typeof serve>[0]['fetch'];

/** A server listening on a free loopback port. */
export interface LocalServer {
  baseUrl: string;
  close: () => Promise<void>;
}

/**
 * Serves a fetch handler on 127.0.0.1 at a port the system picks, so benches never collide.
 * @example const server = await listenLocal(emulator.app.fetch); await server.close();
 */
export function listenLocal(fetchHandler: FetchCallback): Promise<LocalServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({
        baseUrl: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
