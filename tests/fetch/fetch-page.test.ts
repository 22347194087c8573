import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedAddressReason } from '../../src/fetch/address.ts';
import { fetchPage } from '../../src/fetch/fetch-page.ts';

const ARTICLE = `<html><head><title>Harbour</title></head><body><p>${'The ferry ran late. '.repeat(40)}</p></body></html>`;

let server: Server;
let raw: NetServer;
let base = '';
let rawBase = '';
const trickles: NodeJS.Timeout[] = [];

function routes(path: string, res: ServerResponse): void {
  const html = (body: string | Buffer, headers: Record<string, string> = {}): void => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  if (path === '/article') return html(ARTICLE);
  if (path === '/text') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Plain words');
    return;
  }
  if (path === '/hop') {
    res.writeHead(302, { location: '/article' });
    res.end();
    return;
  }
  if (path.startsWith('/loop')) {
    res.writeHead(302, { location: `/loop${Number(path.slice(5) || 0) + 1}` });
    res.end();
    return;
  }
  if (path === '/to-private') {
    res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' });
    res.end();
    return;
  }
  if (path === '/to-decimal') {
    res.writeHead(307, { location: 'http://2130706433/article' });
    res.end();
    return;
  }
  if (path === '/bomb')
    return html(gzipSync(Buffer.alloc(12 * 1024 * 1024, 0x20)), { 'content-encoding': 'gzip' });
  if (path === '/huge') {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const push = (): void => {
      while (sent < 7 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', push);
      }
      res.end();
    };
    push();
    return;
  }
  if (path === '/binary') return html(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]));
  if (path === '/pdf') {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end('%PDF-1.4');
    return;
  }
  res.writeHead(404);
  res.end();
}

beforeAll(async () => {
  server = createServer((req, res) => routes(req.url ?? '/', res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Raw sockets for what an honest HTTP server would never send.
  raw = createNetServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (data) => {
      const path = data.toString('latin1').split(' ')[1] ?? '/';
      if (path === '/trickle') {
        const head = 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ';
        let i = 0;
        const t = setInterval(() => {
          if (socket.destroyed) return clearInterval(t);
          socket.write(head[i % head.length] ?? 'x');
          i++;
        }, 20);
        trickles.push(t);
      } else if (path === '/lying-length') {
        // Claims 40 bytes, then pours out megabytes: only what was declared is ever read.
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 40\r\n\r\n');
        socket.write(Buffer.alloc(6 * 1024 * 1024, 0x62), () => socket.destroy());
      } else if (path === '/lying-gzip') {
        const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
        socket.write(
          `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: ${bomb.length}\r\n\r\n`,
        );
        socket.end(bomb);
      }
    });
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  rawBase = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of trickles) clearInterval(t);
  await new Promise((r) => server.close(r));
  await new Promise((r) => raw.close(r));
});

const allowed = { allowPrivate: true } as const;

describe('fetching a page', () => {
  it('reads an HTML page and says what it is', async () => {
    const got = await fetchPage(`${base}/article`, allowed);
    expect(got.ok && got.page.contentType).toBe('text/html');
    expect(got.ok && got.page.text).toContain('The ferry ran late.');
  });

  it('follows a redirect and reports where it ended', async () => {
    const got = await fetchPage(`${base}/hop`, allowed);
    expect(got.ok && got.page.url).toBe(`${base}/article`);
  });

  it('gives up after five redirects', async () => {
    const got = await fetchPage(`${base}/loop0`, allowed);
    expect(got.ok ? '' : got.reason).toMatch(/redirects more than 5 times/);
  });

  it('refuses a non-text content type, naming it', async () => {
    const got = await fetchPage(`${base}/pdf`, allowed);
    expect(got.ok ? '' : got.reason).toMatch(/application\/pdf/);
  });

  it('refuses binary data labelled text/html', async () => {
    const got = await fetchPage(`${base}/binary`, allowed);
    expect(got.ok ? '' : got.reason).toMatch(/binary/);
  });

  it('stops a gzip bomb at the cap, counted after decompression', async () => {
    const got = await fetchPage(`${base}/bomb`, allowed);
    expect(got.ok ? '' : got.reason).toMatch(/larger than 5 MiB.*decompression/);
  });

  it('stops a gzip bomb whose Content-Length only counts the compressed bytes', async () => {
    const got = await fetchPage(`${rawBase}/lying-gzip`, allowed);
    expect(got.ok ? '' : got.reason).toMatch(/larger than 5 MiB/);
  });

  it('stops an endless body without a length at the cap', async () => {
    const got = await fetchPage(`${base}/huge`, allowed);
    expect(got.ok ? '' : got.reason).toMatch(/larger than 5 MiB/);
  });

  it('reads no more than a lying Content-Length declares', async () => {
    const got = await fetchPage(`${rawBase}/lying-length`, allowed);
    if (got.ok) expect(got.page.bytes).toBeLessThanOrEqual(40);
    else expect(got.reason).not.toBe('');
  });

  it('times out a server that trickles its headers', async () => {
    const got = await fetchPage(`${rawBase}/trickle`, { ...allowed, timeoutMs: 600 });
    expect(got.ok ? '' : got.reason).toMatch(/did not send the page within/);
  });
});

describe('the SSRF guard', () => {
  const refused = async (url: string, options = {}): Promise<string> => {
    const got = await fetchPage(url, options);
    return got.ok ? 'FETCHED' : got.reason;
  };

  it.each([
    ['loopback', 'http://127.0.0.1:1/'],
    ['IPv6 loopback', 'http://[::1]:1/'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]:1/'],
    ['unspecified', 'http://0.0.0.0:1/'],
    ['decimal IPv4', 'http://2130706433:1/'],
    ['octal IPv4', 'http://0177.0.0.1:1/'],
    ['hex IPv4', 'http://0x7f.0.0.1:1/'],
    ['private', 'http://10.1.2.3/'],
    ['link-local metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['multicast', 'http://224.0.0.1/'],
    ['localhost', 'http://localhost:1/'],
  ])('refuses a %s address before connecting', async (_, url) => {
    expect(await refused(url)).toMatch(/private networks/);
  });

  it('refuses a public-looking host name that resolves to 127.0.0.1', async () => {
    const port = new URL(base).port;
    const resolve = (): Promise<{ address: string; family: number }[]> =>
      Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    expect(await refused(`http://news.example.com:${port}/article`, { resolve })).toMatch(
      /resolves to 127\.0\.0\.1, a loopback address/,
    );
  });

  it('refuses a redirect to a private address, checked again at every hop', async () => {
    // The guard is on; only the test server's own address is exempted, so the first hop works.
    const exempt = (address: string): boolean => address === '127.0.0.1';
    expect(await refused(`${base}/hop`, { exempt })).toBe('FETCHED');
    expect(await refused(`${base}/to-private`, { exempt })).toMatch(
      /redirects to a refused address: 169\.254\.169\.254 is a link-local address/,
    );
  });

  it('lets public unicast addresses through and blocks every private range', () => {
    expect(blockedAddressReason('93.184.216.34')).toBeNull();
    expect(blockedAddressReason('2606:4700::6810:84e5')).toBeNull();
    for (const a of [
      '192.168.1.1',
      '172.20.0.1',
      '100.64.0.1',
      'fd00::1',
      'fe80::1',
      'ff02::1',
      '::',
      '64:ff9b::7f00:1',
    ])
      expect(blockedAddressReason(a), a).not.toBeNull();
  });
});
