import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import pino from 'pino';
import { openCosmos } from '../../src/storage/cosmos-connection';
import { startEmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { createPersonData } from '../../src/storage/person-data';

/** A network's three years (the default retention): monthly meetings of 40 members, most of them answering. */
const NETWORKS = 6;
const MEETINGS = 36;
const MEMBERS = 40;
/** Teams gives an invoke about 5 s; the chair's Open and Erase are invokes. */
const INVOKE_LIMIT_MS = 5000;

const person = (n: number) => ({
  aadObjectId: `aad-${n}`,
  userId: `29:user-${n}`,
  name: `Person ${n} Testsson`,
});

/** The documents of one network, every member in every meeting, as the bot stores them. */
function networkDocuments(
  networkId: string,
): { container: 'networks' | 'meetings' | 'followUps'; doc: object }[] {
  const at = '2026-06-01T08:00:00.000Z';
  const people = Array.from({ length: MEMBERS }, (_, n) => person(n));
  const docs: { container: 'networks' | 'meetings' | 'followUps'; doc: object }[] = [
    {
      container: 'networks',
      doc: {
        id: networkId,
        type: 'network',
        networkId,
        conversationId: `19:${networkId}@thread.v2`,
        status: 'active',
        settings: { name: networkId, chairs: [{ aadObjectId: 'aad-chair', name: 'Ordförande' }] },
        createdAt: at,
        updatedAt: at,
      },
    },
    ...people.map((p) => ({
      container: 'networks' as const,
      doc: { id: `member-${p.userId}`, type: 'member', networkId, ...p, status: 'member', updatedAt: at },
    })),
  ];
  for (let m = 0; m < MEETINGS; m += 1) {
    const meetingId = randomUUID();
    const base = { meetingId, networkId };
    docs.push({
      container: 'networks',
      doc: {
        id: `meeting-${meetingId}`,
        type: 'meeting',
        ...base,
        title: `Nätverksmöte ${m}`,
        items: [],
        createdBy: 'aad-chair',
      },
    });
    for (const p of people) {
      docs.push({
        container: 'meetings',
        doc: {
          id: `rsvp:${meetingId}:${p.userId}`,
          type: 'rsvp',
          ...base,
          ...p,
          answer: 'yes',
          answeredAt: at,
        },
      });
      docs.push({
        container: 'meetings',
        doc: {
          id: `att:${meetingId}:${p.userId}`,
          type: 'attendance',
          ...base,
          personKey: p.aadObjectId,
          userId: p.userId,
          name: p.name,
          present: true,
          sources: ['checkIn'],
          updatedAt: at,
        },
      });
    }
    for (let d = 0; d < 6; d += 1) {
      const by = people[(m + d) % MEMBERS]!;
      const text = `Nätverket beslutar i fråga ${d}; ${people[(m + d + 1) % MEMBERS]!.name} återkommer.`;
      docs.push({
        container: 'meetings',
        doc: {
          id: `decision:${meetingId}:${d}`,
          type: 'decision',
          ...base,
          number: d + 1,
          text,
          previous: [],
          status: 'active',
          createdBy: 'aad-chair',
          createdAt: at,
          updatedAt: at,
        },
      });
      docs.push({
        container: 'meetings',
        doc: {
          id: `note:${meetingId}:${d}`,
          type: 'itemNote',
          ...base,
          noteId: `${d}`,
          text,
          createdBy: by.aadObjectId,
          createdAt: at,
        },
      });
      docs.push({
        container: 'followUps',
        doc: {
          id: `fu:${randomUUID()}`,
          type: 'followUp',
          ...base,
          followUpId: randomUUID(),
          owner: { kind: 'member', name: by.name, userId: by.userId, aadObjectId: by.aadObjectId },
          text: 'skickar underlag',
          status: 'done',
          changes: [{ kind: 'done', at, by: by.aadObjectId }],
          createdBy: 'aad-chair',
          createdAt: at,
          updatedAt: at,
        },
      });
    }
    const minutes = {
      networkName: networkId,
      meetingTitle: `Nätverksmöte ${m}`,
      date: { year: 2026, month: 6, day: 1 },
      present: [{ staff: false, people: people.map((p) => ({ name: p.name, organisation: 'Kungälv' })) }],
      guests: [],
      absent: [],
      items: [],
      other: { notes: [], decisions: [], followUps: [] },
      upcoming: [],
    };
    docs.push({
      container: 'meetings',
      doc: {
        id: `minutes:${meetingId}:1`,
        type: 'minutes',
        ...base,
        version: 1,
        status: 'approved',
        language: 'sv',
        minutes,
        createdBy: 'aad-chair',
        createdAt: at,
        updatedAt: at,
        approvedBy: 'aad-chair',
        approvedAt: at,
      },
    });
  }
  return docs;
}

/**
 * The chair's export and erasure of one member in a network with three years of meetings, beside five more networks
 * like it, and the administrator's across all of them; in-process against the embedded Cosmos. Each reads its
 * scope twice (the names first), so its time follows the scope's documents.
 */
export async function personDataBenchmark() {
  const cosmos = await startEmbeddedCosmos();
  const connection = await openCosmos(
    {
      kind: 'remote',
      endpoint: cosmos.endpoint,
      key: 'embedded-cosmos-has-no-key',
      trustSelfSigned: true,
      database: 'anteckna-person-data-bench',
    },
    pino({ level: 'silent' }),
  );
  try {
    const limit = pLimit(32);
    const networkIds = Array.from({ length: NETWORKS }, (_, i) => `bench-network-${i}`);
    let documents = 0;
    for (const networkId of networkIds) {
      const docs = networkDocuments(networkId);
      documents += docs.length;
      await Promise.all(
        docs.map(({ container, doc }) => limit(() => connection.containers[container].items.create(doc))),
      );
    }
    const people = createPersonData(connection.containers);
    const time = async <T>(what: () => Promise<T>) => {
      const started = performance.now();
      const result = await what();
      return { ms: Number((performance.now() - started).toFixed(0)), result };
    };
    const chairExport = await time(() => people.exportData(person(1), networkIds[0]));
    const chairErase = await time(() => people.erase(person(1), networkIds[0]));
    const adminExport = await time(() => people.exportData(person(2)));
    const adminErase = await time(() => people.erase(person(2)));
    const count = (exported: Record<string, unknown[]>) => Object.values(exported).flat().length;
    return {
      networks: NETWORKS,
      meetingsPerNetwork: MEETINGS,
      membersPerNetwork: MEMBERS,
      documents,
      chairExport: { ms: chairExport.ms, documentsFound: count(chairExport.result) },
      chairErase: { ms: chairErase.ms, ...chairErase.result },
      adminExport: { ms: adminExport.ms, documentsFound: count(adminExport.result) },
      adminErase: { ms: adminErase.ms, ...adminErase.result },
      invokeLimitMs: INVOKE_LIMIT_MS,
      targets: {
        chairExportWithinInvoke: chairExport.ms < INVOKE_LIMIT_MS,
        chairEraseWithinInvoke: chairErase.ms < INVOKE_LIMIT_MS,
      },
      note:
        'The chair’s Open (counts and export link) and Erase are Action.Execute invokes, answered within Teams’ ~5 s; ' +
        'the administrator’s command has no such limit. Embedded server, in-process, on this machine.',
    };
  } finally {
    await connection.close();
    await cosmos.close();
  }
}
