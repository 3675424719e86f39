import { describe, expect, it } from 'vitest';
import { addressKind, isLocalAddress } from './local-address';
import { itReturns } from '../../shared/testing/returns';

describe('addressKind', () => {
  itReturns(addressKind, '%s is %s', [
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['::ffff:192.168.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:808:808::', 'public'],
    // The WHATWG URL parser's IPv4 forms, read here as it reads them.
    ['127.1', 'loopback'],
    ['0x7f.0.0.1', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['127.0.0.1.', 'loopback'],
    ['10.1', 'private'],
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['2606:4700::1111', 'public'],
    ['2001:4860:4860::8888', 'public'],
  ]);

  it.each([
    'localhost',
    'example.com',
    '256.0.0.1',
    '1.2.3.4.5',
    '09.0.0.1',
    '1::2::3',
    '12345::',
    'fe80:::1',
    '',
  ])('%j is not an address', (literal) => {
    expect(addressKind(literal)).toBeNull();
    expect(isLocalAddress(literal)).toBe(false);
  });

  it.each(['127.1', '0x7f.0.0.1', '0177.0.0.1', '2130706433', '[::ffff:127.0.0.1]', '[0::1]'])(
    'gives the same answer for %s as for what a URL makes of it',
    (host) => {
      const { hostname } = new URL(`http://${host}/`);
      expect(addressKind(hostname)).toBe('loopback');
      expect(addressKind(host)).toBe('loopback');
    },
  );
});
