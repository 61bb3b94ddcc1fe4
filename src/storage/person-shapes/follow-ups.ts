import type { FollowUp } from '../../domain/follow-up';
import type { Shape, Stored } from '../person-shape';

/** Where a follow-up holds a person's data. */
export const followUp: Shape<Stored<FollowUp, 'followUp'>> = {
  id: 'none',
  type: 'none',
  networkId: 'none',
  followUpId: 'none',
  meetingId: 'none',
  item: 'none',
  subItem: 'none',
  owner: { kind: 'none', name: 'name', userId: 'id', aadObjectId: 'id', organisation: 'none' },
  text: 'typed',
  due: 'none',
  status: 'none',
  // `from` is the earlier owner's name on a reassignment (an earlier deadline otherwise).
  changes: [{ kind: 'none', at: 'none', by: 'actor', from: 'mention' }],
  revision: 'none',
  // The scheduler's claims and the reminders sent: instance ids and times.
  reminders: 'none',
  ownerErasedAt: 'none',
  createdBy: 'actor',
  createdAt: 'none',
  updatedAt: 'none',
};
