import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './chromium.ts';

// Journeys run in Debian's Chromium against the real BFF in demo mode (built SPA, in-process
// emulator). The demo's fault controls listen on a second loopback port for the fault journey.
export const BFF_PORT = Number(process.env.E2E_PORT ?? 8123);
export const CONTROL_PORT = BFF_PORT + 2;
export const PORTAL_PORT = BFF_PORT + 1;

export default defineConfig({
  testDir: './tests',
  globalTeardown: './global-teardown.ts',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${BFF_PORT}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    // Every log line is kept for the leak scan in global-teardown.ts.
    command: 'mkdir -p test-results && npx tsx ../apps/bff/src/server.ts > test-results/server.log 2>&1',
    url: `http://127.0.0.1:${BFF_PORT}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      FC_DEMO: '1',
      PORT: String(BFF_PORT),
      HOST: '127.0.0.1',
      FC_DEMO_CONTROL_PORT: String(CONTROL_PORT),
      // The demo fleet stays still: journeys make their own changes and expect to find only those.
      FC_DEMO_CHURN_SECONDS: '0',
      // Passes only when a journey asks (Refresh): the demo's 15 s passes would race the fault journeys.
      FC_SYNC_INTERVAL_SECONDS: '300',
      FC_FRAME_ANCESTORS: `http://localhost:${PORTAL_PORT}`,
      FC_LOG_LEVEL: 'info',
      FC_SESSION_SECRET: 'e2e-session-secret-0123456789abcdef0123',
      // The fault journeys click Refresh more often than an engineer would.
      FC_REFRESH_PER_MINUTE: '120',
    },
  },
});
