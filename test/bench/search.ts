import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pLimit from 'p-limit';
import type { Network } from '../../src/domain/network';
import { NetworkIndex } from '../../src/search/network-index';
import { parseSearch } from '../../src/search/search-query';
import { createSearchService } from '../../src/search/search-service';
import { openCosmos } from '../../src/storage/cosmos-connection';
import { startEmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { createSearchSource, type SearchSource } from '../../src/storage/search-source';
import { createLogger } from '../../src/logger';
import { meetingStarting } from '../fixtures/meeting';
import { percentile } from './load';

const MEETINGS = 120;
const ITEMS_PER_MEETING = 12;
const DECISIONS_AND_NOTES = 3000;
const FOLLOW_UPS = 1000;
const SEARCHES = 200;
const NETWORKS = 200;
const WORDS = [
  'kompetensförsörjning',
  'branschråd',
  'nära vård',
  'budget',
  'hemtjänst',
  'struktur',
  'uppföljning',
  'samverkan',
  'digitalisering',
  'rekrytering',
];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

const network: Network = {
  networkId: 'bench-search',
  conversationId: '19:bench',
  status: 'active',
  settings: {
    name: 'Bench',
    chairs: [],
    language: 'sv',
    timeZone: 'Europe/Stockholm',
    agendaLeadDays: 7,
    retentionMonths: 0,
  },
  createdAt: '',
  updatedAt: '',
};
const sentence = (i: number) =>
  `Nätverket diskuterar ${WORDS[i % WORDS.length]} och ${WORDS[(i * 7) % WORDS.length]} i kommunerna; punkt ${i} om strukturen för arbetet framåt.`;

/**
 * A network with ten years of meetings (120 meetings, 1,440 items, 3,000 notes and decisions, 1,000 follow-ups) in
 * the embedded Cosmos: the first search (the index built from Cosmos), later searches, the heap one index takes,
 * and 200 such networks searched once each through the service (least recently used evicted).
 */
export async function searchBenchmark(): Promise<Record<string, unknown>> {
  const cosmos = await startEmbeddedCosmos();
  const connection = await openCosmos(
    {
      kind: 'remote',
      endpoint: cosmos.endpoint.replace('127.0.0.1', 'localhost'),
      key: 'k',
      database: 'bench',
      trustSelfSigned: true,
    } as never,
    createLogger('warn'),
  );
  try {
    const { containers } = connection;
    const limit = pLimit(16);
    const meetings = Array.from({ length: MEETINGS }, (_, m) =>
      meetingStarting(network.networkId, new Date(Date.UTC(2016 + Math.floor(m / 12), m % 12, 10, 8)), {
        meetingId: `00000000-0000-4000-8000-${String(m).padStart(12, '0')}`,
        title: `Nätverksmöte ${m}`,
        items: Array.from({ length: ITEMS_PER_MEETING }, (_, i) => ({
          title: `${WORDS[(m + i) % WORDS.length]} ${i}`,
          presenters: [],
          guests: [],
          slides: false,
        })),
        status: 'ended',
        minutesApprovedAt: '2026-01-01T00:00:00Z',
      }),
    );
    await Promise.all(
      meetings.map((m) =>
        limit(() =>
          containers.networks.items.create({ ...m, id: `meeting-${m.meetingId}`, type: 'meeting' }),
        ),
      ),
    );
    await Promise.all(
      Array.from({ length: DECISIONS_AND_NOTES }, (_, i) => {
        const meeting = meetings[i % MEETINGS]!;
        const base = {
          meetingId: meeting.meetingId,
          networkId: network.networkId,
          item: (i % ITEMS_PER_MEETING) + 1,
          text: sentence(i),
          createdBy: 'x',
          createdAt: meeting.startsAt,
        };
        return limit((): Promise<unknown> =>
          i % 2
            ? containers.meetings.items.create({
                ...base,
                id: `decision:${meeting.meetingId}:${i}`,
                type: 'decision',
                number: i,
                previous: [],
                status: 'active',
                updatedAt: meeting.startsAt,
              })
            : containers.meetings.items.create({
                ...base,
                id: `note:${meeting.meetingId}:${i}`,
                type: 'itemNote',
                noteId: String(i),
              }),
        );
      }),
    );
    await Promise.all(
      Array.from({ length: FOLLOW_UPS }, (_, i) => {
        const meeting = meetings[i % MEETINGS]!;
        return limit(() =>
          containers.followUps.items.create({
            id: `followUp-${i}`,
            type: 'followUp',
            networkId: network.networkId,
            followUpId: String(i),
            meetingId: meeting.meetingId,
            item: 1,
            owner: { kind: 'organisation', name: i % 2 ? 'GR' : 'Kungälv' },
            text: sentence(i),
            status: i % 3 ? 'done' : 'open',
            changes: [],
            revision: 0,
            createdBy: 'x',
            createdAt: meeting.startsAt,
            updatedAt: meeting.startsAt,
          }),
        );
      }),
    );
    const source = createSearchSource(containers);
    const service = createSearchService(source);
    let started = performance.now();
    const first = (await service.index(network, new Date())).search(parseSearch('branschråd'), {
      drafts: true,
    }).length;
    const firstMs = performance.now() - started;
    const times: number[] = [];
    for (let i = 0; i < SEARCHES; i += 1) {
      started = performance.now();
      (await service.index(network, new Date())).search(
        parseSearch(`${WORDS[i % WORDS.length]} ${i % 3 ? 'beslut' : ''}`),
        { drafts: false },
      );
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);

    // The heap one index holds: five built from the same content, kept, measured after a collection.
    const content = await source.load(network.networkId);
    const before = heapMb();
    const kept = Array.from({ length: 5 }, () => new NetworkIndex(content, 'sv'));
    const perIndexMb = (heapMb() - before) / kept.length;
    const documents = kept[0]!.size;
    kept.length = 0;

    // 200 such networks searched once each through one service: its bound evicts the coldest.
    const many: SearchSource = {
      load: () => Promise.resolve(content),
      version: () => Promise.resolve({ stamp: 'x', newestSeconds: 0 }),
    };
    const serviceOfMany = createSearchService(many);
    const heapBefore = heapMb();
    for (let n = 0; n < NETWORKS; n += 1)
      (await serviceOfMany.index({ ...network, networkId: `bench-${n}` }, new Date())).search(
        parseSearch('budget'),
        { drafts: true },
      );
    const manyHeapMb = heapMb() - heapBefore;
    return {
      network: {
        meetings: MEETINGS,
        items: MEETINGS * ITEMS_PER_MEETING,
        decisionsAndNotes: DECISIONS_AND_NOTES,
        followUps: FOLLOW_UPS,
        indexedDocuments: documents,
      },
      firstSearchMs: Number(firstMs.toFixed(1)),
      firstSearchHits: first,
      laterSearches: {
        runs: SEARCHES,
        p50Ms: Number(percentile(times, 50).toFixed(2)),
        p95Ms: Number(percentile(times, 95).toFixed(2)),
      },
      heapPerIndexMb: Number(perIndexMb.toFixed(2)),
      twoHundredNetworks: {
        heapMb: Number(manyHeapMb.toFixed(1)),
        rssMb: Number((process.memoryUsage().rss / 1024 / 1024).toFixed(1)),
      },
      targets: {
        firstSearchUnder1500Ms: firstMs < 1500,
        laterP95Under50Ms: percentile(times, 95) < 50,
        heapPerIndexUnder5Mb: perIndexMb < 5,
        twoHundredNetworksUnder300Mb: manyHeapMb < 300,
      },
    };
  } finally {
    await connection.close();
    await cosmos.close();
  }
}
