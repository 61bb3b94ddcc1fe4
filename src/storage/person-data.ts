import { randomUUID } from 'node:crypto';
import { attendanceId } from './attendance-repository';
import type { Container, ItemDefinition } from '@azure/cosmos';
import type { ContainerName } from './containers';
import { storageUnavailable } from './cosmos-errors';
import { personalDocumentId } from './conversation-repository';
import { withoutSystemFields, type StoredFields } from './without-system-fields';

/** Who: their Entra object id, and their Teams user id where known (guests on a roster have no object id). */
export interface PersonKey {
  aadObjectId: string;
  userId?: string;
}

/**
 * Everything stored about one person, per container, as stored (without Cosmos' own fields). Leases hold no
 * personal data (which instance sends to a tenant).
 */
export type PersonExport = Record<Exclude<ContainerName, 'leases'>, Record<string, unknown>[]>;

export type ErasureResult =
  | { erased: true; deleted: number; pseudonymised: number }
  /** They chair or keep minutes in these networks: someone else must take the role first. */
  | { erased: false; holdsRoleIn: string[] };

/** What replaces a name that was erased, in the records that stay. */
export const ERASED_NAME = 'Borttagen person';

type Stored = ItemDefinition & Record<string, unknown>;

/** Documents matching `where`; with a network, only that network's (every document but a chat's carries it). */
const all = async (
  container: Container,
  where: string,
  key: PersonKey,
  networkId: string | undefined,
): Promise<Stored[]> => {
  try {
    const { resources } = await container.items
      .query<Stored>({
        query: `SELECT * FROM c WHERE ${networkId === undefined ? '' : 'c.networkId = @network AND '}(${where})`,
        parameters: [
          { name: '@aad', value: key.aadObjectId },
          { name: '@user', value: key.userId ?? key.aadObjectId },
          { name: '@personal', value: personalDocumentId(key.aadObjectId) },
          { name: '@network', value: networkId ?? '' },
        ],
      })
      .fetchAll();
    return resources;
  } catch (error) {
    throw storageUnavailable(error, 'read personal data');
  }
};

const partitionOf = (container: ContainerName, doc: Stored): string =>
  String(container === 'conversations' ? doc.id : container === 'meetings' ? doc.meetingId : doc.networkId);

/**
 * The right of access and the right to erasure (GDPR art. 15 and 17) for one person, across every container, or
 * within one network (what its chair may answer for).
 * Export returns what is stored about them. Erasure deletes what only served the bot (their 1:1 chat, roster
 * entries, answers to agendas) and replaces their name and ids with "Borttagen person" in what are the network's
 * records (attendance, follow-ups they own), so the minutes stay whole. The minutes versions themselves (the
 * network's documents, public records in a municipality) are not rewritten: see docs/data-protection.md. A chair or secretary is
 * not erased until the network has chosen someone else.
 */
export function createPersonData(containers: Record<ContainerName, Container>) {
  /** With `networkId`, what that network holds about them; without, everything, their 1:1 chat included. */
  const find = async (key: PersonKey, networkId?: string) => {
    const conversations =
      networkId === undefined
        ? await all(
            containers.conversations,
            'c.installedByAadObjectId = @aad OR c.id = @personal',
            key,
            undefined,
          )
        : [];
    const networks = await all(
      containers.networks,
      "(c.type = 'member' AND (c.aadObjectId = @aad OR c.userId = @user)) OR c.type = 'network'",
      key,
      networkId,
    );
    const meetings = await all(
      containers.meetings,
      "(c.type = 'rsvp' AND c.aadObjectId = @aad)" +
        " OR (c.type = 'attendance' AND (c.personKey = @aad OR c.userId = @user))",
      key,
      networkId,
    );
    const followUps = await all(
      containers.followUps,
      "c.type = 'followUp' AND (c.owner.aadObjectId = @aad OR c.owner.userId = @user)",
      key,
      networkId,
    );
    const holdsRoleIn = networks
      .filter((doc) => doc.type === 'network')
      .filter((doc) => {
        const settings = doc.settings as {
          chairs: { aadObjectId: string }[];
          secretary?: { aadObjectId: string };
        };
        return (
          settings.chairs.some((chair) => chair.aadObjectId === key.aadObjectId) ||
          settings.secretary?.aadObjectId === key.aadObjectId
        );
      });
    return {
      conversations,
      networks: [...networks.filter((doc) => doc.type === 'member'), ...holdsRoleIn],
      meetings,
      followUps,
      holdsRoleIn,
    };
  };

  return {
    async exportData(key: PersonKey, networkId?: string): Promise<PersonExport> {
      const found = await find(key, networkId);
      // Cosmos' own fields go; `type` stays, so the reader knows what each document is.
      const plain = (docs: Stored[]) =>
        docs.map((doc) => ({
          type: doc.type as unknown,
          ...withoutSystemFields(doc as unknown as Record<string, unknown> & StoredFields),
        }));
      return {
        conversations: plain(found.conversations),
        networks: plain(found.networks),
        meetings: plain(found.meetings),
        followUps: plain(found.followUps),
      };
    },

    async erase(key: PersonKey, networkId?: string): Promise<ErasureResult> {
      const found = await find(key, networkId);
      if (found.holdsRoleIn.length)
        return {
          erased: false,
          holdsRoleIn: found.holdsRoleIn.map((doc) => String((doc.settings as { name: string }).name)),
        };
      let deleted = 0;
      let pseudonymised = 0;
      const remove = async (name: ContainerName, doc: Stored) => {
        await containers[name].item(String(doc.id), partitionOf(name, doc)).delete();
        deleted += 1;
      };
      const rewrite = async (name: ContainerName, doc: Stored) => {
        await containers[name].item(String(doc.id), partitionOf(name, doc)).replace(doc);
        pseudonymised += 1;
      };
      try {
        for (const doc of found.conversations) {
          if (String(doc.id).startsWith('personal-')) await remove('conversations', doc);
          else {
            const { installedByAadObjectId: _installer, ...rest } = doc;
            await rewrite('conversations', rest);
          }
        }
        for (const doc of found.networks) if (doc.type === 'member') await remove('networks', doc);
        for (const doc of found.meetings) {
          if (doc.type === 'rsvp') await remove('meetings', doc);
          else if (doc.type !== 'attendance') {
            const { userId: _user, ...rest } = doc;
            await rewrite('meetings', { ...rest, name: ERASED_NAME });
          } else {
            // Attendance is keyed by a hash of the person's id: the record moves to a random key, so nobody holding
            // the id can find it again (written before the old one goes: stopped half way, nothing is lost).
            const { userId: _user, id: _id, _etag, _rid, _self, _ts, _attachments, ...rest } = doc;
            const personKey = `erased:${randomUUID()}`;
            const meetingId = String(doc.meetingId);
            await containers.meetings.items.create({
              ...rest,
              id: attendanceId(meetingId, personKey),
              name: ERASED_NAME,
              personKey,
            });
            await containers.meetings.item(String(doc.id), partitionOf('meetings', doc)).delete();
            pseudonymised += 1;
          }
        }
        // Their tasks stay in the records, reminding nobody; open ones no longer hold their meeting back.
        const erasedAt = new Date().toISOString();
        for (const doc of found.followUps) {
          const reminders = doc.reminders as { nextAt?: string; claim?: unknown } | undefined;
          const { nextAt: _next, claim: _claim, ...kept } = reminders ?? {};
          await rewrite('followUps', {
            ...doc,
            owner: { kind: 'person', name: ERASED_NAME },
            ownerErasedAt: erasedAt,
            ...(reminders ? { reminders: kept } : {}),
          });
        }
      } catch (error) {
        throw storageUnavailable(error, 'erase personal data');
      }
      return { erased: true, deleted, pseudonymised };
    },
  };
}

export type PersonData = ReturnType<typeof createPersonData>;
