import { SECRET_MASK } from './function-view.ts';

// A flag name alone (`--port`, `-v`), a flag with a value (`--config=/x`), an env-style pair.
const FLAG = /^--?[A-Za-z][\w.-]*$/;
const FLAG_WITH_VALUE = /^(--?[A-Za-z][\w.-]*)=(.*)$/s;
const ENV_PAIR = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
// Names that announce a secret: whatever follows them is masked, however harmless it looks.
const SECRET_NAME = /pass|pwd|secret|token|key|cred|auth|sig|session|cookie|private/i;
// Values that cannot carry a secret worth the name: small numbers and file names or paths.
const SMALL_NUMBER = /^\d{1,6}$/;
const PATH = /^\.{0,2}\/[\w./-]*$/;
const FILE_NAME = /^[\w-]+(?:\.[\w-]+)*\.(?:py|js|mjs|cjs|ts|sh|jar|yaml|yml|json|toml|conf|ini|rb|php|go)$/;
const PROGRAM = /^[\w./+-]{1,128}$/;

const harmless = (value: string) => SMALL_NUMBER.test(value) || PATH.test(value) || FILE_NAME.test(value);

function maskValue(name: string | undefined, value: string): string {
  if (value === '') return value;
  if (name !== undefined && SECRET_NAME.test(name)) return SECRET_MASK;
  return harmless(value) ? value : SECRET_MASK;
}

/**
 * Masks an argument vector (a container command, a hook command, runtime or mount args) so that
 * its shape stays readable and no value that could be a secret survives: flag names, small
 * numbers, paths and file names are kept, everything else (and anything after a flag whose name
 * announces a secret) becomes the mask. With `program`, the first element is a program name and
 * is kept when it looks like one.
 * @example maskArgv(['python', 'app.py', '--token', 'hf_x', '--port=9000'], { program: true })
 * // ['python', 'app.py', '--token', '******', '--port=9000']
 */
export function maskArgv(argv: readonly string[], options: { program: boolean }): string[] {
  let previousFlag: string | undefined;
  return argv.map((arg, index) => {
    const flag = previousFlag;
    previousFlag = undefined;
    if (index === 0 && options.program && PROGRAM.test(arg) && !SECRET_NAME.test(arg)) return arg;
    if (FLAG.test(arg)) {
      previousFlag = arg;
      return arg;
    }
    const withValue = FLAG_WITH_VALUE.exec(arg) ?? ENV_PAIR.exec(arg);
    if (withValue) return `${withValue[1]}=${maskValue(withValue[1], withValue[2] ?? '')}`;
    return maskValue(flag, arg);
  });
}

/**
 * Masks a URL or an absolute path: user info and the query string are replaced by the mask and
 * the fragment is dropped; scheme, host, port and path stay. With `keepPath: false` only the
 * origin is kept (endpoints that carry a token in their path). Anything that is not a URL or a
 * path is masked whole.
 * @example maskUrl('https://u:p@h.example/x?token=1#f') // 'https://******@h.example/x?******'
 */
export function maskUrl(value: string, options: { keepPath: boolean } = { keepPath: true }): string {
  if (value === '') return value;
  if (value.startsWith('/') && !value.startsWith('//')) {
    const path = value.split(/[?#]/, 1)[0] ?? '';
    const masked = PATH.test(path) ? path : SECRET_MASK;
    return `${options.keepPath ? masked : `/${SECRET_MASK}`}${value.includes('?') ? `?${SECRET_MASK}` : ''}`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return SECRET_MASK;
  }
  if (!/^[a-z][a-z0-9+.-]*:$/.test(url.protocol) || url.host === '') return SECRET_MASK;
  const userInfo = url.username || url.password ? `${SECRET_MASK}@` : '';
  const path = options.keepPath ? url.pathname : url.pathname === '/' ? '' : `/${SECRET_MASK}`;
  const query = url.search ? `?${SECRET_MASK}` : '';
  return `${url.protocol}//${userInfo}${url.host}${path}${query}`;
}

/**
 * Masks the values of a free-form parameter map (tracing parameters): names stay, a URL keeps
 * only its origin, anything else is masked.
 * @example maskParams({ endpoint: 'http://t.example/adapt_tok/api' }) // { endpoint: 'http://t.example/******' }
 */
export function maskParams(params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? maskUrl(value, { keepPath: false }) : SECRET_MASK,
    ]),
  );
}
