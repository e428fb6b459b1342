// Words that make a generated fleet read like a real company's.

export const TEAMS = [
  'payments',
  'orders',
  'search',
  'identity',
  'growth',
  'data',
  'ml',
  'media',
  'notify',
  'risk',
  'logistics',
  'catalog',
  'billing',
  'platform',
  'support',
  'ads',
] as const;

export const SERVICES = [
  'checkout',
  'refund',
  'invoice',
  'ledger',
  'cart',
  'inventory',
  'pricing',
  'recommend',
  'ranking',
  'indexer',
  'login',
  'sso',
  'profile',
  'session',
  'coupon',
  'campaign',
  'etl',
  'ingest',
  'export',
  'report',
  'thumbnail',
  'transcode',
  'ocr',
  'embedding',
  'inference',
  'sms',
  'email',
  'push',
  'webhook',
  'fraud',
  'kyc',
  'scoring',
  'shipment',
  'tracking',
  'routing',
  'sku',
  'review',
  'audit',
  'scheduler',
  'gateway',
] as const;

export const COMPONENTS = [
  'api',
  'worker',
  'consumer',
  'cron',
  'handler',
  'sync',
  'backfill',
  'trigger',
  'resize',
  'notifier',
  'validator',
  'exporter',
  'webhook',
  'batch',
  'stream',
  'proxy',
  'job',
  'listener',
] as const;

export const ENVIRONMENTS = [
  ['prod', 40],
  ['staging', 25],
  ['dev', 20],
  ['test', 10],
  ['canary', 5],
] as const;

export const RUNTIMES = [
  ['python3.10', 18],
  ['nodejs18', 14],
  ['nodejs20', 12],
  ['python3.9', 8],
  ['custom-container', 12],
  ['java11', 6],
  ['go1', 5],
  ['python3.12', 4],
  ['custom.debian10', 4],
  ['nodejs16', 3],
  ['custom', 3],
  ['java8', 2],
  ['nodejs14', 2],
  ['python3', 2],
  ['custom.debian11', 1],
  ['custom.debian12', 1],
  ['php7.2', 1],
  ['dotnetcore3.1', 1],
  ['nodejs12', 0.5],
  ['nodejs8', 0.2],
  ['nodejs10', 0.3],
] as const;

export const HANDLERS: Record<string, string> = {
  python: 'index.handler',
  nodejs: 'index.handler',
  java: 'example.App::handleRequest',
  go: 'main',
  php: 'index.handler',
  dotnetcore: 'Example::Example.Hello::StreamHandler',
};

export const GPU_PROFILES = [
  ['fc.gpu.tesla.1', 16_384, 4],
  ['fc.gpu.ampere.1', 24_576, 6],
  ['fc.gpu.ada.1', 49_152, 2],
  ['fc.gpu.ada.2', 24_576, 2],
  ['fc.gpu.ada.3', 49_152, 1],
  ['fc.gpu.hopper.1', 98_304, 1],
  ['fc.gpu.xpu.1', 98_304, 0.5],
] as const;

export const MEMORY_SIZES = [
  [128, 10],
  [256, 14],
  [512, 26],
  [1024, 20],
  [2048, 12],
  [3072, 5],
  [4096, 6],
  [8192, 4],
  [16_384, 2],
  [32_768, 1],
] as const;

export const TIMEOUTS = [
  [3, 8],
  [10, 12],
  [30, 18],
  [60, 25],
  [120, 10],
  [300, 12],
  [600, 8],
  [900, 4],
  [3600, 2],
  [86_400, 1],
] as const;

export const DESCRIPTIONS = [
  'Handles %s requests for the %s service',
  'Consumes %s events and updates %s',
  'Nightly %s job for %s',
  'Webhook receiver for %s (%s)',
  '%s worker: retries with backoff, writes to %s',
  'Legacy %s endpoint, migrate to v2 (%s)',
] as const;

export const ODD_DESCRIPTIONS = [
  '订单服务：处理支付回调并写入账本',
  '画像生成 — 每日批处理 🚀',
  'Café menu sync (naïve façade) — “quoted” text',
  'Functions with <angle> & "quotes" and a \\ backslash',
  'データ同期ジョブ（東京リージョン）',
  '',
] as const;

export const SECRET_ENV_KEYS = [
  'DB_PASSWORD',
  'API_KEY',
  'STRIPE_SECRET_KEY',
  'JWT_SIGNING_KEY',
  'REDIS_AUTH',
  'OSS_ACCESS_SECRET',
] as const;
export const PLAIN_ENV_KEYS = [
  'LOG_LEVEL',
  'NODE_ENV',
  'REGION',
  'FEATURE_FLAGS',
  'DB_HOST',
  'QUEUE_NAME',
  'TZ',
  'MAX_BATCH',
] as const;
