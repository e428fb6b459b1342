import type { IncomingMessage } from 'node:http';
import type { Logger } from './observability/logger.ts';

/** Per-request variables and the Node bindings `@hono/node-server` passes in. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** Who is asking: the trusted-header user, `token`, or the client address; keys rate limits. */
    principal: string;
  };
  Bindings: { incoming?: Pick<IncomingMessage, 'socket'> };
}
