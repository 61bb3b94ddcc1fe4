import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { turnLanguage } from '../../bot/turn-language';
import { importReadSchema, renderImportForm } from '../../cards/import-cards';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { canManageRoster, type Network } from '../../domain/network';
import { isAllowedDownload } from '../../import/download-address';
import { MINUTES_FILE_MAX, MinutesFileError, readMinutesFile } from '../../import/minutes-file';
import { readMinutes } from '../../import/read-minutes';
import { createTranslator } from '../../i18n/translator';
import { activeNetwork } from '../roster/active-network';
import { importPreview } from './import-preview';

type Deps = Pick<BotDeps, 'networks' | 'roster' | 'pendingImports' | 'importDownloads' | 'clock' | 'logger'>;

const FILE_INFO = 'application/vnd.microsoft.teams.file.download.info';
const DOWNLOAD_TIMEOUT_MS = 15_000;

/** The networks the sender keeps (chair or secretary), where an import in the personal chat may go. */
async function keptNetworks(context: TurnContext, deps: Deps): Promise<Network[]> {
  const actor = actorOf(context);
  const memberships = await deps.roster.memberships({
    userId: context.activity.from.id,
    ...(actor ? { aadObjectId: actor.aadObjectId } : {}),
  });
  const networks = await deps.networks.getMany([...new Set(memberships.map((m) => m.networkId))]);
  return networks.filter((n) => n.status === 'active' && canManageRoster(n, actor?.aadObjectId));
}

/** Fetches a file Teams handed over, at most 5 MB, within a time limit. */
async function download(url: string): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'error' });
  if (!response.ok || !response.body) throw new Error(`download answered ${response.status}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    // One byte over the limit is enough to refuse; the rest is not read.
    if (size > MINUTES_FILE_MAX)
      return Buffer.concat([...chunks, Buffer.from(chunk)]).subarray(0, MINUTES_FILE_MAX + 1);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * `importera` / `import`: in the personal chat with a file attached (Teams hands the bot a download address on the
 * sender's OneDrive), the file is read and previewed for the networks the sender keeps; in a network's chat, a form
 * to paste the text into. Nothing is stored before the chair confirms.
 */
export function createImportCommand(deps: Deps) {
  return async (context: TurnContext): Promise<void> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    if (context.activity.conversation.conversationType !== 'personal') {
      const network = await activeNetwork(context, deps);
      if (!network) return void (await context.sendActivity(t('meeting.networkNotSetUp')));
      if (!canManageRoster(network, actorOf(context)?.aadObjectId))
        return void (await context.sendActivity(t('import.keepersOnly')));
      await context.sendActivity(
        cardActivity(renderImportForm(network.settings.language, network.networkId)),
      );
      return;
    }
    const networks = await keptNetworks(context, deps);
    if (!networks.length) return void (await context.sendActivity(t('import.keepersOnly')));
    const file = (context.activity.attachments ?? []).find((a) => a.contentType === FILE_INFO);
    const url = (file?.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
    if (!file || typeof url !== 'string') return void (await context.sendActivity(t('import.noFile')));
    // Never a request to an address the user chose: SharePoint or OneDrive only.
    if (!isAllowedDownload(url, deps.importDownloads))
      return void (await context.sendActivity(t('import.badAddress')));
    let content: Buffer;
    try {
      content = await download(url);
    } catch (error) {
      deps.logger.warn({ err: error }, 'import download failed');
      return void (await context.sendActivity(t('import.downloadFailed')));
    }
    const name = file.name ?? 'anteckningar.docx';
    try {
      const minutes = await readMinutesFile(name, content);
      // The file's bytes are the import's identity, as for the command line: the same file is the same import.
      const contentHash = createHash('sha256').update(content).digest('hex');
      await context.sendActivity(
        cardActivity(
          await importPreview(
            context,
            deps,
            { minutes, contentHash, file: name },
            networks,
            networks[0]!.settings.language,
          ),
        ),
      );
    } catch (error) {
      if (!(error instanceof MinutesFileError)) throw error;
      await context.sendActivity(t('import.refused', { reason: error.message }));
    }
  };
}

/** "Läs in" on the paste form: the text read and previewed for that network. */
export function createImportRead(deps: Deps) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const parsed = importReadSchema.safeParse(data);
    const network = await activeNetwork(context, deps);
    if (!parsed.success || !network || network.networkId !== parsed.data.networkId) return t('card.stale');
    if (!canManageRoster(network, actorOf(context)?.aadObjectId)) return t('import.keepersOnly');
    const minutes = readMinutes(parsed.data.text);
    if (!minutes.attendance.length && !minutes.items.length)
      return t('import.refused', {
        reason: 'no attendance list and no agenda items: this does not read as minutes',
      });
    const contentHash = createHash('sha256').update(parsed.data.text.normalize('NFC')).digest('hex');
    return importPreview(context, deps, { minutes, contentHash }, [network], network.settings.language);
  };
}
