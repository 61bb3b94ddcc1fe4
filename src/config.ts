import { existsSync } from 'node:fs';
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const flag = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform((value) => value === 'true');

/**
 * Every setting the process reads. `.env.example` lists exactly these keys (a unit test checks it).
 * Empty values count as unset so a copied `.env.example` with blanks behaves like no setting.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BOT_ID: z.string().uuid({ message: "must be the bot's Microsoft app id (a GUID)" }).optional(),
    BOT_PASSWORD: z.string().min(1).optional(),
    BOT_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
    BOT_TENANT_ID: z.string().uuid({ message: 'must be a tenant id (a GUID)' }).optional(),
    BOT_OPENID_METADATA_URL: z.string().url().optional(),
    COSMOS_ENDPOINT: z
      .string()
      .url({ message: 'must be a URL such as https://<account>.documents.azure.com:443/' })
      .optional(),
    COSMOS_KEY: z.string().min(1).optional(),
    COSMOS_DATABASE: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,255}$/, { message: 'letters, digits, - and _ only' })
      .default('anteckna'),
    COSMOS_MANAGED_IDENTITY_CLIENT_ID: z.string().uuid().optional(),
    COSMOS_TRUST_SELF_SIGNED: flag.default('false'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    SEND_RATE_PER_CONVERSATION: z.coerce.number().min(0.1).max(7).default(6.8),
    SEND_RATE_PER_TENANT: z.coerce.number().min(0.1).max(50).default(49),
    SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    GRAPH_BASE_URL: z
      .string()
      .url({ message: 'must be a URL such as https://graph.microsoft.com' })
      .optional(),
    /** Tests only: lets the import download a file from a loopback address (the connector stub). */
    IMPORT_LOOPBACK_DOWNLOADS: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
    PUBLIC_BASE_URL: z
      .string()
      .url({ message: 'must be the https address Teams users reach the bot at' })
      .optional(),
    DOWNLOAD_SIGNING_KEY: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().min(1).optional(),
    TELEMETRY_MANAGED_IDENTITY_CLIENT_ID: z.string().uuid().optional(),
    ALLOWED_TENANT_IDS: z
      .string()
      .transform((list) => list.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.string().uuid({ message: 'must be tenant ids (GUIDs), comma-separated' })).min(1))
      .optional(),
  })
  .superRefine((env, ctx) => {
    const need = (key: keyof typeof env, why: string): void => {
      if (env[key] === undefined)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: `required ${why}` });
    };
    const production = env.NODE_ENV === 'production';
    if (production) {
      // Without an app id botbuilder runs anonymously and accepts any POST as a Teams activity.
      need('BOT_ID', 'when NODE_ENV=production (without it the bot accepts unauthenticated requests)');
      need(
        'COSMOS_ENDPOINT',
        'when NODE_ENV=production (the embedded Cosmos server keeps data in memory only)',
      );
      need('PUBLIC_BASE_URL', 'when NODE_ENV=production (download links of minutes point at it)');
      need(
        'DOWNLOAD_SIGNING_KEY',
        'when NODE_ENV=production (download links must verify on every instance and after a restart)',
      );
      need('ALLOWED_TENANT_IDS', 'when NODE_ENV=production (the tenants whose chats the bot serves)');
      if (env.BOT_OPENID_METADATA_URL !== undefined)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['BOT_OPENID_METADATA_URL'],
          message: "not allowed when NODE_ENV=production: tokens must be checked against Microsoft's keys",
        });
    }
    if (production && env.PUBLIC_BASE_URL !== undefined && !env.PUBLIC_BASE_URL.startsWith('https://'))
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['PUBLIC_BASE_URL'],
        message: 'must be the https address Teams users reach the bot at when NODE_ENV=production',
      });
    if (production && env.IMPORT_LOOPBACK_DOWNLOADS)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['IMPORT_LOOPBACK_DOWNLOADS'],
        message: 'not allowed when NODE_ENV=production: files are fetched from SharePoint and OneDrive only',
      });
    if (production || env.BOT_ID !== undefined) {
      const when = production ? 'when NODE_ENV=production' : 'when BOT_ID is set';
      if (env.BOT_TYPE !== 'UserAssignedMSI') need('BOT_PASSWORD', `${when} and BOT_TYPE=${env.BOT_TYPE}`);
      if (env.BOT_TYPE !== 'MultiTenant') need('BOT_TENANT_ID', `${when} and BOT_TYPE=${env.BOT_TYPE}`);
    }
    if (env.COSMOS_TRUST_SELF_SIGNED) {
      const host = env.COSMOS_ENDPOINT ? new URL(env.COSMOS_ENDPOINT).hostname : undefined;
      if (production || host === undefined || !LOOPBACK_HOSTS.has(host)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['COSMOS_TRUST_SELF_SIGNED'],
          message: 'only allowed outside production, for a COSMOS_ENDPOINT on localhost (a local emulator)',
        });
      }
    }
  });

export type ConfigKey = keyof z.input<typeof configSchema>;

export interface BotCredentials {
  appId: string;
  password?: string;
  type: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  tenantId?: string;
  /** Where inbound tokens' signing keys are published; only tests point it elsewhere than Microsoft's. */
  openIdMetadataUrl?: string;
}

export type CosmosSettings =
  | { kind: 'embedded'; database: string }
  | {
      kind: 'remote';
      endpoint: string;
      key?: string;
      managedIdentityClientId?: string;
      trustSelfSigned: boolean;
      database: string;
    };

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bot?: BotCredentials;
  cosmos: CosmosSettings;
  shutdownGraceMs: number;
  /** How often due work (agenda posting) is looked for; 0 turns the scheduler off in this instance. */
  schedulerIntervalMs: number;
  /**
   * What this instance sends at most per second (Teams: 7 per conversation, 50 per tenant). With several
   * instances sending reminders, give each its share of the tenant's 50.
   */
  sendRates: { perConversation: number; perTenant: number };
  /** How long a proactive send may wait for Teams' answer. */
  sendTimeoutMs: number;
  /**
   * Microsoft Graph, read to tell whether a reminder a dead instance was sending reached its chat; undefined (no
   * app id and no GRAPH_BASE_URL): not read, such a reminder is sent again.
   */
  graphBaseUrl?: string;
  /** Tests only: the import may fetch a file from loopback (never in production). */
  importLoopbackDownloads: boolean;
  /** Where users' browsers reach this server, for download links; undefined: this process's own address. */
  publicBaseUrl?: string;
  /** Signs download links; undefined outside production: a random key for this process. */
  downloadSigningKey?: string;
  /** Application Insights: counters, traces and logs go there through OpenTelemetry when set. */
  telemetryConnectionString?: string;
  /** The managed identity telemetry is published with (Application Insights with local authentication off). */
  telemetryIdentityClientId?: string;
  /** Tenants whose conversations the bot serves (lower case); undefined: all (local and tests only). */
  allowedTenantIds?: ReadonlySet<string>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Anteckna cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  const keys = Object.keys(configSchema.innerType().shape);
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key]?.trim();
    if (value) picked[key] = value;
  }
  return picked;
}

/** Validates the environment; throws one ConfigError naming every problem. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    bot: e.BOT_ID
      ? {
          appId: e.BOT_ID,
          password: e.BOT_PASSWORD,
          type: e.BOT_TYPE,
          tenantId: e.BOT_TENANT_ID,
          ...(e.BOT_OPENID_METADATA_URL ? { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL } : {}),
        }
      : undefined,
    cosmos: e.COSMOS_ENDPOINT
      ? {
          kind: 'remote',
          endpoint: e.COSMOS_ENDPOINT,
          key: e.COSMOS_KEY,
          managedIdentityClientId: e.COSMOS_MANAGED_IDENTITY_CLIENT_ID,
          trustSelfSigned: e.COSMOS_TRUST_SELF_SIGNED,
          database: e.COSMOS_DATABASE,
        }
      : { kind: 'embedded', database: e.COSMOS_DATABASE },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    sendRates: { perConversation: e.SEND_RATE_PER_CONVERSATION, perTenant: e.SEND_RATE_PER_TENANT },
    sendTimeoutMs: e.SEND_TIMEOUT_MS,
    ...(e.GRAPH_BASE_URL || e.BOT_ID
      ? { graphBaseUrl: e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com' }
      : {}),
    importLoopbackDownloads: e.IMPORT_LOOPBACK_DOWNLOADS,
    ...(e.PUBLIC_BASE_URL ? { publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, '') } : {}),
    ...(e.DOWNLOAD_SIGNING_KEY ? { downloadSigningKey: e.DOWNLOAD_SIGNING_KEY } : {}),
    ...(e.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? { telemetryConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING }
      : {}),
    ...(e.TELEMETRY_MANAGED_IDENTITY_CLIENT_ID
      ? { telemetryIdentityClientId: e.TELEMETRY_MANAGED_IDENTITY_CLIENT_ID }
      : {}),
    ...(e.ALLOWED_TENANT_IDS
      ? { allowedTenantIds: new Set(e.ALLOWED_TENANT_IDS.map((id) => id.toLowerCase())) }
      : {}),
  };
}

/** Loads `.env` from the working directory when present (Node's own parser), then validates. */
export function loadConfig(path = '.env'): AppConfig {
  if (existsSync(path)) process.loadEnvFile(path);
  return readConfig(process.env);
}
