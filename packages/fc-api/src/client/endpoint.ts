/** The public FC 3.0 management endpoint template. */
export const DEFAULT_ENDPOINT_TEMPLATE = 'https://fcv3.{region}.aliyuncs.com';

const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

/** Whether a string is shaped like a region id (`cn-hangzhou`, `ap-southeast-1`). */
export function isRegionId(region: string): boolean {
  return region.length <= 40 && REGION_PATTERN.test(region);
}

/**
 * Fills `{region}` into an endpoint template and checks the result. A template may carry a path
 * (a proxy or the emulator's `/regions/{region}`); it is kept in front of the API path.
 * @example resolveEndpoint('https://fcv3.{region}.aliyuncs.com', 'cn-hangzhou').origin
 */
export function resolveEndpoint(
  template: string,
  region: string,
): { ok: true; url: URL } | { ok: false; message: string } {
  if (!isRegionId(region)) return { ok: false, message: `region "${region}" is not a region id` };
  const filled = template.split('{region}').join(region);
  const withScheme = /^[a-z]+:\/\//i.test(filled) ? filled : `https://${filled}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `endpoint "${template}" is not a URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `endpoint "${template}" must use http or https` };
  }
  if (url.search || url.hash || url.username || url.password) {
    return { ok: false, message: `endpoint "${template}" must not carry a query, fragment or user info` };
  }
  return { ok: true, url };
}
