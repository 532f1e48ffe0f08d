/**
 * Who is calling, for per-client limits (never logged): the peer's address, or the
 * right-most untrusted hop of X-Forwarded-For / Forwarded when the peer is one of our own
 * proxies (SILA_TRUSTED_PROXIES). Limits count per "client key": an IPv4 address, or the
 * /64 an IPv6 address belongs to (one subscriber gets a whole /64 and can pick a new
 * address per request).
 */
import ipaddr from 'ipaddr.js';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { WarningLine } from '../context.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

/** What SILA_TRUST_PROXY=1 (deprecated) means: a proxy on this machine. */
export const LOOPBACK_PROXIES: readonly string[] = ['127.0.0.0/8', '::1/128'];

/** One warning per this long about forwarding headers we ignore. */
export const UNTRUSTED_FORWARDING_WINDOW_MS = 60 * 60_000;

export class InvalidProxyRange extends Error {
  override readonly name = 'InvalidProxyRange';
}

/** Parses an address; IPv4-mapped IPv6 (::ffff:1.2.3.4) becomes the IPv4 address. */
export function parseAddress(value: string | undefined): Address | undefined {
  if (!value) return undefined;
  let text = value.trim();
  // "[2001:db8::1]:443" and "192.0.2.1:8080" (Forwarded may carry a port; some proxies too).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = text.replace(/%.*$/, ''); // zone id (fe80::1%eth0)
  if (!ipaddr.isValid(text)) return undefined;
  try {
    return ipaddr.process(text);
  } catch {
    return undefined;
  }
}

/** The trusted proxy ranges from CIDRs ("10.0.0.0/8", "2001:db8::/32") or bare addresses. */
export function parseProxyRanges(entries: readonly string[]): Range[] {
  return entries.map((entry) => {
    const text = entry.trim();
    try {
      if (text.includes('/')) {
        const [address, bits] = ipaddr.parseCIDR(text);
        // "::ffff:10.0.0.0/104" names IPv4 addresses: compare them as IPv4.
        if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96)
          return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96] as Range;
        return [address, bits] as Range;
      }
      const address = ipaddr.process(text);
      return [address, address.kind() === 'ipv4' ? 32 : 128] as Range;
    } catch {
      throw new InvalidProxyRange(
        `SILA_TRUSTED_PROXIES entry "${text}" is not an address or CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32)`,
      );
    }
  });
}

function inRanges(address: Address, ranges: readonly Range[]): boolean {
  return ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
}

/** The addresses a request passed through, client first, from X-Forwarded-For or Forwarded. */
export function forwardedChain(headers: { xForwardedFor?: string; forwarded?: string }): string[] {
  if (headers.xForwardedFor) return headers.xForwardedFor.split(',').map((hop) => hop.trim());
  if (!headers.forwarded) return [];
  // RFC 7239: "for=192.0.2.60;proto=http, for=\"[2001:db8::1]:4711\"".
  return headers.forwarded.split(',').map((element) => {
    const pair = element
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.toLowerCase().startsWith('for='));
    return pair ? pair.slice(4).replace(/^"|"$/g, '') : '';
  });
}

/**
 * The client's address: walking from the peer leftwards through the forwarding chain,
 * the first address that is not a trusted proxy. Hops left of it were written by the
 * client and can be forged; an unreadable hop ends the walk (it is the client's claim).
 */
export function resolveClient(peer: Address | undefined, chain: readonly string[], trusted: readonly Range[]): string {
  if (!peer) return 'unknown';
  let client: Address = peer;
  if (!inRanges(peer, trusted)) return client.toString();
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = parseAddress(chain[i]);
    if (!hop) break;
    client = hop;
    if (!inRanges(hop, trusted)) break;
  }
  return client.toString();
}

/** The key limits count by: IPv4 as is, IPv6 by its /64. */
export function clientKey(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) return address;
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/** At most one warning per window when forwarding headers arrive from a peer we do not trust. */
export class UntrustedForwarding {
  private last = -Infinity;

  constructor(
    private readonly warn: (line: WarningLine) => void,
    private readonly configured: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  seen(): void {
    const now = this.now();
    if (now - this.last < UNTRUSTED_FORWARDING_WINDOW_MS) return;
    this.last = now;
    this.warn({
      warning: 'forwarding_headers_ignored',
      message: this.configured
        ? 'A request carried X-Forwarded-For or Forwarded but did not come from an address in SILA_TRUSTED_PROXIES, so the header was ignored and limits count the connecting address. If your proxy has another address, add it (CIDR) to SILA_TRUSTED_PROXIES.'
        : 'A request carried X-Forwarded-For or Forwarded, which is ignored because SILA_TRUSTED_PROXIES is not set: limits count the connecting address, so behind a reverse proxy every visitor shares one limit. Set SILA_TRUSTED_PROXIES to the proxy addresses (CIDRs, comma-separated).',
    });
  }
}

/** The start-up line about forwarding headers (printed by main.ts). */
export function proxyStartupNotes(trustedProxies: readonly string[], deprecatedTrustProxy: boolean): string[] {
  const notes: string[] = [];
  if (deprecatedTrustProxy)
    notes.push(
      'SILA_TRUST_PROXY=1 is deprecated: it now trusts forwarding headers only from a proxy on this machine (127.0.0.0/8, ::1). Use SILA_TRUSTED_PROXIES=<proxy CIDRs> instead.',
    );
  const effective = [...trustedProxies, ...(deprecatedTrustProxy ? LOOPBACK_PROXIES : [])];
  notes.push(
    effective.length === 0
      ? 'Proxies: SILA_TRUSTED_PROXIES is not set, so X-Forwarded-For and Forwarded are ignored and limits count the connecting address; behind a reverse proxy, set it to the proxy addresses.'
      : `Proxies: X-Forwarded-For and Forwarded are read only from ${effective.join(', ')}.`,
  );
  return notes;
}

/**
 * The peer of the connection. A request handed to the app in-process (app.request() in
 * tests, no socket) has no network peer: it counts as coming from this machine.
 */
export function peerAddress(c: Context): Address | undefined {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    return parseAddress('127.0.0.1');
  }
  return parseAddress(remote);
}

/** Resolves the calling client for the request: its address, and whether forwarding headers were ignored. */
export function clientAddress(
  c: Context,
  trusted: readonly Range[],
): { address: string; ignoredForwarding: boolean; viaTrustedProxy: boolean } {
  const peer = peerAddress(c);
  const xForwardedFor = c.req.header('x-forwarded-for');
  const forwarded = c.req.header('forwarded');
  const hasForwarding = Boolean(xForwardedFor || forwarded);
  const peerTrusted = peer !== undefined && inRanges(peer, trusted);
  return {
    address: resolveClient(peer, peerTrusted ? forwardedChain({ xForwardedFor, forwarded }) : [], trusted),
    ignoredForwarding: hasForwarding && !peerTrusted,
    viaTrustedProxy: peerTrusted,
  };
}
