import { describe, expect, test } from 'vitest';
import { clientNetwork } from '../../../src/server/platform/client-network.ts';

describe('clientNetwork', () => {
  test('counts an IPv4 address by itself', () => {
    expect(clientNetwork('198.51.100.7')).toBe('198.51.100.7');
    expect(clientNetwork('198.51.100.8')).not.toBe(clientNetwork('198.51.100.7'));
  });

  test('counts every address of one IPv6 /64 as one network, however it is written', () => {
    const network = '2001:db8:0:1::/64';
    for (const address of [
      '2001:db8:0:1::1',
      '2001:DB8:0:1:ffff:ffff:ffff:ffff',
      '2001:0db8:0000:0001:0000:0000:0000:0002',
      '[2001:db8:0:1::3]',
      '2001:db8:0:1::4%eth0',
      '2001:db8:0:1:0:0:192.0.2.1',
    ])
      expect(clientNetwork(address), address).toBe(network);
    expect(clientNetwork('2001:db8:0:2::1')).toBe('2001:db8:0:2::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
  });

  test('counts an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(clientNetwork('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientNetwork('::ffff:c633:6407')).toBe('198.51.100.7');
  });

  test('leaves what is not an address as it is', () => {
    expect(clientNetwork('unknown')).toBe('unknown');
    expect(clientNetwork('2001:db8::1::2')).toBe('2001:db8::1::2');
  });
});
