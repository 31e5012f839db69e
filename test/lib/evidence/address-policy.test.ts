import { describe, expect, it } from 'vitest';
import { PUBLIC_ONLY, refusal } from '../../../scripts/lib/evidence/address-policy.ts';

describe('address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.9', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.10.10', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s (%s)', (address, range) => {
    expect(refusal(address, PUBLIC_ONLY)).toContain(`a ${range} address`);
  });

  it.each(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'])('refuses the metadata address %s', (address) => {
    expect(refusal(address, PUBLIC_ONLY)).toContain('cloud metadata address');
  });

  it('allows public addresses', () => {
    expect(refusal('93.184.215.14', PUBLIC_ONLY)).toBeUndefined();
    expect(refusal('2606:4700::6810:84e5', PUBLIC_ONLY)).toBeUndefined();
  });

  it('allows only what a test explicitly lists', () => {
    const policy = { allow: new Set(['127.0.0.1']) };
    expect(refusal('127.0.0.1', policy)).toBeUndefined();
    expect(refusal('::ffff:127.0.0.1', policy)).toBeUndefined();
    expect(refusal('127.0.0.2', policy)).toContain('loopback');
    expect(refusal('10.0.0.1', { allow: new Set(['*']) })).toBeUndefined();
  });

  it.each(['::7f00:1', '::a9fe:a9fe', '::0808:0808'])('refuses the IPv4-compatible IPv6 address %s, which ipaddr.js calls unicast', (address) => {
    expect(refusal(address, PUBLIC_ONLY)).toContain('IPv4-compatible');
  });
});
