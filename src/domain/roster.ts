/** A member of the network's chat or team, as Teams lists it; the organisation is asked once and kept. */
export interface RosterMember {
  networkId: string;
  /** Teams user id (29:...), needed to mention and message the member. */
  userId: string;
  aadObjectId?: string;
  name: string;
  email?: string;
  organisation?: string;
  /** What imported minutes wrote for them when it differs from `organisation`: shown to chairs, never applied. */
  suggestedOrganisation?: string;
  /** Added by name by a chair or the secretary: no Teams account, never synced away, never asked to answer cards. */
  guest?: true;
  status: 'member' | 'left';
  updatedAt: string;
}

export const ORGANISATION_MAX = 100;
export const PERSON_NAME_MAX = 100;

/** "Eva Ström, Kungälv" as typed after `gäst` / `guest`; undefined unless both parts are there and short. */
export function parseGuest(text: string): { name: string; organisation: string } | undefined {
  const comma = text.lastIndexOf(',');
  if (comma < 0) return undefined;
  const name = text.slice(0, comma).trim();
  const organisation = text.slice(comma + 1).trim();
  if (!name || !organisation || name.length > PERSON_NAME_MAX || organisation.length > ORGANISATION_MAX)
    return undefined;
  return { name, organisation };
}
