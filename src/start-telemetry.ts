import { ManagedIdentityCredential } from '@azure/identity';
import type * as AzureMonitor from '@azure/monitor-opentelemetry';
import type { HttpInstrumentationConfig } from '@opentelemetry/instrumentation-http';
import { carriesLinkToken } from './http/download-links';

/**
 * Sends the counters (src/telemetry.ts), and the distro's traces and logs, to Application Insights when it is
 * configured. Kept apart so only the process entry loads the exporter, and loaded only when configured: the
 * distro and its instrumentations are some 45 MB of a process's memory. Synchronous, so it patches `http` before
 * the rest of the bot loads.
 */
export function startTelemetry(connectionString: string | undefined, identityClientId?: string): void {
  if (!connectionString) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above
  const { useAzureMonitor } = require('@azure/monitor-opentelemetry') as typeof AzureMonitor;
  // With Application Insights' local authentication off, telemetry is accepted only from an Entra identity.
  const credential = identityClientId
    ? new ManagedIdentityCredential({ clientId: identityClientId })
    : undefined;
  // The distro hands these to OpenTelemetry's HttpInstrumentation (its own type says only `enabled`).
  const http: HttpInstrumentationConfig = {
    enabled: true,
    ignoreIncomingRequestHook: (request) => carriesLinkToken(request.url ?? ''),
  };
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, ...(credential ? { credential } : {}) },
    // A download's URL carries its link (the token in the query): it is not recorded as a request span.
    instrumentationOptions: { http },
  });
}
