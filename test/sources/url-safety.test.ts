import { describe, expect, it } from 'vitest';
import { checkSourceUrl, isPrivateAddress, type LookupFn } from '../../src/sources/url-safety.ts';

const resolvesTo = (...addresses: string[]): LookupFn => async () =>
  addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const publicDns = resolvesTo('93.184.215.14');

describe('checkSourceUrl', () => {
  it('accepts public http and https URLs and adds a missing scheme', async () => {
    expect(await checkSourceUrl('https://news.example.com/rss', { allowPrivate: false, lookup: publicDns })).toEqual({
      ok: true,
      url: 'https://news.example.com/rss',
    });
    expect(await checkSourceUrl(' news.example.com/feed ', { allowPrivate: false, lookup: publicDns })).toEqual({
      ok: true,
      url: 'https://news.example.com/feed',
    });
  });

  it('refuses other schemes, credentials and garbage', async () => {
    for (const url of ['ftp://example.com/feed', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/', 'not a url']) {
      expect((await checkSourceUrl(url, { allowPrivate: true, lookup: publicDns })).ok).toBe(false);
    }
  });

  it('refuses loopback, private and link-local addresses, however they are written', async () => {
    const urls = [
      'http://localhost:8080/feed', 'http://api.localhost/', 'http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/',
      'http://10.1.2.3/', 'http://172.16.0.1/', 'http://172.31.255.255/', 'http://192.168.1.1/', 'http://169.254.169.254/latest',
      'http://[::1]/', 'http://[fc00::1]/', 'http://[fd12:3456::1]/', 'http://[fe80::1]/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/',
    ];
    for (const url of urls) {
      const verdict = await checkSourceUrl(url, { allowPrivate: false, lookup: publicDns });
      expect(verdict.ok, url).toBe(false);
    }
    expect((await checkSourceUrl('http://172.32.0.1/', { allowPrivate: false, lookup: publicDns })).ok).toBe(true);
  });

  it('refuses names that resolve to a private address', async () => {
    const verdict = await checkSourceUrl('https://intranet.example.com/rss', {
      allowPrivate: false,
      lookup: resolvesTo('93.184.215.14', '10.0.0.5'),
    });
    expect(verdict).toEqual({ ok: false, reason: 'intranet.example.com resolves to private address 10.0.0.5, which is not allowed' });
  });

  it('allows private addresses when the deployment says so', async () => {
    expect((await checkSourceUrl('http://127.0.0.1:3000/feed', { allowPrivate: true })).ok).toBe(true);
    expect((await checkSourceUrl('http://intranet/rss', { allowPrivate: true, lookup: resolvesTo('10.0.0.5') })).ok).toBe(true);
  });

  it('reports hosts that do not resolve', async () => {
    const failing: LookupFn = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    expect(await checkSourceUrl('https://no-such-host.example/', { allowPrivate: false, lookup: failing })).toEqual({
      ok: false,
      reason: 'host no-such-host.example not found',
    });
  });
});

describe('isPrivateAddress', () => {
  it('knows the public from the private ranges', () => {
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2a00:1450:4001:80b::200e')).toBe(false);
    expect(isPrivateAddress('100.64.0.1')).toBe(true);
    expect(isPrivateAddress('::ffff:7f00:1')).toBe(true);
    expect(isPrivateAddress('ff02::1')).toBe(true);
  });
});
