import { describe, expect, it } from 'vitest';
import { type InsightPick, pickParams } from './insights.ts';

// Each pick's table, written out: the view's other parameters kept, the pick's own set or added.
const VIEW =
  'account=all&region=cn-hangzhou,cn-shanghai&runtime=go1&tags=env=prod,team=ads&has=vpc&sort=name:desc&theme=dark';
const pick = (p: InsightPick, view = VIEW) => pickParams(new URLSearchParams(view), p).toString();

describe('the table a number of the insights links to', () => {
  it('adds a tag to a view without tags, and lists every region of an account', () => {
    expect(pick({ kind: 'tag', key: 'env', value: 'prod' }, 'region=all')).toBe('region=all&tags=env%3Dprod');
    expect(pick({ kind: 'tag', key: 'env', value: null }, 'region=all')).toBe('region=all&tags=%21env');
    expect(
      pick({ kind: 'account', account: 'dev', regions: ['cn-shanghai', 'cn-beijing'] }, 'account=all'),
    ).toBe('account=dev&region=cn-shanghai%2Ccn-beijing');
  });

  it('keeps the view and sets, adds or replaces the pick of each kind', () => {
    const cases: [InsightPick, string][] = [
      [
        { kind: 'view' },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc',
      ],
      [
        { kind: 'runtime', runtime: 'nodejs8' },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=nodejs8&tags=env%3Dprod%2Cteam%3Dads&has=vpc',
      ],
      [
        { kind: 'lifecycle', lifecycle: 'eol' },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc&lifecycle=eol',
      ],
      [
        { kind: 'region', region: 'cn-shanghai' },
        'account=all&region=cn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc',
      ],
      [
        { kind: 'account', account: 'prod', regions: ['cn-hangzhou'] },
        'account=prod&region=cn-hangzhou&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc',
      ],
      [
        { kind: 'account', account: 'prod' },
        'account=prod&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc',
      ],
      [
        { kind: 'tag', key: 'env', value: 'dev' },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=team%3Dads%2Cenv%3Ddev&has=vpc',
      ],
      [
        { kind: 'tag', key: 'team', value: null },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2C%21team&has=vpc',
      ],
      [
        { kind: 'memory', memorySize: 512 },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc&memoryMin=512&memoryMax=512',
      ],
      [
        { kind: 'gpu', gpuType: 'fc.gpu.tesla.1' },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&gpuType=fc.gpu.tesla.1&tags=env%3Dprod%2Cteam%3Dads&has=vpc',
      ],
      [
        { kind: 'gpu', gpuType: 'fc.gpu.tesla.1', region: 'cn-hangzhou' },
        'account=all&region=cn-hangzhou&sort=name%3Adesc&theme=dark&runtime=go1&gpuType=fc.gpu.tesla.1&tags=env%3Dprod%2Cteam%3Dads&has=vpc',
      ],
      [
        { kind: 'has', has: 'nas' },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc%2Cnas',
      ],
      [
        { kind: 'has', has: 'vpc' },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc',
      ],
      [
        { kind: 'internet', withoutVpc: false },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc&internetAccess=true',
      ],
      [
        { kind: 'internet', withoutVpc: true },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc&lacks=vpc&internetAccess=true',
      ],
      [
        { kind: 'withoutVpc' },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc&lacks=vpc',
      ],
      [
        { kind: 'acceleration', state: 'Ready' },
        'account=all&region=cn-hangzhou%2Ccn-shanghai&sort=name%3Adesc&theme=dark&runtime=go1&tags=env%3Dprod%2Cteam%3Dads&has=vpc&acceleration=Ready',
      ],
    ];
    for (const [p, expected] of cases) expect(pick(p), JSON.stringify(p)).toBe(expected);
  });

  it('adds to the lists a view has without repeating them, and drops what the view could not use', () => {
    expect(pick({ kind: 'withoutVpc' }, 'lacks=nas,vpc')).toBe('lacks=nas%2Cvpc');
    expect(pick({ kind: 'internet', withoutVpc: true }, 'lacks=oss')).toBe(
      'lacks=oss%2Cvpc&internetAccess=true',
    );
    expect(pick({ kind: 'tag', key: 'env', value: 'prod' }, 'tags=!env')).toBe('tags=env%3Dprod');
    expect(pick({ kind: 'runtime', runtime: 'go1' }, 'runtime=Not%20A%20Runtime&limit=5')).toBe(
      'limit=5&runtime=go1',
    );
    expect(pick({ kind: 'account', account: 'prod', regions: [] }, 'region=all')).toBe(
      'region=all&account=prod',
    );
  });
});
