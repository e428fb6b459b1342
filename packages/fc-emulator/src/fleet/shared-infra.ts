import type { Rng } from './prng.ts';
import { TEAMS } from './vocabulary.ts';

/** One VPC with its vSwitches and security groups, shared by many functions. */
export interface SharedVpc {
  vpcId: string;
  vSwitchIds: string[];
  securityGroupIds: string[];
}

/** The cloud resources that functions of one region share. */
export interface SharedInfra {
  vpcs: SharedVpc[];
  nasServers: string[];
  buckets: string[];
  images: { repo: string; registry: string; private: boolean }[];
  layers: { arn: string; size: number }[];
  resourceGroups: string[];
}

/** Builds the region's VPCs, NAS servers, buckets, images and layers from the region's RNG. */
export function generateSharedInfra(rng: Rng, region: string, accountId: string): SharedInfra {
  const vpcs: SharedVpc[] = [];
  const vpcCount = rng.int(5, 8);
  for (let v = 0; v < vpcCount; v++) {
    const zones = rng.int(2, 4);
    vpcs.push({
      vpcId: `vpc-${rng.alnum(21)}`,
      vSwitchIds: Array.from({ length: zones }, () => `vsw-${rng.alnum(21)}`),
      securityGroupIds: Array.from({ length: rng.int(1, 3) }, () => `sg-${rng.alnum(20)}`),
    });
  }
  const nasServers = Array.from(
    { length: rng.int(4, 6) },
    () => `${rng.hex(10)}-${rng.alnum(5)}.${region}.nas.aliyuncs.com`,
  );
  const buckets = TEAMS.slice(0, 12).map(
    (team) => `${team}-${rng.pick(['assets', 'exports', 'models', 'raw', 'media'])}-${region}`,
  );
  const images = [
    ...[
      'api-server',
      'worker',
      'inference',
      'transcoder',
      'sd-webui',
      'llm-serving',
      'ocr-engine',
      'browser-render',
    ].map((repo) => ({
      repo: `${rng.pick(['fleet', 'ml', 'media', 'platform'])}/${repo}`,
      registry: `registry-vpc.${region}.aliyuncs.com`,
      private: false,
    })),
    { repo: 'acme/legacy-gateway', registry: 'registry.acme-corp.example', private: true },
    { repo: 'vendor/pdf-render', registry: `acme-registry-vpc.${region}.cr.aliyuncs.com`, private: true },
  ];
  const layerNames = [
    'python-deps',
    'node-modules',
    'ffmpeg',
    'chromium',
    'pandas',
    'opencv',
    'pillow',
    'oracle-client',
    'otel-agent',
    'fonts-cjk',
  ];
  const layers = layerNames.map((name) => ({
    arn: `acs:fc:${region}:${accountId}:layers/${name}/versions/${rng.int(1, 14)}`,
    size: rng.int(200_000, 240_000_000),
  }));
  layers.push({ arn: `acs:fc:${region}:official:layers/Python310/versions/2`, size: 31_862_000 });
  const resourceGroups = Array.from({ length: 4 }, () => `rg-${rng.alnum(15)}`);
  return { vpcs, nasServers, buckets, images, layers, resourceGroups };
}
