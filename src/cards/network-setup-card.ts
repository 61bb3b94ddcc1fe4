import { minutesLayoutOf, SECRETARY_TITLE_MAX, type MinutesLayout } from '../domain/minutes-layout';
import { layoutPreview } from './minutes-layout-preview';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { ORGANISATION_MAX } from '../domain/roster';
import setupTemplate from '../../adaptiveCards/network-setup.json';
import summaryTemplate from '../../adaptiveCards/network-summary.json';
import { LANGUAGES, type Language } from '../domain/language';
import {
  NETWORK_NAME_MAX,
  RETENTION_MONTHS_MAX,
  RETENTION_MONTHS_MIN,
  retentionMonthsOf,
  type Network,
} from '../domain/network';
import type { RosterMember } from '../domain/roster';
import { createTranslator, type MessageKey } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const NETWORK_VERBS = { save: 'network.setup.save', open: 'network.setup.open' } as const;

export const TIME_ZONES = [
  'Europe/Stockholm',
  'Europe/Helsinki',
  'Europe/Oslo',
  'Europe/Copenhagen',
  'Europe/London',
  'UTC',
] as const;

/** Every network card carries the network it was made for; anything else is a stale or altered card. */
export const networkRefSchema = z.object({ networkId: z.string().min(1).max(100) });

const MAX_LEAD_DAYS = 60;

/** The setup form as Action.Execute delivers it: input values are strings merged into the action data. */
export const networkSetupSchema = networkRefSchema
  .extend({
    name: z.string().trim().min(1).max(NETWORK_NAME_MAX),
    chairs: z
      .string()
      .transform((value) => [
        ...new Set(
          value
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(z.string().max(100)).min(1).max(10)),
    secretary: z
      .string()
      .max(100)
      .optional()
      .transform((value) => (!value || value === 'none' ? undefined : value)),
    language: z.enum(LANGUAGES),
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone)),
    agendaLeadDays: z.coerce.number().int().min(1).max(MAX_LEAD_DAYS),
    staffOrganisation: z
      .string()
      .trim()
      .max(ORGANISATION_MAX)
      .optional()
      .transform((value) => value || undefined),
    /** How the minutes are written; all optional, so a form from before the choices keeps the network's layout. */
    attendanceLayout: z.enum(['grouped', 'flat']).optional(),
    guestLayout: z.enum(['section', 'marked']).optional(),
    itemMarks: z.enum(['punkt', 'p']).optional(),
    closing: z.enum(['vid', 'antecknat']).optional(),
    itemTimes: z.enum(['true', 'false']).optional(),
    placeLine: z.enum(['true', 'false']).optional(),
    secretaryTitle: z
      .string()
      .trim()
      .max(SECRETARY_TITLE_MAX)
      .optional()
      .transform((value) => value || undefined),
    /** 0 keeps records; else 6–240 months. Optional: a form from before the setting keeps the current period. */
    retentionMonths: z.coerce
      .number()
      .int()
      .min(0)
      .max(RETENTION_MONTHS_MAX)
      .refine((months) => months === 0 || months >= RETENTION_MONTHS_MIN)
      .optional(),
  })
  .strict();

export type NetworkSetupInput = z.infer<typeof networkSetupSchema>;

export const SETUP_FIELDS: Record<string, MessageKey> = {
  name: 'network.field.name',
  chairs: 'network.field.chairs',
  secretary: 'network.field.secretary',
  language: 'network.field.language',
  timeZone: 'network.field.timeZone',
  agendaLeadDays: 'network.field.agendaLeadDays',
  staffOrganisation: 'network.field.staffOrganisation',
  retentionMonths: 'network.field.retentionMonths',
  secretaryTitle: 'network.field.secretaryTitle',
};

/** The layout the form chose, or undefined for a form from before the choices. */
export function chosenLayout(input: NetworkSetupInput): MinutesLayout | undefined {
  if (!input.attendanceLayout) return undefined;
  return minutesLayoutOf({
    attendance: input.attendanceLayout,
    ...(input.guestLayout ? { guests: input.guestLayout } : {}),
    ...(input.itemMarks ? { itemMarks: input.itemMarks } : {}),
    ...(input.closing ? { closing: input.closing } : {}),
    itemTimes: input.itemTimes === 'true',
    placeLine: input.placeLine !== 'false',
  });
}

export interface SetupCardView {
  language: Language;
  network: Network;
  members: RosterMember[];
  /** What the user typed, when the card comes back with an error. */
  values?: Partial<Record<keyof NetworkSetupInput, string>>;
  error?: string;
}

export function renderNetworkSetupCard({
  language,
  network,
  members,
  values,
  error,
}: SetupCardView): AdaptiveCardJson {
  const t = createTranslator(language);
  const settings = network.settings;
  const layout = minutesLayoutOf(settings.minutesLayout);
  const zones: string[] = TIME_ZONES.includes(settings.timeZone as (typeof TIME_ZONES)[number])
    ? [...TIME_ZONES]
    : [settings.timeZone, ...TIME_ZONES];
  return renderTemplate(setupTemplate, {
    networkId: network.networkId,
    title: t('network.setup.title'),
    intro: t('network.setup.intro'),
    error: error ?? '',
    labels: {
      name: t('network.setup.name'),
      nameRequired: t('network.setup.nameRequired'),
      chairs: t('network.setup.chairs'),
      chairsRequired: t('network.setup.chairsRequired'),
      secretary: t('network.setup.secretary'),
      noSecretary: t('network.setup.noSecretary'),
      language: t('network.setup.language'),
      timeZone: t('network.setup.timeZone'),
      agendaLeadDays: t('network.setup.agendaLeadDays'),
      agendaLeadDaysRange: t('network.setup.agendaLeadDaysRange'),
      staffOrganisation: t('network.setup.staffOrganisation'),
      retentionMonths: t('network.setup.retentionMonths'),
      retentionMonthsRange: t('network.setup.retentionMonthsRange'),
      save: t('network.setup.save'),
      layoutHeading: t('network.setup.layoutHeading'),
      attendanceLayout: t('network.setup.attendanceLayout'),
      attendanceGrouped: t('network.setup.attendanceGrouped'),
      attendanceFlat: t('network.setup.attendanceFlat'),
      guestLayout: t('network.setup.guestLayout'),
      guestSection: t('network.setup.guestSection'),
      guestMarked: t('network.setup.guestMarked'),
      itemMarks: t('network.setup.itemMarks'),
      closing: t('network.setup.closing'),
      closingVid: t('network.setup.closingVid'),
      closingAntecknat: t('network.setup.closingAntecknat'),
      secretaryTitle: t('network.setup.secretaryTitle'),
      itemTimes: t('network.setup.itemTimes'),
      placeLine: t('network.setup.placeLine'),
      preview: t('network.setup.preview'),
    },
    values: {
      name: values?.name ?? settings.name,
      chairs: values?.chairs ?? settings.chairs.map((c) => c.aadObjectId).join(','),
      secretary: values?.secretary ?? settings.secretary?.aadObjectId ?? 'none',
      language: values?.language ?? settings.language,
      timeZone: values?.timeZone ?? settings.timeZone,
      agendaLeadDays: values?.agendaLeadDays ?? String(settings.agendaLeadDays),
      staffOrganisation: values?.staffOrganisation ?? settings.staffOrganisation ?? '',
      retentionMonths: values?.retentionMonths ?? String(retentionMonthsOf(settings)),
      attendanceLayout: values?.attendanceLayout ?? layout.attendance,
      guestLayout: values?.guestLayout ?? layout.guests,
      itemMarks: values?.itemMarks ?? layout.itemMarks,
      closing: values?.closing ?? layout.closing,
      secretaryTitle: values?.secretaryTitle ?? settings.secretaryTitle ?? '',
      itemTimes: values?.itemTimes ?? String(layout.itemTimes),
      placeLine: values?.placeLine ?? String(layout.placeLine),
    },
    // The saved layout, shown as a short example: what the minutes will look like.
    preview: layoutPreview(layout, settings.language, {
      ...(settings.staffOrganisation ? { staffOrganisation: settings.staffOrganisation } : {}),
      ...(settings.secretaryTitle ? { secretaryTitle: settings.secretaryTitle } : {}),
    }),
    members: members
      .filter((m) => m.aadObjectId)
      .map((m) => ({ name: m.name, aadObjectId: m.aadObjectId }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    timeZones: zones,
  });
}

export function renderNetworkSummaryCard(view: {
  language: Language;
  network: Network;
  notice?: string;
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  const s = view.network.settings;
  return renderTemplate(summaryTemplate, {
    networkId: view.network.networkId,
    title: t('network.summary.title', { name: s.name }),
    notice: view.notice ?? '',
    facts: [
      { title: t('network.summary.chairs'), value: s.chairs.map((c) => c.name).join(', ') },
      { title: t('network.summary.secretary'), value: s.secretary?.name ?? t('network.summary.none') },
      { title: t('network.summary.language'), value: t(`language.${s.language}`) },
      { title: t('network.summary.timeZone'), value: s.timeZone },
      {
        title: t('network.summary.agendaLead'),
        value: t('network.summary.agendaLeadValue', { days: s.agendaLeadDays }),
      },
      {
        title: t('network.summary.retention'),
        value:
          retentionMonthsOf(s) === 0
            ? t('network.summary.retentionKept')
            : t('network.summary.retentionValue', { months: retentionMonthsOf(s) }),
      },
    ],
    editLabel: t('network.summary.edit'),
  });
}
