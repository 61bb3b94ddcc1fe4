import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { conversationDocumentId } from '../domain/conversation';
import type { ContainerName } from './containers';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { deleteIfThere } from './delete-if-there';
import { erasedPersonDocument, isErasedPerson } from './erased-people';
import { erasedPeopleIn } from './erased-people-in';
import { documentsOf, type PersonContainer, type StoredDocument } from './person-documents';
import { DOCUMENT_KINDS, kindOf, type DocumentKindName } from './person-fields';
import { walkPerson, type Sought } from './person-walk';
import {
  erasurePlan,
  isTheirs,
  plain,
  shapeOf,
  type Hit,
  type OrphanedFollowUp,
  type Plan,
} from './erasure-plan';

export { ERASED_NAME, type OrphanedFollowUp } from './erasure-plan';

/**
 * Who: their Entra object id, and their Teams user id where known (guests on a roster have no object id); or, for
 * someone the records know only by name (imported minutes, a task owner without a Teams account), that name: then
 * only records without anyone's ids are theirs.
 */
export type PersonKey = { aadObjectId: string; userId?: string } | { name: string };

const idsOf = (key: PersonKey): string[] =>
  'name' in key ? [] : [key.aadObjectId, ...(key.userId ? [key.userId] : [])];

/** Why a document is in an export. */
export type Found = 'about' | 'recordedBy' | 'named' | 'mentionedByName' | 'undeclared';

export interface ExportedDocument {
  kind: DocumentKindName | 'unknown';
  /**
   * `about`: it is theirs or names them with their ids (their answer, attendance, a task they own, their
   * substitute's attendance); `recordedBy`: they created, changed or approved it; `named`: the bot wrote their name
   * in it; `mentionedByName`: text someone typed names them.
   */
  found: Found[];
  document: Record<string, unknown>;
}

/** Everything stored about one person, per container, as stored (without Cosmos' own fields). */
export type PersonExport = Record<PersonContainer, ExportedDocument[]>;

export type ErasureResult =
  | { erased: true; deleted: number; pseudonymised: number; openFollowUps: OrphanedFollowUp[] }
  /** They chair or keep minutes in these networks: someone else must take the role first. */
  | { erased: false; holdsRoleIn: string[] };

const PARTITION_FIELD: Record<PersonContainer, string> = {
  conversations: 'id',
  networks: 'networkId',
  meetings: 'meetingId',
  followUps: 'networkId',
};

const foundOf = (hit: Hit): Found[] => {
  const found: Found[] = [];
  if (isTheirs(hit) || hit.findings.about.length) found.push('about');
  if (hit.findings.recordedBy) found.push('recordedBy');
  if (hit.findings.named) found.push('named');
  if (hit.findings.mentionedByName) found.push('mentionedByName');
  if (hit.findings.undeclared.length) found.push('undeclared');
  return found;
};

/**
 * The right of access and the right to erasure (GDPR art. 15 and 17) for one person, across every container, or
 * within one network (what its chair may answer for). Where a person's data lives is read from one declaration per
 * kind of document (`person-fields.ts`), so export and erasure look in the same places.
 * Export returns every document that holds or mentions them, saying how. Erasure deletes what only served the bot
 * (their 1:1 chat, roster entries, answers to agendas, a pending import) and replaces their name and ids with
 * "Borttagen person" and random keys in the network's records (attendance, follow-ups, change logs, who recorded
 * decisions and notes, drafted minutes), so the minutes stay whole. Approved minutes and text people typed are not
 * rewritten: see docs/data-protection.md. A chair or secretary is not erased until the network has chosen someone
 * else. A marker without their ids in clear keeps a roster sync from writing them back.
 */
export function createPersonData(
  containers: Record<ContainerName, Container>,
  clock: () => Date = () => new Date(),
) {
  const find = async (key: PersonKey, networkId?: string) => {
    const ids = new Set(idsOf(key));
    const theirIds = new Set([...ids].map(DOCUMENT_KINDS.personalChat.idFor));
    const given = 'name' in key ? [key.name] : [];
    const names = new Set(given);
    const holdsRoleIn: string[] = [];
    // First what is theirs, for the names they are stored under; then every document again, with those names.
    for await (const { container, doc } of documentsOf(containers, networkId)) {
      const kind = kindOf(container, doc);
      const { findings } = walkPerson(plain(doc), shapeOf(kind), { ids, names: given });
      for (const name of findings.names) names.add(name);
      if (kind === 'personalChat' && theirIds.has(String(doc.id))) {
        const chat = (doc.reference as { conversationId?: unknown } | undefined)?.conversationId;
        if (typeof chat === 'string') theirIds.add(conversationDocumentId(chat));
      }
      if (kind === 'network' && findings.about.some((path) => path.startsWith('settings.')))
        holdsRoleIn.push(String((doc.settings as { name?: unknown }).name));
    }
    const sought: Sought = { ids, names: [...names] };
    const hits: Hit[] = [];
    for await (const { container, doc } of documentsOf(containers, networkId)) {
      const kind = kindOf(container, doc);
      const { findings } = walkPerson(plain(doc), shapeOf(kind), sought);
      const hit = { container, kind, doc, findings, theirsById: theirIds.has(String(doc.id)) };
      if (foundOf(hit).length) hits.push(hit);
    }
    return { sought, hits, holdsRoleIn };
  };

  /** Marks them erased in a network, once (a second erasure finds the first's marker). */
  const mark = async (networkId: string, ids: string[]) => {
    const markers = await erasedPeopleIn(containers.networks, networkId);
    if (!markers.some((marker) => isErasedPerson(marker, ids)))
      await containers.networks.items.create(erasedPersonDocument(networkId, ids, clock()));
  };

  /**
   * After a network's erasure, their 1:1 chat with the bot (what it knows of the chat and the conversation it was
   * installed in) when no other network has them as a member: it served only to reach them. Returns how many went.
   */
  const forgetOwnChatIfNoNetwork = async (key: { aadObjectId: string; userId?: string }): Promise<number> => {
    const user = key.userId ?? key.aadObjectId;
    const { resources: memberships } = await containers.networks.items
      .query({
        query:
          "SELECT c.id FROM c WHERE c.type = 'member' AND c.status = 'member'" +
          ' AND (c.aadObjectId = @aad OR c.userId = @user OR c.userId = @aad)',
        parameters: [
          { name: '@aad', value: key.aadObjectId },
          { name: '@user', value: user },
        ],
      })
      .fetchAll();
    if (memberships.length) return 0;
    const { resources: installed } = await containers.conversations.items
      .query<{ id: string }>({
        query: "SELECT c.id FROM c WHERE c.conversationType = 'personal' AND c.installedByAadObjectId = @aad",
        parameters: [{ name: '@aad', value: key.aadObjectId }],
      })
      .fetchAll();
    const ids = new Set(installed.map((doc) => doc.id));
    for (const userKey of new Set([key.aadObjectId, user])) {
      const id = DOCUMENT_KINDS.personalChat.idFor(userKey);
      const { resource } = await containers.conversations.item(id, id).read<StoredDocument>();
      const chat = (resource?.reference as { conversationId?: unknown } | undefined)?.conversationId;
      if (typeof chat === 'string') ids.add(conversationDocumentId(chat));
      if (resource) ids.add(id);
    }
    let deleted = 0;
    for (const id of ids) if (await deleteIfThere(containers.conversations, id, id)) deleted += 1;
    return deleted;
  };

  const apply = async (hit: Hit, plan: Plan): Promise<'deleted' | 'pseudonymised' | 'kept'> => {
    if ('keep' in plan) return 'kept';
    const container = containers[hit.container];
    const partition = String(hit.doc[PARTITION_FIELD[hit.container]]);
    const id = String(hit.doc.id);
    if ('delete' in plan) {
      await deleteIfThere(container, id, partition);
      return 'deleted';
    }
    if ('rekey' in plan) {
      // Written before the old one goes: stopped half way, nothing is lost, and a second run finds the old one.
      await container.items.upsert(plan.rekey);
      await deleteIfThere(container, id, partition);
      return 'pseudonymised';
    }
    await container.item(id, partition).replace(plan.replace, {
      accessCondition: { type: 'IfMatch', condition: String(hit.doc._etag ?? '') },
    });
    return 'pseudonymised';
  };

  return {
    async exportData(key: PersonKey, networkId?: string): Promise<PersonExport> {
      let found: Awaited<ReturnType<typeof find>>;
      try {
        found = await find(key, networkId);
      } catch (error) {
        throw storageUnavailable(error, 'read personal data');
      }
      const exported: PersonExport = { conversations: [], networks: [], meetings: [], followUps: [] };
      for (const hit of found.hits)
        exported[hit.container].push({
          kind: hit.kind ?? 'unknown',
          found: foundOf(hit),
          document: plain(hit.doc),
        });
      return exported;
    },

    async erase(key: PersonKey, networkId?: string): Promise<ErasureResult> {
      try {
        const found = await find(key, networkId);
        if (found.holdsRoleIn.length) return { erased: false, holdsRoleIn: found.holdsRoleIn };
        const ids = [...found.sought.ids];
        // Known by name only: no ids to mark, no chat of theirs; what holds their name alone is erased.
        // The markers first: a roster sync meanwhile does not write back what is being erased.
        const networks = new Set(
          found.hits
            .filter((hit) => hit.kind === 'member' && isTheirs(hit))
            .map((hit) => String(hit.doc.networkId)),
        );
        if (networkId !== undefined) networks.add(networkId);
        if (ids.length) for (const network of networks) await mark(network, ids);
        const pseudonym = `erased:${randomUUID()}`;
        let deleted = 0;
        let pseudonymised = 0;
        const openFollowUps: OrphanedFollowUp[] = [];
        for (let hit of found.hits) {
          for (let attempt = 1; ; attempt += 1) {
            const { plan, open } = erasurePlan(hit, found.sought, pseudonym, clock());
            try {
              const done = await apply(hit, plan);
              if (done === 'deleted') deleted += 1;
              else if (done === 'pseudonymised') pseudonymised += 1;
              if (open) openFollowUps.push(open);
              break;
            } catch (error) {
              // Changed meanwhile: read it again and erase what it holds now.
              if (!hasStatus(error, 412) || attempt === 3) throw error;
              const partition = String(hit.doc[PARTITION_FIELD[hit.container]]);
              const { resource } = await containers[hit.container]
                .item(String(hit.doc.id), partition)
                .read<StoredDocument>();
              if (!resource) break;
              hit = { ...hit, doc: resource };
            }
          }
        }
        if (networkId !== undefined && !('name' in key)) deleted += await forgetOwnChatIfNoNetwork(key);
        return { erased: true, deleted, pseudonymised, openFollowUps };
      } catch (error) {
        throw storageUnavailable(error, 'erase personal data');
      }
    },
  };
}

export type PersonData = ReturnType<typeof createPersonData>;
