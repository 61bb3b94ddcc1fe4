import type { CommandInput } from '../../bot/command-router';
import { sameName } from '../../domain/names';
import type { RosterMember } from '../../domain/roster';
import type { BotDeps } from '../../bot/bot-deps';
import type { PersonDataRef } from '../../cards/person-data-card';
import type { PersonKey } from '../../storage/person-data';

/** How stored documents name a person: their Entra id where they have one (guests do not), and their Teams id. */
export const personKeyOf = (person: { userId?: string; aadObjectId?: string; name?: string }): PersonKey =>
  person.userId
    ? { aadObjectId: person.aadObjectId ?? person.userId, userId: person.userId }
    : { name: person.name ?? '' };

/**
 * Whom a personal data card is about, read again (never from the card but its reference): a roster entry, present
 * or past, or a name the records hold without anyone's ids; with what a download link names them by.
 */
export async function personOfRef(
  deps: Pick<BotDeps, 'roster'>,
  ref: PersonDataRef,
): Promise<
  | {
      key: PersonKey;
      name: string;
      claim: { userId: string; aadObjectId?: string } | { name: string };
    }
  | undefined
> {
  if ('name' in ref) return { key: { name: ref.name }, name: ref.name, claim: { name: ref.name } };
  const member = await deps.roster.get(ref.networkId, ref.userId);
  if (!member) return undefined;
  return {
    key: personKeyOf(member),
    name: member.name,
    claim: { userId: member.userId, ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}) },
  };
}

/**
 * Who `personuppgifter` is about: the first @mentioned person, or the one roster entry (present or past member)
 * whose name is exactly what was typed.
 */
export function personInNetwork(
  roster: RosterMember[],
  input: Pick<CommandInput, 'args' | 'mentions'>,
): { member: RosterMember } | { problem: 'usage' | 'notFound' | 'ambiguous'; name: string } {
  const mention = input.mentions[0];
  if (mention) {
    const member = roster.find((m) => m.userId === mention.userId);
    return member ? { member } : { problem: 'notFound', name: mention.name };
  }
  const name = input.args.trim();
  if (!name) return { problem: 'usage', name };
  const matches = roster.filter((m) => sameName(name, m.name) && sameName(m.name, name));
  if (matches.length === 1) return { member: matches[0]! };
  return { problem: matches.length ? 'ambiguous' : 'notFound', name };
}
