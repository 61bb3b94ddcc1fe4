import { metrics, type Counter } from '@opentelemetry/api';

export interface Counters {
  /** Turns the bot ran (authenticated, allowed activities), by activity type. */
  turns: Counter;
  /** Turns that ended in an error: `refused` (bad input, storage unavailable) or `failed` (a bug). */
  turnErrors: Counter;
  /** Reminders delivered, by where (`personal`, `chat`). */
  remindersSent: Counter;
  /** Reminders Teams did not take this time (`deferred`) or ever (`given-up`, `nowhere`). */
  remindersFailed: Counter;
}

let counters: Counters | undefined;

/**
 * The app's counters, through the OpenTelemetry API: exported to Azure Monitor when a connection string is set
 * (start-telemetry.ts), otherwise to whatever meter provider is registered (tests), or nowhere. Created on first use,
 * after the provider is in place.
 */
export function telemetry(): Counters {
  if (!counters) {
    const meter = metrics.getMeter('anteckna');
    counters = {
      turns: meter.createCounter('anteckna.turns', { description: 'Turns run' }),
      turnErrors: meter.createCounter('anteckna.turn_errors', {
        description: 'Turns that ended in an error',
      }),
      remindersSent: meter.createCounter('anteckna.reminders_sent', { description: 'Reminders delivered' }),
      remindersFailed: meter.createCounter('anteckna.reminders_failed', {
        description: 'Reminders not delivered',
      }),
    };
  }
  return counters;
}
