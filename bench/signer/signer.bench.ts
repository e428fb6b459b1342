import { Readable } from 'node:stream';
import { OpenApiUtil } from '@alicloud/openapi-core';
import { type CanonicalInput, createAcs3Signer, EMPTY_BODY_SHA256 } from '@fc-fleet/fc-api';
import { formatRate, formatTable, sample, summarize, summaryRow } from '../shared/stats.ts';

// Signatures per second of our Web Crypto signer against the official SDK's node:crypto one,
// both signing the same ListFunctions request in the same process.

const SIGNATURES_PER_SAMPLE = 1000;
const credentials = {
  accessKeyId: 'bench-access-key-id',
  accessKeySecret: 'bench-secret-0123456789abcdef',
};

/** A ListFunctions call as the client sends it mid-scan: a filter, a page size and a cursor. */
const listFunctionsRequest: CanonicalInput = {
  method: 'GET',
  pathname: '/2023-03-30/functions',
  query: {
    prefix: 'orders-checkout',
    limit: '100',
    nextToken: 'eyJyIjoiY24taGFuZ3pob3UiLCJhIjoib3JkZXJzLWNoZWNrb3V0LWFwaS1wcm9kIn0+Zm9v/YmFy==',
  },
  headers: {
    host: 'fcv3.cn-hangzhou.aliyuncs.com',
    'x-acs-action': 'ListFunctions',
    'x-acs-version': '2023-03-30',
    'x-acs-date': '2026-11-27T10:20:30Z',
    'x-acs-signature-nonce': '3f1b9c2e-9a41-4a57-8f5e-1d2c3b4a5f60',
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
    accept: 'application/json',
    'user-agent': 'fc-fleet/0.1',
  },
  payloadHash: EMPTY_BODY_SHA256,
};

type SdkRequest = Parameters<typeof OpenApiUtil.getAuthorization>[0];

function toSdkRequest(input: CanonicalInput): SdkRequest {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.query)) if (value !== undefined) query[key] = value;
  return {
    protocol: 'https',
    port: 443,
    method: input.method,
    pathname: input.pathname,
    query,
    headers: { ...input.headers },
    body: Readable.from([]),
  };
}

/** Times both signers on the same request and prints a table with the ours/SDK ratio. */
export async function runSignerBench(): Promise<void> {
  const signer = createAcs3Signer();
  const sdkRequest = toSdkRequest(listFunctionsRequest);
  const ours = () => signer.authorization(listFunctionsRequest, credentials);
  const sdk = () =>
    OpenApiUtil.getAuthorization(
      sdkRequest,
      'ACS3-HMAC-SHA256',
      EMPTY_BODY_SHA256,
      credentials.accessKeyId,
      credentials.accessKeySecret,
    );
  // A speed figure is only worth printing if both sides compute the same header.
  const same = (await ours()) === sdk();

  const options = { warmup: 3, samples: 40, opsPerSample: SIGNATURES_PER_SAMPLE, budgetMs: 4000 };
  const oursSummary = summarize(await sample(ours, options));
  const sdkSummary = summarize(await sample(sdk, options));
  // Web Crypto calls are asynchronous, so a batch in flight at once shows what a parallel scan gets.
  const batch = () => Promise.all(Array.from({ length: SIGNATURES_PER_SAMPLE }, ours));
  const batchMs = await sample(batch, { ...options, opsPerSample: 1 });
  const concurrentSummary = summarize(batchMs.map((ms) => ms / SIGNATURES_PER_SAMPLE));

  console.log(`\n## ACS3-HMAC-SHA256 signing, ListFunctions request (${SIGNATURES_PER_SAMPLE} per sample)\n`);
  console.log(
    formatTable(
      ['signer', 'samples', 'median / sig', 'p95 / sig', 'mean / sig', 'signatures/s'],
      [
        summaryRow('ours: createAcs3Signer (Web Crypto)', oursSummary),
        summaryRow(`ours, ${SIGNATURES_PER_SAMPLE} in flight (Promise.all)`, concurrentSummary),
        summaryRow('SDK: OpenApiUtil.getAuthorization', sdkSummary),
      ],
    ),
  );
  const ratio = oursSummary.opsPerSec / sdkSummary.opsPerSec;
  console.log(
    `\nours/SDK throughput, one at a time: ${ratio.toFixed(2)}x (${formatRate(oursSummary.opsPerSec)} vs ${formatRate(sdkSummary.opsPerSec)} signatures/s); same Authorization header: ${same ? 'yes' : 'NO'}`,
  );
}
