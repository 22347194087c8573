import { isIP } from 'node:net';

/**
 * SSRF guard: which resolved addresses a page fetch may connect to. A link a Discord member posts
 * must never reach the bot's own machine or network (metadata services, admin panels, databases),
 * so private, loopback, link-local, multicast, unspecified and reserved ranges are refused, IPv4
 * embedded in IPv6 (`::ffff:127.0.0.1`, NAT64) included. Decimal and octal IPv4 forms
 * (`http://2130706433/`, `http://0177.0.0.1/`) are normalised by the URL parser before they get here.
 */

/** IPv4 ranges refused, as [first octets, prefix length] with the reason shown to moderators. */
const BLOCKED_V4: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'an unspecified ("this network") address'],
  ['10.0.0.0', 8, 'a private address'],
  ['100.64.0.0', 10, 'a shared (carrier-grade NAT) address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address'],
  ['172.16.0.0', 12, 'a private address'],
  ['192.0.0.0', 24, 'a reserved address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.168.0.0', 16, 'a private address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address'],
];

function v4ToNumber(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function blockedV4(address: string): string | null {
  const n = v4ToNumber(address);
  for (const [base, bits, reason] of BLOCKED_V4) {
    const size = 2 ** (32 - bits);
    const start = v4ToNumber(base);
    if (n >= start && n < start + size) return reason;
  }
  return null;
}

/** The eight 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail expanded). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1] !== undefined) {
    const n = v4ToNumber(v4[1]);
    text = `${text.slice(0, -v4[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (s: string): number[] => (s === '' ? [] : s.split(':').map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const fill = new Array<number>(Math.max(0, 8 - left.length - right.length)).fill(0);
  return [...left, ...fill, ...right];
}

function blockedV6(address: string): string | null {
  const g = v6Groups(address);
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = `${g6 >> 8}.${g6 & 255}.${g7 >> 8}.${g7 & 255}`;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff || (g5 === 0 && g6 !== 0)) return blockedV4(embedded) ?? null; // ::ffff:a.b.c.d, ::a.b.c.d
    if (g5 === 0 && g6 === 0 && g7 === 1) return 'a loopback address';
    if (g5 === 0 && g6 === 0 && g7 === 0) return 'an unspecified address';
  }
  if (g0 === 0x64 && g1 === 0xff9b) return blockedV4(embedded); // NAT64
  if (g0 === 0x2002) return blockedV4(`${g1 >> 8}.${g1 & 255}.${g2 >> 8}.${g2 & 255}`); // 6to4
  if ((g0 & 0xfe00) === 0xfc00) return 'a private (unique local) address';
  if ((g0 & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g0 & 0xffc0) === 0xfec0) return 'a site-local address';
  if ((g0 & 0xff00) === 0xff00) return 'a multicast address';
  if (g0 === 0x2001 && g1 === 0xdb8) return 'a documentation address';
  return null;
}

/**
 * Why an address may not be fetched, or null when it is a public unicast address.
 * Anything that is not an IP address at all is refused too (it cannot be checked).
 */
export function blockedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blockedV4(bare);
  if (family === 6) return blockedV6(bare);
  return 'not an IP address';
}
