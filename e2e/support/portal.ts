import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the portal page received, as its `message` listener saw it. */
export interface PortalMessage {
  origin: string;
  data: unknown;
}

/** A running portal server. */
export interface Portal {
  port: number;
  close: () => Promise<void>;
}

/**
 * The page of a company portal that frames the dashboard. It listens for `message` events before
 * the frame exists and keeps them in `window.portalMessages`, and marks `data-frame-loaded` on the
 * frame once its load event fired (which it does for a refused frame too).
 */
function portalPage(frameSrc: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Ops portal</title></head>
<body style="margin:0;font-family:sans-serif">
<h1 style="font-size:16px;margin:8px">Ops portal</h1>
<script>
  window.portalMessages = [];
  window.addEventListener('message', (event) => {
    window.portalMessages.push({ origin: event.origin, data: event.data });
  });
</script>
<iframe id="fleet" title="FC Fleet" src="${frameSrc}" style="width:1200px;height:760px;border:1px solid #999"
  onload="this.dataset.frameLoaded = 'yes'"></iframe>
</body>
</html>`;
}

/**
 * Serves the portal page on 127.0.0.1:`port`. The same server is reachable as
 * `http://localhost:port` (an allowed frame ancestor) and `http://127.0.0.1:port` (not allowed):
 * two origins, one server.
 */
export async function startPortal(port: number, frameSrc: string): Promise<Portal> {
  const html = portalPage(frameSrc);
  const server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
