import { pino, stdSerializers } from 'pino';
import type { DestinationStream, Logger, LoggerOptions as PinoOptions } from 'pino';
import pretty from 'pino-pretty';

/**
 * Structured logs (pino). JSON lines in production, pino-pretty while developing. Secrets never
 * reach the output: known secret fields are redacted by path, and because a token can also hide
 * inside free text (an error message quoting a URL, a library's debug line), every string that is
 * logged as a message or inside an error is scrubbed of the secret values themselves.
 */

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** pino level name (`LOG_LEVEL`): fatal, error, warn, info, debug, trace or silent. Default info. */
  level?: string;
  /** Human-readable lines via pino-pretty (development); JSON lines otherwise. */
  pretty?: boolean;
  /** Values that must never appear in a log line (the bot token). Short values are ignored. */
  secrets?: readonly (string | undefined)[];
  /** Where lines go. Default stderr, so stdout stays free for the console front end's output. */
  destination?: DestinationStream | NodeJS.WritableStream;
}

/** Field paths that hold secrets wherever they appear in a log object. */
export const REDACT_PATHS: readonly string[] = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'config.DISCORD_TOKEN',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
];

const MASK = '[REDACTED]';

/** Returns a function that replaces every secret value inside a string with a mask. */
export function secretScrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  // A very short "secret" would mask ordinary words; real tokens are long.
  const values = [
    ...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8)),
  ].sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const value of values) out = out.split(value).join(MASK);
    return out;
  };
}

/** Deep-copies plain data, scrubbing every string; bounded depth so cyclic objects cannot hang. */
function scrubDeep(value: unknown, scrub: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub, depth + 1));
  // Errors go through the err serializer (which scrubs them); class instances are left to pino.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, scrub, depth + 1);
  return out;
}

/** Creates the application logger. See {@link LoggerOptions}. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const scrub = secretScrubber(options.secrets ?? []);
  const errSerializer = (error: unknown): unknown => {
    if (!(error instanceof Error)) return scrubDeep(error, scrub);
    // The serializer's object has a custom prototype; a JSON round trip makes it plain data to scrub.
    return scrubDeep(JSON.parse(JSON.stringify(stdSerializers.err(error))) as unknown, scrub);
  };
  const pinoOptions: PinoOptions = {
    level: options.level ?? 'info',
    redact: { paths: [...REDACT_PATHS], censor: MASK },
    serializers: { err: errSerializer, error: errSerializer },
    hooks: {
      // Message strings and interpolation arguments are scrubbed too: a secret can be part of text.
      logMethod(args, method) {
        // pino copies a leading Error's message into `msg` after this hook: hand it over as
        // `{ err }` with an already scrubbed message instead.
        const [first, ...rest] = args as unknown[];
        const normalised =
          first instanceof Error
            ? [{ err: first }, ...(rest.length > 0 ? rest : [first.message])]
            : (args as unknown[]);
        const cleaned = normalised.map((a: unknown) =>
          typeof a === 'string' ? scrub(a) : scrubDeep(a, scrub),
        );
        method.apply(this, cleaned as Parameters<typeof method>);
      },
    },
    base: { pid: process.pid },
  };
  if (options.pretty === true) {
    const stream = pretty({
      sync: true,
      colorize: options.destination === undefined && process.stderr.isTTY,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      destination: options.destination ?? 2,
    });
    return pino(pinoOptions, stream);
  }
  // Synchronous writes: the bot logs a line per interaction, and nothing is lost on exit.
  const destination = options.destination ?? pino.destination({ dest: 2, sync: true });
  return pino(pinoOptions, destination as DestinationStream);
}
