import type { IncomingMessage } from 'node:http';
import type { Logger } from './observability/logger.ts';

/** Per-request variables and the Node bindings `@hono/node-server` passes in. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** Who is asking: the trusted-header user, `token`, or the client address. */
    principal: string;
    /**
     * Whose rate-limit bucket a request draws on: the session id (`session:…`), a bearer client's
     * address (`bearer:…`), the trusted-header user, or the client address. Never one shared value.
     */
    rateLimitKey: string;
  };
  Bindings: { incoming?: Pick<IncomingMessage, 'socket'> };
}
