import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { requestContext } from '../logger';
import type { Clock } from '../domain/clock';

export interface ScheduledTask {
  name: string;
  run(now: Date): Promise<void>;
}

export interface Scheduler {
  /** Runs every task once at the clock's now; what tests and the interval both call. */
  tick(): Promise<void>;
  start(): void;
  /** Stops the interval and waits for a tick in progress. */
  stop(): Promise<void>;
}

/**
 * Runs due work inside the bot process. Ticks never overlap in one instance; across instances each task makes its
 * own work exactly-once (claims in Cosmos), so any number of instances may run this.
 */
export function createScheduler(options: {
  tasks: ScheduledTask[];
  clock: Clock;
  intervalMs: number;
  logger: Logger;
}): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const tick = async (): Promise<void> => {
    const now = options.clock();
    for (const task of options.tasks) {
      try {
        await requestContext.run({ requestId: `${task.name}-${randomUUID()}` }, () => task.run(now));
      } catch (error) {
        options.logger.error({ err: error, task: task.name }, 'scheduled task failed');
      }
    }
  };

  return {
    tick,
    start() {
      if (options.intervalMs <= 0 || timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = tick().finally(() => {
          running = undefined;
        });
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
