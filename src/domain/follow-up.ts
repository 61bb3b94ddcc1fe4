import { parseItemAndText, type SubItemsOf } from './decision';
import { foldName } from './names';
import { addDays, isoDate, todayIn, type LocalDate } from './when/local-date';
import { parseWhen, type WhenResult } from './when/parse-when';

/**
 * Who must do it: a Teams user (mentioned or on the roster, so they can be @mentioned and reminded), a person on the
 * roster without a Teams account, or an organisation ("GR tar med sig frågan").
 */
export type FollowUpOwner =
  | { kind: 'member'; name: string; userId: string; aadObjectId?: string; organisation?: string }
  | { kind: 'person'; name: string; organisation?: string }
  | { kind: 'organisation'; name: string };

export interface FollowUpChange {
  kind: 'done' | 'postponed' | 'reassigned';
  at: string;
  by: string;
  /** The earlier deadline or owner, as text. */
  from?: string;
}

/** A scheduler instance's hold on sending one reminder; taken over by another once `until` has passed. */
export interface ReminderClaim {
  by: string;
  until: string;
  /** The reminder being sent: `<followUpId>@<the instant it fell due>`. */
  key: string;
}

/** Where the owner's reminders stand; written by the scheduler, so it does not change the card's `revision`. */
export interface FollowUpReminders {
  /** When the next reminder is due (UTC); absent when none is left (done, no deadline). The scheduler's index. */
  nextAt?: string;
  claim?: ReminderClaim;
  /** The last reminder delivered: a claim taken over after a crash does not send it again. */
  lastKey?: string;
  /** Failed attempts at the reminder now due; after a few it is given up, never retried forever. */
  failures?: number;
  sent: { key: string; at: string; via: 'personal' | 'chat' | 'none' }[];
}

/** A task given in a meeting, owned until it is marked done; network-scoped, so open ones list in one query. */
export interface FollowUp {
  networkId: string;
  followUpId: string;
  meetingId: string;
  item?: number;
  /** The item's sub-item ("b" of "punkt 2b"), if any. */
  subItem?: string;
  owner: FollowUpOwner;
  text: string;
  /** The deadline as a day in the network's zone (yyyy-mm-dd). */
  due?: string;
  status: 'open' | 'done';
  changes: FollowUpChange[];
  /** Bumped by every change a person makes; a card showing an older one is out of date. */
  revision?: number;
  reminders?: FollowUpReminders;
  /**
   * When its owner was erased (data protection): nobody is reminded, and an open one no longer keeps its meeting
   * from the retention sweep. Giving it a new owner clears it.
   */
  ownerErasedAt?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const FOLLOW_UP_TEXT_MAX = 1000;

/** A deadline further ahead than this is a typo (2206 for 2026), not a plan. */
export const DUE_YEARS_MAX = 10;

/** Whether `due` (yyyy-mm-dd) is more than DUE_YEARS_MAX years after `today`. */
export const isDueTooFar = (due: string, today: LocalDate): boolean =>
  // As text, so 29 February ten years on (no such day) still compares.
  due > `${today.year + DUE_YEARS_MAX}${isoDate(today).slice(4)}`;

/** What the owner may be matched against when no one is @mentioned. */
export interface OwnerCandidates {
  members: { userId: string; aadObjectId?: string; name: string; organisation?: string; guest?: true }[];
  organisations: string[];
}

export type ParsedFollowUp = {
  item?: number;
  subItem?: string;
  owner: FollowUpOwner;
  text: string;
  due?: LocalDate;
};
export type FollowUpProblem =
  | { problem: 'noOwner' }
  | { problem: 'empty' | 'tooLong' | 'badItem' }
  | { problem: 'tooFar'; due: LocalDate }
  | { problem: 'badDate'; dateText: string; when: Extract<WhenResult, { ok: false }> };

const DEADLINE = /\s(?:senast|by|deadline)\s+(?:den\s+|the\s+)?(\S.*)$/i;

/** A name at the start of `text`, whole words only; the longest wins ("Sara Lind" before "Sara"). */
function ownerPrefix(
  text: string,
  candidates: OwnerCandidates,
): { owner: FollowUpOwner; rest: string } | undefined {
  const bare = text.replace(/^@/, '');
  const folded = foldName(bare);
  const firstNames = new Map<string, OwnerCandidates['members']>();
  for (const member of candidates.members) {
    const first = foldName(member.name.split(/\s+/)[0] ?? '');
    firstNames.set(first, [...(firstNames.get(first) ?? []), member]);
  }
  const options: { word: string; owner: FollowUpOwner }[] = [
    ...candidates.members.map((member) => ({ word: foldName(member.name), owner: memberOwner(member) })),
    // A first name alone ("Sara skickar ut ...") only when it is nobody else's first name too.
    ...[...firstNames.entries()]
      .filter(([, members]) => members.length === 1)
      .map(([word, members]) => ({ word, owner: memberOwner(members[0]!) })),
    ...candidates.organisations.map((name) => ({
      word: foldName(name),
      owner: { kind: 'organisation', name } as const,
    })),
  ]
    .filter((option) => option.word.length > 0)
    .sort((a, b) => b.word.length - a.word.length);
  for (const option of options) {
    if (!folded.startsWith(option.word)) continue;
    const after = bare.slice(option.word.length);
    if (after !== '' && !/^[\s:,]/.test(after)) continue;
    return { owner: option.owner, rest: after.replace(/^[\s:,]+/, '') };
  }
  return undefined;
}

/** A roster member as a follow-up's owner: a Teams user, or a person by name for a guest added by name. */
export const memberOwner = (member: OwnerCandidates['members'][number]): FollowUpOwner =>
  member.guest
    ? {
        kind: 'person',
        name: member.name,
        ...(member.organisation ? { organisation: member.organisation } : {}),
      }
    : {
        kind: 'member',
        name: member.name,
        userId: member.userId,
        ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
        ...(member.organisation ? { organisation: member.organisation } : {}),
      };

/**
 * Reads `[punkt N] <owner> <text> [senast <date>]` (the owner may also come first, or be @mentioned, in which case
 * `mentioned` is it and the mention is no longer in `args`). The deadline is read like meeting dates, in the
 * network's zone, and may not be in the past.
 */
export function parseFollowUp(
  args: string,
  context: {
    itemCount: number;
    subItemsOf?: SubItemsOf;
    mentioned?: FollowUpOwner;
    candidates: OwnerCandidates;
    now: Date;
    zone: string;
  },
): ParsedFollowUp | FollowUpProblem {
  let rest = args.trim();
  let owner = context.mentioned;
  if (!owner) {
    const leading = ownerPrefix(rest, context.candidates);
    if (leading) ({ owner, rest } = leading);
  }
  const withItem = parseItemAndText(rest, context.itemCount, context.subItemsOf);
  if ('problem' in withItem && withItem.problem !== 'empty') return withItem;
  let item = 'problem' in withItem ? undefined : withItem.item;
  let subItem = 'problem' in withItem ? undefined : withItem.subItem;
  rest = 'problem' in withItem ? '' : withItem.text;
  if (!owner) {
    const afterItem = ownerPrefix(rest, context.candidates);
    if (!afterItem) return { problem: 'noOwner' };
    ({ owner, rest } = afterItem);
  }
  if (item === undefined) {
    const late = parseItemAndText(rest, context.itemCount, context.subItemsOf);
    if ('problem' in late && late.problem !== 'empty') return late;
    if (!('problem' in late)) ({ item, subItem, text: rest } = late);
  }

  let due: LocalDate | undefined;
  const deadline = DEADLINE.exec(` ${rest}`);
  if (deadline?.[1]) {
    const dateText = deadline[1].replace(/[.!]+$/, '').trim();
    const when = parseWhen(dateText, { now: context.now, zone: context.zone });
    if (!when.ok) return { problem: 'badDate', dateText, when };
    // "senast vecka 49": the Friday of that week, the end of a working week.
    due = when.when.kind === 'day' ? when.when.date : addDays(when.when.first, 4);
    if (isDueTooFar(isoDate(due), todayIn(context.zone, context.now).date)) return { problem: 'tooFar', due };
    rest = ` ${rest}`.slice(0, deadline.index).trim();
  }
  const text = rest.trim();
  if (!text) return { problem: 'empty' };
  if (text.length > FOLLOW_UP_TEXT_MAX) return { problem: 'tooLong' };
  return {
    ...(item !== undefined ? { item } : {}),
    ...(item !== undefined && subItem ? { subItem } : {}),
    owner,
    text,
    ...(due ? { due } : {}),
  };
}

/** Owners and chairs may close, postpone or reassign; an organisation's members act for it. */
export function mayChangeFollowUp(
  followUp: FollowUp,
  actor: { userId: string; aadObjectId?: string; organisation?: string },
  isKeeper: boolean,
): boolean {
  if (isKeeper) return true;
  const { owner } = followUp;
  if (owner.kind === 'member')
    return owner.userId === actor.userId || (!!owner.aadObjectId && owner.aadObjectId === actor.aadObjectId);
  if (owner.kind === 'organisation')
    return !!actor.organisation && foldName(actor.organisation) === foldName(owner.name);
  return false;
}
