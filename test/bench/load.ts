import { Agent, request } from 'node:http';

/** Latency percentiles and throughput of a batch of requests run at a fixed concurrency. */
export interface LoadFigures {
  concurrency: number;
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Non-200 answers and failed requests. */
  errors: number;
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** One POST of JSON on a kept-alive connection (node:http costs the load generator less CPU than fetch). */
function post(agent: Agent, url: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Posts each body to `url` with at most `concurrency` in flight (a closed loop: each worker sends its next as soon
 * as its last is answered). `check` says whether an answer counts as a success.
 */
export async function runLoad(
  url: string,
  bodies: unknown[],
  concurrency: number,
  check: (status: number, body: unknown) => boolean = (status) => status === 200,
  /** Called with how many have been answered so far, after each answer. */
  onAnswered: (count: number) => void = () => undefined,
): Promise<LoadFigures & { answers: { status: number; body: unknown }[] }> {
  const latencies: number[] = [];
  const answers: { status: number; body: unknown }[] = new Array(bodies.length);
  let errors = 0;
  let next = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const index = next++;
      const begin = performance.now();
      try {
        const response = await post(agent, target, JSON.stringify(bodies[index]));
        const { text } = response;
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: kept as text
        }
        answers[index] = { status: response.status, body };
        if (!check(response.status, body)) errors += 1;
      } catch (error) {
        answers[index] = { status: 0, body: String(error) };
        errors += 1;
      }
      latencies.push(performance.now() - begin);
      onAnswered(latencies.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    requests: bodies.length,
    seconds: round(seconds, 2),
    perSecond: round(bodies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? 0),
    errors,
    answers,
  };
}
