import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { renderImportPreview } from '../../cards/import-cards';
import type { AdaptiveCardJson } from '../../cards/render-template';
import type { ImportedMinutes } from '../../import/imported-minutes';
import { foldName } from '../../domain/names';
import type { Network } from '../../domain/network';

/**
 * Keeps what was read as a pending import and answers with its preview: the chair sees meeting, date, attendance
 * (how many matched the chat's members), decisions, follow-ups and warnings before anything is stored.
 */
export async function importPreview(
  context: TurnContext,
  deps: Pick<BotDeps, 'pendingImports' | 'roster' | 'clock'>,
  read: { minutes: ImportedMinutes; contentHash: string; file?: string },
  networks: Network[],
  language: Network['settings']['language'],
): Promise<AdaptiveCardJson> {
  const importId = randomUUID();
  const by = context.activity.from.aadObjectId ?? '';
  await deps.pendingImports.save({
    importId,
    by,
    networkIds: networks.map((n) => n.networkId),
    ...(read.file ? { file: read.file } : {}),
    contentHash: read.contentHash,
    minutes: read.minutes,
    createdAt: deps.clock().toISOString(),
  });
  // Who of those listed is a member of (one of) the chats, by name.
  const members = (await Promise.all(networks.map((n) => deps.roster.list(n.networkId)))).flat();
  const names = new Set(members.map((m) => foldName(m.name)));
  const matched = read.minutes.attendance.filter(
    (p) => p.status !== 'absent' && names.has(foldName(p.name)),
  ).length;
  return renderImportPreview({
    language,
    importId,
    minutes: read.minutes,
    ...(read.file ? { file: read.file } : {}),
    matched,
    networks: networks.map((n) => ({ networkId: n.networkId, name: n.settings.name })),
  });
}
