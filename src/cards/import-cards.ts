import { z } from 'zod';
import formTemplate from '../../adaptiveCards/import-form.json';
import previewTemplate from '../../adaptiveCards/import-preview.json';
import type { ImportedMinutes } from '../import/imported-minutes';
import type { Language } from '../domain/language';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const IMPORT_VERBS = {
  read: 'import.read',
  confirm: 'import.confirm',
  cancel: 'import.cancel',
} as const;

export const importReadSchema = z
  .object({ networkId: z.string().min(1).max(100), text: z.string().trim().min(1).max(100_000) })
  .strict();
/** `network` is set when the preview had one network; else the chair chose one (`networkId`). */
export const importConfirmSchema = z
  .object({
    importId: z.string().uuid(),
    network: z.string().max(100).optional(),
    networkId: z.string().max(100).optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();
export const importCancelSchema = z.object({ importId: z.string().uuid() }).strict();

/** Lists on the preview stop here; the rest is counted. */
const SHOWN = 8;

/** The form for pasting a set of past minutes in the network's chat. */
export function renderImportForm(language: Language, networkId: string): AdaptiveCardJson {
  const t = createTranslator(language);
  return renderTemplate(formTemplate, {
    heading: t('import.formTitle'),
    intro: t('import.formIntro'),
    networkId,
    labels: { text: t('import.text'), textRequired: t('import.textRequired'), read: t('import.read') },
  });
}

/**
 * What an import would store, for the chair to confirm or cancel: meeting and date (asked when the minutes do not
 * say), attendance with how many matched the chat's members, decisions, follow-ups and what the reader was unsure
 * of. `done` replaces the buttons with what happened.
 */
export function renderImportPreview(view: {
  language: Language;
  importId: string;
  minutes: ImportedMinutes;
  file?: string;
  matched: number;
  networks: { networkId: string; name: string }[];
  done?: { text: string; good: boolean };
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  const { minutes } = view;
  const list = (heading: string, lines: string[]) =>
    lines.length
      ? [
          {
            heading,
            lines: [
              ...lines.slice(0, SHOWN).map((text) => ({ text })),
              ...(lines.length > SHOWN ? [{ text: t('import.more', { count: lines.length - SHOWN }) }] : []),
            ],
          },
        ]
      : [];
  const present = minutes.attendance.filter((p) => p.status !== 'absent').length;
  return renderTemplate(previewTemplate, {
    notice: view.done?.text ?? '',
    noticeColor: view.done?.good ? 'Good' : 'Attention',
    heading: t('import.previewTitle', { title: minutes.meeting.title ?? view.file ?? '' }),
    facts: [
      { title: t('import.factDate'), value: minutes.meeting.date ?? t('import.noDate') },
      { title: t('import.factPresent'), value: t('import.presentValue', { present, matched: view.matched }) },
      { title: t('import.factItems'), value: String(minutes.items.length) },
      { title: t('import.factDecisions'), value: String(minutes.decisions.length) },
      { title: t('import.factFollowUps'), value: String(minutes.followUps.length) },
    ],
    lists: [
      ...list(
        t('import.decisions'),
        minutes.decisions.map((d) => d.text),
      ),
      ...list(
        t('import.followUps'),
        minutes.followUps.map((f) => `${f.owner}: ${f.text}${f.due ? ` (${f.due})` : ''}`),
      ),
      ...list(t('import.warnings'), minutes.warnings),
    ],
    open: view.done === undefined,
    networks: view.networks.map((n) => ({ title: n.name, value: n.networkId })),
    onlyNetwork: view.networks.length === 1 ? view.networks[0]!.networkId : '',
    date: minutes.meeting.date ?? '',
    importId: view.importId,
    labels: {
      network: t('import.network'),
      networkRequired: t('import.networkRequired'),
      date: t('import.date'),
      dateRequired: t('import.dateRequired'),
      confirm: t('import.confirm'),
      cancel: t('import.cancel'),
    },
  });
}
