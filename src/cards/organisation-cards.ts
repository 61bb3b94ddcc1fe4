import { z } from 'zod';
import askTemplate from '../../adaptiveCards/organisation-ask.json';
import editTemplate from '../../adaptiveCards/organisations-edit.json';
import type { Language } from '../domain/language';
import type { Network } from '../domain/network';
import { ORGANISATION_MAX, type RosterMember } from '../domain/roster';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const ORGANISATION_VERBS = {
  self: 'member.organisation.self',
  edit: 'member.organisation.edit',
} as const;

/** One card can hold this many members' fields; Teams cards must stay small. */
export const ORGANISATION_EDIT_LIMIT = 60;

export const organisationSelfSchema = z
  .object({
    networkId: z.string().min(1).max(100),
    organisation: z.string().trim().min(1).max(ORGANISATION_MAX),
  })
  .strict();

/** The edit card lists whose field is which (`org-0`, `org-1`, ...); values are read by that order. */
export const organisationsEditSchema = z
  .object({
    networkId: z.string().min(1).max(100),
    members: z.array(z.string().min(1).max(200)).max(ORGANISATION_EDIT_LIMIT),
  })
  // Besides the reference, only the card's own inputs: one per member listed, `org-<index>`.
  .catchall(z.string().max(1000))
  .superRefine((form, context) => {
    const inputs = new Set(form.members.map((_, index) => organisationInputId(index)));
    for (const key of Object.keys(form))
      if (key !== 'networkId' && key !== 'members' && !inputs.has(key))
        context.addIssue({ code: z.ZodIssueCode.unrecognized_keys, keys: [key] });
  });

export function organisationInputId(index: number): string {
  return `org-${index}`;
}

export function renderOrganisationAsk(view: {
  language: Language;
  network: Network;
  welcomeNames?: string[];
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  return renderTemplate(askTemplate, {
    networkId: view.network.networkId,
    title: view.welcomeNames?.length
      ? t('organisation.ask.welcome', { names: view.welcomeNames.join(', ') })
      : t('organisation.ask.title'),
    intro: t('organisation.ask.intro'),
    label: t('organisation.label'),
    placeholder: t('organisation.placeholder'),
    required: t('organisation.required'),
    save: t('organisation.save'),
  });
}

export function renderOrganisationsEdit(view: {
  language: Language;
  network: Network;
  members: RosterMember[];
  notice?: string;
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  const members = [...view.members]
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .slice(0, ORGANISATION_EDIT_LIMIT);
  return renderTemplate(editTemplate, {
    networkId: view.network.networkId,
    title: t('organisations.title', { network: view.network.settings.name }),
    notice: view.notice ?? '',
    intro: t('organisations.intro'),
    members: members.map((m, index) => ({
      inputId: organisationInputId(index),
      label: m.guest
        ? t('organisations.guestLabel', { name: m.name })
        : m.suggestedOrganisation
          ? t('organisations.suggested', { name: m.name, organisation: m.suggestedOrganisation })
          : m.name,
      organisation: m.organisation ?? '',
    })),
    userIds: members.map((m) => m.userId),
    save: t('organisation.save'),
  });
}
