import { createServer, type Server } from 'node:http';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/**
 * Stands in for the Bot Framework's token issuer: publishes an OpenID configuration and one signing key on
 * loopback, and signs tokens with it (or with a key it never published, to forge one).
 */
export class TokenIssuer {
  private readonly published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly unpublished = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: Server;

  get metadataUrl(): string {
    const { port } = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}/openidconfiguration`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const { port } = this.server?.address() as AddressInfo;
      const body =
        req.url === '/keys'
          ? {
              keys: [
                {
                  ...this.published.publicKey.export({ format: 'jwk' }),
                  kid: 'published',
                  use: 'sig',
                  endorsements: ['msteams'],
                },
              ],
            }
          : {
              issuer: 'https://api.botframework.com',
              jwks_uri: `http://127.0.0.1:${port}/keys`,
              id_token_signing_alg_values_supported: ['RS256'],
            };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  /** A Teams channel token for `audience` (the bot's app id) and `serviceUrl`, signed as asked. */
  token(options: { audience: string; serviceUrl: string; forged?: boolean }): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: 'published' };
    const payload = {
      iss: 'https://api.botframework.com',
      aud: options.audience,
      serviceurl: options.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
    };
    const data = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    const key: KeyObject = options.forged ? this.unpublished.privateKey : this.published.privateKey;
    return `${data}.${createSign('RSA-SHA256').update(data).sign(key).toString('base64url')}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
