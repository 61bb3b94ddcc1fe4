import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { isAlteredCard } from '../../cards/altered-card';
import { importCancelSchema, importConfirmSchema, renderImportPreview } from '../../cards/import-cards';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { canManageRoster } from '../../domain/network';
import { meetingLabel } from '../../i18n/meeting-label';
import { createTranslator } from '../../i18n/translator';
import { importKey, storeImport } from './store-import';

type Deps = Pick<
  BotDeps,
  | 'networks'
  | 'pendingImports'
  | 'meetings'
  | 'roster'
  | 'attendance'
  | 'decisions'
  | 'notes'
  | 'followUps'
  | 'minutes'
  | 'clock'
>;

/**
 * "Importera" or "Avbryt" on an import's preview, by the chair who asked for it: confirmed, the meeting is stored
 * (once: the same minutes again are refused as already imported) and the preview says what was stored.
 */
export function createConfirmImport(deps: Deps, mode: 'confirm' | 'cancel') {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const ref = mode === 'confirm' ? importConfirmSchema.safeParse(data) : importCancelSchema.safeParse(data);
    if (!ref.success) return t(mode === 'confirm' && !isAlteredCard(ref) ? 'import.badDate' : 'card.stale');
    const pending = await deps.pendingImports.get(ref.data.importId);
    const actor = actorOf(context);
    if (!pending || pending.by !== actor?.aadObjectId) return t('import.gone');
    if (mode === 'cancel') {
      await deps.pendingImports.remove(pending.importId);
      return t('import.cancelled');
    }
    const confirm = importConfirmSchema.parse(data);
    const networkId = confirm.network || confirm.networkId || '';
    const found = pending.networkIds.includes(networkId) ? await deps.networks.get(networkId) : undefined;
    if (!found || !canManageRoster(found.network, actor.aadObjectId)) return t('import.keepersOnly');
    const network = found.network;
    const tn = createTranslator(network.settings.language);
    if (confirm.date > deps.clock().toISOString().slice(0, 10)) return tn('import.badDate');
    const result = await storeImport(deps, network, pending.minutes, {
      key: importKey(network.networkId, pending.contentHash),
      date: confirm.date,
      by: actor.aadObjectId,
      ...(pending.file ? { file: pending.file } : {}),
    });
    await deps.pendingImports.remove(pending.importId);
    const label = meetingLabel(result.stored ? result.meeting : result.already, network.settings.language);
    return renderImportPreview({
      language: network.settings.language,
      importId: pending.importId,
      minutes: pending.minutes,
      ...(pending.file ? { file: pending.file } : {}),
      matched: 0,
      networks: [],
      done: result.stored
        ? { text: tn('import.stored', { meeting: label, ...result.counts }), good: true }
        : { text: tn('import.already', { meeting: label }), good: false },
    });
  };
}
