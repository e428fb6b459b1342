/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A structured JSON logger. `child` adds fields (such as the request id) to every line. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Options of `createLogger`. */
export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stdout by default. Tests pass an array's push. */
  sink?: (line: string) => void;
  /** Strings that must never be written (credentials); replaced by `***` wherever they appear. */
  redact?: () => readonly string[];
  now?: () => Date;
}

/**
 * JSON lines with a time, a level and a message. Every line passes through the redaction list, so
 * a secret that slips into a message or a field is still never written.
 * @example const log = createLogger({ level: 'info' }); log.info('listening', { port: 8080 });
 */
export function createLogger(options: LoggerOptions = {}, base: Record<string, unknown> = {}): Logger {
  const min = ORDER[options.level ?? 'info'];
  const sink = options.sink ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < min) return;
    let line = JSON.stringify(
      { time: now().toISOString(), level, msg, ...base, ...fields },
      (_key, value: unknown) =>
        value instanceof Error ? { name: value.name, message: value.message } : value,
    );
    for (const secret of options.redact?.() ?? []) {
      if (secret.length < 4) continue;
      // Inside JSON a secret with quotes or backslashes appears escaped: remove both spellings.
      for (const spelling of [secret, JSON.stringify(secret).slice(1, -1)])
        line = line.split(spelling).join('***');
    }
    sink(line);
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  };
}
