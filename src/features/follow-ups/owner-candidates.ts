import type { OwnerCandidates } from '../../domain/follow-up';
import type { RosterMember } from '../../domain/roster';

/** Who a follow-up can be given to by name: current roster members (guests too) and their organisations. */
export function ownerCandidates(roster: RosterMember[]): OwnerCandidates {
  const members = roster.filter((m) => m.status === 'member');
  return {
    members,
    organisations: [...new Set(members.flatMap((m) => (m.organisation ? [m.organisation] : [])))],
  };
}
