import { metrics } from '@opentelemetry/api';
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { meetingStarting } from '../fixtures/meeting';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';

/** Reads what the counters hold when asked, as an exporter would. */
class ReadOnDemand extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const reader = new ReadOnDemand();
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));

/** The sum of a counter's points whose attributes include `attributes`. */
function total(result: ResourceMetrics, name: string, attributes: Record<string, string> = {}): number {
  const metric = result.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name);
  return (metric?.dataPoints ?? [])
    .filter((point) => Object.entries(attributes).every(([key, value]) => point.attributes[key] === value))
    .reduce((sum, point) => sum + (point.value as number), 0);
}

describe('counters (OpenTelemetry)', () => {
  let now = new Date('2026-11-23T09:00:00Z');
  const suite = withBotAndConnector({}, () => now);
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const { say } = chatMember(suite, () => network);

  it('counts turns, turn errors and reminders sent', async () => {
    network = await setUpNetwork(suite.bot, suite.connector, '19:telemetry@thread.v2');
    const before = (await reader.collect()).resourceMetrics;
    await say('hjälp');
    await suite.bot.deps.meetings.create(
      meetingStarting(network.networkId, new Date(now.getTime() + 1800_000)),
    );
    await say('starta möte');
    await say('uppgift <at>Sara Lind</at> svarar senast 3 december');
    now = new Date('2026-11-30T07:00:00Z');
    await suite.bot.scheduler.tick();
    await suite.bot.cosmos.close();
    await say('möten');

    const after = (await reader.collect()).resourceMetrics;
    expect(
      total(after, 'anteckna.turns', { type: 'message' }) -
        total(before, 'anteckna.turns', { type: 'message' }),
    ).toBe(4);
    expect(total(after, 'anteckna.turn_errors', { kind: 'refused' })).toBe(1);
    expect(total(after, 'anteckna.reminders_sent', { via: 'personal' })).toBe(1);
    expect(total(after, 'anteckna.reminders_failed')).toBe(0);
  });
});
