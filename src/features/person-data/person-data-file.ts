import type { BotDeps } from '../../bot/bot-deps';
import type { PersonDataClaim } from '../../http/signed-link';
import { createTranslator } from '../../i18n/translator';
import { personKeyOf } from './person-in-network';

/**
 * What the network holds about one person, as JSON, read when the link is followed (so it is current). Only a chair
 * gets such a link, from the card that only they see.
 */
export function createPersonDataFile(deps: Pick<BotDeps, 'networks' | 'personData' | 'clock'>) {
  return async (
    claim: PersonDataClaim,
  ): Promise<{ filename: string; contentType: string; body: Buffer } | undefined> => {
    const found = await deps.networks.get(claim.networkId);
    if (!found) return undefined;
    const data = await deps.personData.exportData(personKeyOf(claim), claim.networkId);
    const t = createTranslator(found.network.settings.language);
    const exported = {
      network: found.network.settings.name,
      exportedAt: deps.clock().toISOString(),
      person: {
        ...(claim.userId ? { userId: claim.userId } : {}),
        ...(claim.aadObjectId ? { aadObjectId: claim.aadObjectId } : {}),
        ...(claim.name ? { name: claim.name } : {}),
      },
      ...data,
    };
    return {
      filename: `${t('personData.fileName')}-${deps.clock().toISOString().slice(0, 10)}.json`,
      contentType: 'application/json; charset=utf-8',
      body: Buffer.from(JSON.stringify(exported, null, 2), 'utf8'),
    };
  };
}
