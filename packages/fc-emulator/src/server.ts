import { serve } from '@hono/node-server';
import { createEmulator } from './app.ts';
import { parseEmulatorEnv } from './config.ts';

// Standalone emulator: `pnpm emulator`. Loopback by default; it is a test double, not a service.
const config = parseEmulatorEnv(process.env);
if (!config.ok) {
  console.error(
    `fc-emulator: refusing to start, the environment is invalid:\n  ${config.problems.join('\n  ')}`,
  );
  process.exit(1);
}
const emulator = createEmulator(config.options);
const regions = emulator.fleet.regions();
const server = serve({ fetch: emulator.app.fetch, hostname: config.host, port: config.port }, (info) => {
  const base = `http://${config.host}:${info.port}`;
  console.log(
    JSON.stringify({
      msg: 'fc-emulator listening',
      url: base,
      defaultRegion: regions[0],
      endpointTemplate: emulator.endpointTemplate(base),
      regions,
      functionsPerRegion: emulator.fleet.options.functionsPerRegion,
      accessKeyId: config.options.accessKeys?.[0]?.accessKeyId,
    }),
  );
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
