import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configSchema, readConfig } from '../../src/config';

const expectProblems = (env: Record<string, string>): string[] => {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('readConfig accepted the environment');
};

describe('readConfig', () => {
  it('runs locally with no settings at all: embedded Cosmos, anonymous bot, port 3978', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3978,
      host: '0.0.0.0',
      cosmos: { kind: 'embedded', database: 'anteckna' },
    });
    expect(config.bot).toBeUndefined();
    // Nothing to read Graph with: a reminder a stopped instance was sending is sent again.
    expect(config.graphBaseUrl).toBeUndefined();
  });

  it('treats blank values as unset, as in a copied .env.example', () => {
    expect(readConfig({ BOT_ID: '', COSMOS_ENDPOINT: '  ', PORT: '' }).cosmos.kind).toBe('embedded');
  });

  it('refuses production without bot credentials or Cosmos, naming every missing setting at once', () => {
    const problems = expectProblems({ NODE_ENV: 'production' });
    const keys = problems.map((p) => p.split(':')[0]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'BOT_ID',
        'BOT_PASSWORD',
        'BOT_TENANT_ID',
        'COSMOS_ENDPOINT',
        'PUBLIC_BASE_URL',
        'DOWNLOAD_SIGNING_KEY',
        'ALLOWED_TENANT_IDS',
      ]),
    );
    expect(problems.find((p) => p.startsWith('BOT_ID'))).toMatch(/unauthenticated/);
  });

  it('lists every invalid value, not only the first', () => {
    const problems = expectProblems({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      COSMOS_ENDPOINT: 'not a url',
      BOT_ID: 'x',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'BOT_ID',
      'COSMOS_ENDPOINT',
      'LOG_LEVEL',
      'PORT',
    ]);
  });

  it('accepts a production setup with managed identity for the bot and Cosmos', () => {
    const config = readConfig({
      NODE_ENV: 'production',
      BOT_ID: '11111111-2222-3333-4444-555555555555',
      BOT_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: '66666666-7777-8888-9999-000000000000',
      COSMOS_ENDPOINT: 'https://anteckna.documents.azure.com:443/',
      PUBLIC_BASE_URL: 'https://anteckna-bot.azurewebsites.net/',
      DOWNLOAD_SIGNING_KEY: 's'.repeat(44),
      ALLOWED_TENANT_IDS: '66666666-7777-8888-9999-000000000000, AAAAAAAA-7777-8888-9999-000000000000',
    });
    expect(config.publicBaseUrl).toBe('https://anteckna-bot.azurewebsites.net');
    expect(config.allowedTenantIds).toEqual(
      new Set(['66666666-7777-8888-9999-000000000000', 'aaaaaaaa-7777-8888-9999-000000000000']),
    );
    expect(config.bot).toEqual({
      appId: '11111111-2222-3333-4444-555555555555',
      password: undefined,
      type: 'UserAssignedMSI',
      tenantId: '66666666-7777-8888-9999-000000000000',
    });
    expect(config.cosmos).toMatchObject({ kind: 'remote', key: undefined, trustSelfSigned: false });
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.com');
  });

  it('refuses a PUBLIC_BASE_URL that is not https in production, and says so', () => {
    const production = {
      NODE_ENV: 'production',
      BOT_ID: '11111111-2222-3333-4444-555555555555',
      BOT_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: '66666666-7777-8888-9999-000000000000',
      COSMOS_ENDPOINT: 'https://anteckna.documents.azure.com:443/',
      DOWNLOAD_SIGNING_KEY: 's'.repeat(44),
      ALLOWED_TENANT_IDS: '66666666-7777-8888-9999-000000000000',
    };
    expect(() =>
      readConfig({ ...production, PUBLIC_BASE_URL: 'http://anteckna-bot.azurewebsites.net/' }),
    ).toThrow(/PUBLIC_BASE_URL: must be the https address/);
    expect(readConfig({ PUBLIC_BASE_URL: 'http://localhost:3978/' }).publicBaseUrl).toBe(
      'http://localhost:3978',
    );
  });

  it('allows trusting a self-signed certificate only for a local emulator outside production', () => {
    expect(
      readConfig({ COSMOS_ENDPOINT: 'https://localhost:8081/', COSMOS_TRUST_SELF_SIGNED: 'true' }).cosmos,
    ).toMatchObject({
      trustSelfSigned: true,
    });
    expect(
      expectProblems({
        COSMOS_ENDPOINT: 'https://example.documents.azure.com/',
        COSMOS_TRUST_SELF_SIGNED: 'true',
      }),
    ).toEqual([expect.stringMatching(/^COSMOS_TRUST_SELF_SIGNED: only allowed/)]);
  });

  it('requires the secret when a bot id is set, even locally', () => {
    expect(
      expectProblems({ BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_TYPE: 'MultiTenant' }),
    ).toEqual([expect.stringMatching(/^BOT_PASSWORD: required when BOT_ID is set/)]);
  });
});

describe('.env.example', () => {
  it('lists exactly the keys of the config schema', () => {
    const text = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
    const keys = text
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(keys.sort()).toEqual(Object.keys(configSchema.innerType().shape).sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds no secret values', () => {
    const text = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
    expect(text).toMatch(/^BOT_PASSWORD=$/m);
    expect(text).toMatch(/^COSMOS_KEY=$/m);
  });
});
