import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINT_TEMPLATE, isRegionId, resolveEndpoint } from './endpoint.ts';

describe('region ids and endpoints', () => {
  it('takes region ids by their whole shape, up to 40 characters', () => {
    for (const ok of ['cn-hangzhou', 'ap-southeast-1', 'cn-hangzhou-finance-1', `ab-${'c'.repeat(37)}`])
      expect(isRegionId(ok), ok).toBe(true);
    for (const bad of [
      'cn',
      'cn-',
      'Cn-hangzhou',
      'cn_hangzhou',
      'cn-hangzhou!',
      '!cn-hangzhou',
      'c-hangzhou',
      `ab-${'c'.repeat(38)}`,
    ])
      expect(isRegionId(bad), bad).toBe(false);
  });

  it('fills the region into a template, keeping a path and adding https when there is no scheme', () => {
    const href = (template: string) => {
      const got = resolveEndpoint(template, 'cn-hangzhou');
      return got.ok ? got.url.href : got.message;
    };
    expect(href(DEFAULT_ENDPOINT_TEMPLATE)).toBe('https://fcv3.cn-hangzhou.aliyuncs.com/');
    expect(href('http://127.0.0.1:9100/regions/{region}')).toBe('http://127.0.0.1:9100/regions/cn-hangzhou');
    expect(href('proxy.internal/fc/{region}')).toBe('https://proxy.internal/fc/cn-hangzhou');
    // A scheme counts only at the start: a proxy path may carry an address.
    expect(href('proxy.internal/fwd/https://fcv3.{region}.aliyuncs.com')).toBe(
      'https://proxy.internal/fwd/https://fcv3.cn-hangzhou.aliyuncs.com',
    );
  });

  it('refuses a bad region or template with a message naming it', () => {
    const refusal = (template: string, region = 'cn-hangzhou') => resolveEndpoint(template, region);
    expect(refusal(DEFAULT_ENDPOINT_TEMPLATE, 'evil.com/x')).toEqual({
      ok: false,
      message: 'region "evil.com/x" is not a region id',
    });
    expect(refusal('https://exa mple.com/{region}')).toEqual({
      ok: false,
      message: 'endpoint "https://exa mple.com/{region}" is not a URL',
    });
    expect(refusal('ftp://files.example/{region}')).toEqual({
      ok: false,
      message: 'endpoint "ftp://files.example/{region}" must use http or https',
    });
    for (const template of [
      'https://x.example/{region}?a=1',
      'https://x.example/{region}#f',
      'https://u:p@x.example',
    ])
      expect(refusal(template), template).toEqual({
        ok: false,
        message: `endpoint "${template}" must not carry a query, fragment or user info`,
      });
  });
});
