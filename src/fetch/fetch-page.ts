import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { blockedAddressReason } from './address.ts';

/**
 * Fetching a page a moderator linked (or a feed, or a Discord attachment) without letting the
 * link hurt the bot: one deadline for the whole fetch (a server that trickles its headers or body
 * runs into it), a size cap counted on the decoded stream (a lying Content-Length or a gzip bomb
 * stops at the cap), at most a few redirects each checked again, only text content types, and the
 * SSRF guard applied to every address a host name resolves to, at connect time (no gap for DNS
 * rebinding). Built on node:http so each of these is under our control. Never throws.
 */

export const USER_AGENT =
  'NewsroomBot/0.1 (Discord bot that cites news articles; fetching a page a moderator added)';
export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
/** Web pages and text: what an article can be read from. */
export const PAGE_TYPES: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'text/x-markdown',
];
/** RSS and Atom feeds. */
export const FEED_TYPES: readonly string[] = [
  'application/rss+xml',
  'application/atom+xml',
  'application/xml',
  'text/xml',
  'application/rdf+xml',
];

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface FetchOptions {
  /** Let loopback and private addresses through (ALLOW_PRIVATE_URLS=on; tests only). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Accepted media types (lower case, without parameters). Default {@link PAGE_TYPES}. */
  accept?: readonly string[];
  /** DNS resolution (default: the system resolver). Tests map names to addresses with it. */
  resolve?: Resolver;
  userAgent?: string;
  /** Addresses let through although blocked (a test server on 127.0.0.1 with the guard on). */
  exempt?: (address: string) => boolean;
}

export interface FetchedPage {
  /** The URL finally read, after redirects. */
  url: string;
  requestedUrl: string;
  /** Media type without parameters, lower case (`text/html`). */
  contentType: string;
  /** The decoded text of the body. */
  text: string;
  bytes: number;
}

export type FetchResult = { ok: true; page: FetchedPage } | { ok: false; reason: string };

class FetchRefused extends Error {}

const defaultResolve: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** A connect-time lookup that refuses hosts resolving to a blocked address. */
function guardedLookup(
  resolve: Resolver,
  allowPrivate: boolean,
  exempt: (a: string) => boolean,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((found) => {
        if (found.length === 0) throw new FetchRefused(`the host name ${hostname} does not resolve`);
        if (!allowPrivate) {
          for (const { address } of found) {
            const why = exempt(address) ? null : blockedAddressReason(address);
            if (why !== null)
              throw new FetchRefused(
                `${hostname} resolves to ${address}, ${why}; the bot does not fetch from private networks`,
              );
          }
        }
        const wanted =
          options.family === 4 || options.family === 6
            ? found.filter((f) => f.family === options.family)
            : found;
        const list = wanted.length > 0 ? wanted : found;
        if (options.all === true) callback(null, list);
        else callback(null, list[0]?.address ?? '', list[0]?.family ?? 4);
      })
      .catch((error: unknown) => callback(error as NodeJS.ErrnoException, '', 4));
  };
}

/** Refuses URLs the fetcher never follows, before any connection: scheme, credentials, literal IPs. */
export function checkUrl(
  raw: string,
  allowPrivate: boolean,
  exempt: (address: string) => boolean = () => false,
): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      reason: `"${raw.slice(0, 80)}" is not a web address (it should start with https://)`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return {
      ok: false,
      reason: `only http and https links can be added (this one is ${url.protocol.slice(0, -1)})`,
    };
  if (url.username !== '' || url.password !== '')
    return { ok: false, reason: 'links with a user name or password in them are not fetched' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) !== 0) {
    const why = exempt(host) ? null : blockedAddressReason(host);
    if (why !== null)
      return { ok: false, reason: `${url.hostname} is ${why}; the bot does not fetch from private networks` };
  }
  if (!allowPrivate && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host))
    return {
      ok: false,
      reason: `${url.hostname} is a local host name; the bot does not fetch from private networks`,
    };
  return { ok: true, url };
}

type Options = Required<Omit<FetchOptions, 'resolve'>>;

type Hop = { kind: 'redirect'; to: string } | { kind: 'page'; page: Omit<FetchedPage, 'requestedUrl'> };

function decoder(res: IncomingMessage): Readable | FetchRefused {
  const encoding = String(res.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding === 'identity' || encoding === '') return res;
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return res.pipe(zlib.createInflate());
  if (encoding === 'br') return res.pipe(zlib.createBrotliDecompress());
  return new FetchRefused(`the server sent the page in an unknown encoding (${encoding})`);
}

function decodeText(body: Buffer, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/** A NUL byte or many control characters in the first 8 KiB: not text, whatever the label says. */
function looksBinary(body: Buffer): boolean {
  const n = Math.min(body.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = body[i] as number;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
  }
  return controls > n / 100;
}

/** Reads a decoded body up to the cap; more than the cap is a refusal, not a truncation. */
function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        stream.destroy();
        reject(
          new FetchRefused(
            `the page is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB (counted after decompression)`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', (error) =>
      reject(
        error instanceof FetchRefused
          ? error
          : new FetchRefused(`the page could not be read (${error.message})`),
      ),
    );
  });
}

async function handleResponse(url: URL, res: IncomingMessage, o: Options): Promise<Hop> {
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400 && res.headers.location !== undefined) {
    res.resume();
    return { kind: 'redirect', to: new URL(res.headers.location, url).href };
  }
  if (status < 200 || status >= 300) {
    res.resume();
    throw new FetchRefused(
      `the server answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`,
    );
  }
  const rawType = String(res.headers['content-type'] ?? '');
  const type = rawType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!o.accept.includes(type)) {
    res.destroy();
    throw new FetchRefused(
      `the link is ${type === '' ? 'of no stated type' : type}, not ${o.accept === FEED_TYPES ? 'an RSS or Atom feed' : 'a web page or text'}`,
    );
  }
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > o.maxBytes) {
    res.destroy();
    throw new FetchRefused(
      `the page is larger than ${Math.round(o.maxBytes / 1024 / 1024)} MiB (${declared} bytes)`,
    );
  }
  const stream = decoder(res);
  if (stream instanceof FetchRefused) {
    res.destroy();
    throw stream;
  }
  const body = await readCapped(stream, o.maxBytes);
  if (looksBinary(body))
    throw new FetchRefused(`the server labelled it ${type} but sent binary data, not text`);
  return {
    kind: 'page',
    page: { url: url.href, contentType: type, text: decodeText(body, rawType), bytes: body.length },
  };
}

function requestOnce(url: URL, o: Options, resolve: Resolver, signal: AbortSignal): Promise<Hop> {
  return new Promise<Hop>((done, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      signal,
      lookup: guardedLookup(resolve, o.allowPrivate, o.exempt),
      headers: {
        'user-agent': o.userAgent,
        accept: `${o.accept.join(', ')};q=0.9, */*;q=0.1`,
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    req.once('response', (res) => {
      res.once('error', () => undefined);
      handleResponse(url, res, o).then(done, reject);
    });
    req.once('error', reject);
    req.end();
  });
}

function describeError(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted) return `the server did not send the page within ${Math.round(timeoutMs / 1000)} s`;
  if (error instanceof FetchRefused) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve (check the link)';
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (code === 'ECONNRESET') return 'the server closed the connection';
  return `the page could not be fetched (${code ?? (error as Error).message})`;
}

/** Fetches a page (or feed) by URL; every failure is `{ ok: false, reason }` a moderator can read. */
export async function fetchPage(raw: string, options: FetchOptions = {}): Promise<FetchResult> {
  const o = {
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_PAGE_BYTES,
    maxRedirects: options.maxRedirects ?? MAX_REDIRECTS,
    accept: options.accept ?? PAGE_TYPES,
    userAgent: options.userAgent ?? USER_AGENT,
    exempt: options.exempt ?? (() => false),
  };
  const resolve = options.resolve ?? defaultResolve;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs);
  try {
    let target = raw;
    for (let hop = 0; hop <= o.maxRedirects; hop++) {
      const checked = checkUrl(target, o.allowPrivate, o.exempt);
      if (!checked.ok)
        return {
          ok: false,
          reason: hop === 0 ? checked.reason : `it redirects to a refused address: ${checked.reason}`,
        };
      let result: Hop;
      try {
        result = await requestOnce(checked.url, o, resolve, controller.signal);
      } catch (error) {
        const why = describeError(error, controller.signal, o.timeoutMs);
        return { ok: false, reason: hop === 0 ? why : `after a redirect to ${checked.url.host}: ${why}` };
      }
      if (result.kind === 'page') return { ok: true, page: { ...result.page, requestedUrl: raw } };
      target = result.to;
    }
    return { ok: false, reason: `the link redirects more than ${o.maxRedirects} times` };
  } finally {
    clearTimeout(timer);
  }
}
