import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

/**
 * Bot Framework tokens for threat tests, and a loopback stand-in for the Bot Framework's OpenID
 * metadata and signing keys (login.botframework.com cannot be reached here). botbuilder's own
 * validator checks every token: the only change is where it fetches the published keys from.
 */

/** The metadata address botbuilder reads channel keys from (its default for the public cloud). */
const CHANNEL_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export function signingKey(kid: string): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey: createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })) };
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RS256 JWT as the Bot Connector service signs one. */
export function botFrameworkToken(key: SigningKey, claims: Record<string, unknown>, kid = key.kid): string {
  const head = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url(claims)}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), key.privateKey).toString('base64url')}`;
}

export interface PublishedKeys {
  url: string;
  close(): Promise<void>;
}

/**
 * Publishes `trusted` as the Bot Framework's only signing key (endorsed for Teams) on loopback and
 * points botbuilder's channel-token validation at it.
 */
export async function publishChannelKeys(trusted: SigningKey): Promise<PublishedKeys> {
  const jwk = createPublicKey(trusted.privateKey).export({ format: 'jwk' }) as { n: string; e: string };
  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') return void res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` }));
    if (req.url === '/keys') return void res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: trusted.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`;
  const require = createRequire(import.meta.url);
  const { JwtTokenExtractor } = require('botframework-connector/lib/auth/jwtTokenExtractor.js');
  const { OpenIdMetadata } = require('botframework-connector/lib/auth/openIdMetadata.js');
  const cache = JwtTokenExtractor.openIdMetadataCache as Map<string, unknown>;
  const previous = cache.get(CHANNEL_METADATA_URL);
  cache.set(CHANNEL_METADATA_URL, new OpenIdMetadata(url));
  return {
    url,
    async close() {
      if (previous === undefined) cache.delete(CHANNEL_METADATA_URL);
      else cache.set(CHANNEL_METADATA_URL, previous);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
