import type { CommandInput } from '../../bot/command-router';
import { sameName } from '../../domain/names';
import type { RosterMember } from '../../domain/roster';
import type { PersonKey } from '../../storage/person-data';

/** How stored documents name a person: their Entra id where they have one (guests do not), and their Teams id. */
export const personKeyOf = (person: { userId: string; aadObjectId?: string }): PersonKey => ({
  aadObjectId: person.aadObjectId ?? person.userId,
  userId: person.userId,
});

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
