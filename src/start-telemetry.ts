import { useAzureMonitor } from '@azure/monitor-opentelemetry';

/**
 * Sends the counters (src/telemetry.ts), and the distro's traces and logs, to Application Insights when it is
 * configured. Kept apart so only the process entry loads the exporter.
 */
export function startTelemetry(connectionString: string | undefined): void {
  if (connectionString) useAzureMonitor({ azureMonitorExporterOptions: { connectionString } });
}
