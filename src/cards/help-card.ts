import { z } from 'zod';
import template from '../../adaptiveCards/help.json';
import { COMMANDS, commandWord } from '../domain/commands';
import { LANGUAGES, type Language } from '../domain/language';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

/** The welcome card on install and the answer to `hjälp` / `help`: what the bot does and its commands. */
export const HELP_VERBS = { switchLanguage: 'help.language' } as const;

/** Data of the language button; anything else in it is stale or tampered. */
export const switchLanguageSchema = z.object({ language: z.enum(LANGUAGES) }).strict();

export interface HelpCardContext {
  language: Language;
  /** Teams' conversationType as received; anything but groupChat/channel is treated as personal. */
  conversationType?: string;
  botName?: string;
}

export function renderHelpCard({ language, conversationType, botName }: HelpCardContext): AdaptiveCardJson {
  const t = createTranslator(language);
  const otherLanguage: Language = language === 'sv' ? 'en' : 'sv';
  const shared = conversationType === 'groupChat' || conversationType === 'channel';
  return renderTemplate(template, {
    title: t('help.title'),
    intro: t('help.intro'),
    commandsHeading: t('help.commandsHeading'),
    commands: COMMANDS.map((command) => ({
      word: commandWord(command.name, language),
      description: t(`help.command.${command.name}`),
    })),
    mentionHint: shared ? t('help.mentionHint', { botName: botName || 'Anteckna' }) : '',
    otherLanguageLabel: t('help.otherLanguage'),
    otherLanguage,
  });
}
