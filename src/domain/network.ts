import type { Language } from './language';
import type { MinutesLayout } from './minutes-layout';
import type { ReminderPolicy } from './reminders/reminder-policy';

export interface PersonRef {
  /** Entra object id: the identity used for every permission check. */
  aadObjectId: string;
  name: string;
}

export interface NetworkSettings {
  name: string;
  chairs: PersonRef[];
  secretary?: PersonRef;
  language: Language;
  /** IANA zone; dates and times are shown in it and "today" is its day. */
  timeZone: string;
  /** How many days before a meeting its agenda is posted. */
  agendaLeadDays: number;
  /** The association's own organisation ("GR"): its staff are listed apart in the minutes, as the networks do. */
  staffOrganisation?: string;
  /** When follow-up owners are reminded; the defaults when absent. */
  reminders?: ReminderPolicy;
  /** How the network writes its minutes; DEFAULT_MINUTES_LAYOUT where absent. */
  minutesLayout?: Partial<MinutesLayout>;
  /** The secretary's title for the closing ("Förbundssekreterare"). */
  secretaryTitle?: string;
  /**
   * How many months after a meeting its records (answers, attendance, decisions, notes, minutes, closed follow-ups)
   * are kept; 0 keeps them. DEFAULT_RETENTION_MONTHS when absent.
   */
  retentionMonths?: number;
}

/** A network lives in one group chat or team channel; `pending` until a chair has filled in the setup card. */
export interface Network {
  networkId: string;
  conversationId: string;
  status: 'pending' | 'active';
  settings: NetworkSettings;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';
export const DEFAULT_AGENDA_LEAD_DAYS = 7;
export const NETWORK_NAME_MAX = 100;
/** Three years: the minutes are published in the chat and archived by the municipality; the bot is not the archive. */
export const DEFAULT_RETENTION_MONTHS = 36;
export const RETENTION_MONTHS_MIN = 6;
export const RETENTION_MONTHS_MAX = 240;

export const retentionMonthsOf = (settings: NetworkSettings): number =>
  settings.retentionMonths ?? DEFAULT_RETENTION_MONTHS;

export const isChair = (network: Network, aadObjectId: string | undefined): boolean =>
  aadObjectId !== undefined && network.settings.chairs.some((chair) => chair.aadObjectId === aadObjectId);

export const isSecretary = (network: Network, aadObjectId: string | undefined): boolean =>
  aadObjectId !== undefined && network.settings.secretary?.aadObjectId === aadObjectId;

/** The settings a new network starts with: its installer (when Teams named one) as chair, Stockholm, one week. */
export function initialSettings(
  installer: PersonRef | undefined,
  name: string,
  language: Language,
): NetworkSettings {
  return {
    name,
    chairs: installer ? [installer] : [],
    language,
    timeZone: DEFAULT_TIME_ZONE,
    agendaLeadDays: DEFAULT_AGENDA_LEAD_DAYS,
  };
}

/** While a network is pending anyone in the chat may set it up (and so becomes a chair); after that, chairs only. */
export const canChangeSettings = (network: Network, aadObjectId: string | undefined): boolean =>
  aadObjectId !== undefined && (network.status === 'pending' || isChair(network, aadObjectId));

export interface SetupChoice {
  name: string;
  chairIds: string[];
  secretaryId?: string;
  language: Language;
  timeZone: string;
  agendaLeadDays: number;
  staffOrganisation?: string;
  /** Absent: the layout stays (a form from before the setting existed). */
  minutesLayout?: MinutesLayout;
  secretaryTitle?: string;
  /** Absent: the network's current period stays (a form from before the setting existed). */
  retentionMonths?: number;
}

/**
 * The network after a setup form is saved. People are resolved from the roster by object id, so names and
 * membership come from Teams, not from the card; `undefined` when someone chosen is not a member.
 */
export function applySetup(
  network: Network,
  choice: SetupChoice,
  actor: PersonRef,
  members: { aadObjectId?: string; name: string }[],
  now: Date,
): Network | undefined {
  const byId = new Map(members.filter((m) => m.aadObjectId).map((m) => [m.aadObjectId as string, m.name]));
  const person = (aadObjectId: string): PersonRef | undefined => {
    const name = byId.get(aadObjectId);
    return name === undefined ? undefined : { aadObjectId, name };
  };
  const chairs = choice.chairIds.map(person);
  if (chairs.some((c) => c === undefined)) return undefined;
  const secretary = choice.secretaryId === undefined ? undefined : person(choice.secretaryId);
  if (choice.secretaryId !== undefined && secretary === undefined) return undefined;
  const chairList = chairs as PersonRef[];
  if (network.status === 'pending' && !chairList.some((c) => c.aadObjectId === actor.aadObjectId))
    chairList.unshift(actor);
  return {
    ...network,
    status: 'active',
    settings: {
      name: choice.name,
      chairs: chairList,
      ...(secretary ? { secretary } : {}),
      language: choice.language,
      timeZone: choice.timeZone,
      agendaLeadDays: choice.agendaLeadDays,
      ...(choice.staffOrganisation ? { staffOrganisation: choice.staffOrganisation } : {}),
      ...(network.settings.reminders ? { reminders: network.settings.reminders } : {}),
      ...((choice.minutesLayout ?? network.settings.minutesLayout)
        ? { minutesLayout: choice.minutesLayout ?? network.settings.minutesLayout }
        : {}),
      ...(choice.minutesLayout
        ? choice.secretaryTitle
          ? { secretaryTitle: choice.secretaryTitle }
          : {}
        : network.settings.secretaryTitle
          ? { secretaryTitle: network.settings.secretaryTitle }
          : {}),
      ...((choice.retentionMonths ?? network.settings.retentionMonths) !== undefined
        ? { retentionMonths: choice.retentionMonths ?? network.settings.retentionMonths }
        : {}),
    },
    updatedAt: now.toISOString(),
  };
}

/** Chairs and the secretary keep the roster: organisations and guests. */
export const canManageRoster = (network: Network, aadObjectId: string | undefined): boolean =>
  isChair(network, aadObjectId) || isSecretary(network, aadObjectId);

/** The people who keep the roster, for telling others whom to ask. */
export const rosterKeepers = (network: Network): string[] =>
  [...network.settings.chairs, ...(network.settings.secretary ? [network.settings.secretary] : [])].map(
    (p) => p.name,
  );
