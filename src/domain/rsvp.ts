export const RSVP_ANSWERS = ['yes', 'no', 'substitute'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** One member's answer to one meeting; one document per member per meeting, so answers never contend. */
export interface Rsvp {
  meetingId: string;
  networkId: string;
  aadObjectId: string;
  /** Teams user id, to mention or message the member. */
  userId: string;
  name: string;
  organisation?: string;
  answer: RsvpAnswer;
  substitute?: { name: string; organisation: string };
  answeredAt: string;
}

export interface Tally {
  yes: number;
  no: number;
  substitute: number;
  missing: number;
  byOrganisation: { organisation: string | undefined; yes: number; no: number; substitute: number }[];
  notAnswered: string[];
}

/**
 * Counts answers, per organisation as the minutes group people, and names the members who have not answered.
 * A substitute counts for the organisation of the member they replace.
 */
export function tallyAnswers(rsvps: Rsvp[], members: { aadObjectId?: string; name: string }[]): Tally {
  const answered = new Set(rsvps.map((r) => r.aadObjectId));
  const byOrganisation = new Map<string | undefined, { yes: number; no: number; substitute: number }>();
  for (const rsvp of rsvps) {
    const counts = byOrganisation.get(rsvp.organisation) ?? { yes: 0, no: 0, substitute: 0 };
    counts[rsvp.answer] += 1;
    byOrganisation.set(rsvp.organisation, counts);
  }
  const notAnswered = members
    .filter((m) => m.aadObjectId && !answered.has(m.aadObjectId))
    .map((m) => m.name)
    .sort((a, b) => a.localeCompare(b, 'sv'));
  const count = (answer: 'yes' | 'no' | 'substitute') => rsvps.filter((r) => r.answer === answer).length;
  return {
    yes: count('yes'),
    no: count('no'),
    substitute: count('substitute'),
    missing: notAnswered.length,
    byOrganisation: [...byOrganisation.entries()]
      .map(([organisation, counts]) => ({ organisation, ...counts }))
      .sort((a, b) => (a.organisation ?? '\uffff').localeCompare(b.organisation ?? '\uffff', 'sv')),
    notAnswered,
  };
}
