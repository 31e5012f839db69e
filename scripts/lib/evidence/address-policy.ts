// Which network addresses the link checker may connect to. Evidence URLs come from untrusted pull
// requests, so by default only public unicast addresses are allowed: no loopback, private,
// link-local, carrier-grade NAT, multicast, reserved or cloud metadata addresses, in IPv4 or
// IPv6 (including IPv4 addresses written as IPv6). The check runs on the resolved address that is
// actually connected to, for every redirect hop.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

export interface AddressPolicy {
  /** Tests only: addresses (or "*" for all) that may be connected to although not public. */
  readonly allow: ReadonlySet<string>;
}

export const PUBLIC_ONLY: AddressPolicy = { allow: new Set() };

// Metadata services listen on these unicast addresses in some clouds.
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);

/** Why an address is refused, or undefined when it may be connected to. */
export function refusal(address: string, policy: AddressPolicy): string | undefined {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const normalized = parsed.toString();
  if (policy.allow.has('*') || policy.allow.has(normalized)) return undefined;
  if (METADATA.has(normalized)) return `${normalized} is a cloud metadata address`;
  const range = parsed.range();
  if (range !== 'unicast') return `${normalized} is a ${range} address, not a public one`;
  // ::/96 holds the deprecated IPv4-compatible form (::7f00:1 stands for 127.0.0.1); ipaddr.js
  // counts it as unicast, and some stacks still route it to the IPv4 address.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) {
    return `${normalized} is an IPv4-compatible IPv6 address, not a public one`;
  }
  return undefined;
}

export class RefusedAddress extends Error {
  override readonly name = 'RefusedAddress';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A drop-in for dns.lookup that fails for refused addresses, for use as the connect lookup of an
 * HTTP client: whatever a name resolves to, only an allowed address is connected to.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true } as { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const why = refusal(address, policy);
        if (why) return callback(new RefusedAddress(`${hostname} resolves to a refused address: ${why}`), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
