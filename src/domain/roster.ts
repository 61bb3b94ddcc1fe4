/** A member of the network's chat or team, as Teams lists it; the organisation is asked once and kept. */
export interface RosterMember {
  networkId: string;
  /** Teams user id (29:...), needed to mention and message the member. */
  userId: string;
  aadObjectId?: string;
  name: string;
  email?: string;
  organisation?: string;
  status: 'member' | 'left';
  updatedAt: string;
}
