import { DateTime } from 'luxon';
import { retentionMonthsOf, type NetworkSettings } from './network';

/**
 * Meetings that ended before this instant are past the network's retention period; undefined when the network
 * keeps its records (0 months).
 */
export function retentionCutoff(settings: NetworkSettings, now: Date): Date | undefined {
  const months = retentionMonthsOf(settings);
  if (months === 0) return undefined;
  return DateTime.fromJSDate(now, { zone: settings.timeZone }).minus({ months }).toJSDate();
}
