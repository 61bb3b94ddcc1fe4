import { z } from 'zod';
import template from '../../adaptiveCards/person-data.json';
import type { Language } from '../domain/language';
import { createTranslator } from '../i18n/translator';
import { formatDue } from './follow-up-card';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const PERSON_DATA_VERBS = {
  open: 'personData.open',
  askErase: 'personData.askErase',
  erase: 'personData.erase',
} as const;
export type PersonDataMode = keyof typeof PERSON_DATA_VERBS;

/**
 * What the card carries: which network and which person (their Teams id), nothing else. Who presses and whether
 * they may is read from the activity and the stored roles; the person's name from the roster.
 */
export const personDataRefSchema = z.union([
  z.object({ networkId: z.string().min(1).max(100), userId: z.string().min(1).max(200) }).strict(),
  /** Someone the network's records know only by name (imported minutes, a task owner without a Teams account). */
  z.object({ networkId: z.string().min(1).max(100), name: z.string().min(1).max(100) }).strict(),
]);
export type PersonDataRef = z.infer<typeof personDataRefSchema>;

/** What the network holds about the person, counted by kind. */
export interface PersonDataCounts {
  memberships: number;
  answers: number;
  attendance: number;
  followUps: number;
  /** Records of others that name them: tasks they changed, decisions they recorded, text that mentions them. */
  others: number;
}

/** Their open tasks after an erasure, to be given to someone else. */
export interface OpenTask {
  text: string;
  due?: string;
}

export type PersonDataView =
  /** In the chat, for everyone: the name and a button only a chair gets anything from. */
  | { view: 'closed' }
  /** For the chair who opened it (the invoke's answer shows only to them): counts, export link, erase. */
  | { view: 'open'; counts: PersonDataCounts; exportUrl: string; notice?: string }
  | { view: 'confirm' }
  | { view: 'erased'; deleted: number; pseudonymised: number; by: string; openFollowUps: OpenTask[] };

/** One person's data in one network, for its chair: the closed card in the chat and the chair's own views. */
export function renderPersonDataCard(
  view: PersonDataView & {
    language: Language;
    ref: PersonDataRef;
    name: string;
    network: string;
  },
): AdaptiveCardJson {
  const t = createTranslator(view.language);
  const facts =
    view.view === 'open'
      ? [
          { title: t('personData.memberships'), value: String(view.counts.memberships) },
          { title: t('personData.answers'), value: String(view.counts.answers) },
          { title: t('personData.attendance'), value: String(view.counts.attendance) },
          { title: t('personData.followUps'), value: String(view.counts.followUps) },
          { title: t('personData.others'), value: String(view.counts.others) },
        ]
      : [];
  const intro = {
    closed: t('personData.closedIntro'),
    open: t('personData.openIntro'),
    confirm: t('personData.confirmIntro', { name: view.name, network: view.network }),
    erased:
      view.view === 'erased'
        ? t('personData.erased', {
            deleted: view.deleted,
            pseudonymised: view.pseudonymised,
            by: view.by,
          })
        : '',
  }[view.view];
  const tasks =
    view.view === 'erased'
      ? view.openFollowUps.map((task) => ({
          text: task.due
            ? `${task.text} (${t('followUps.due', { date: formatDue(task.due, view.language) })})`
            : task.text,
        }))
      : [];
  return renderTemplate(template, {
    view: view.view,
    // Teams keeps listing them, and a sync writes nothing back; only the chat's owner can take them out of it.
    afterErasure: view.view === 'erased' ? t('personData.stillInChat') : '',
    tasksIntro: tasks.length ? t('personData.openTasks', { count: tasks.length }) : '',
    tasks,
    notice: view.view === 'open' ? (view.notice ?? '') : '',
    noticeColor: 'Attention',
    title: t('personData.title', { name: view.name }),
    intro,
    facts,
    ref: view.ref,
    exportUrl: view.view === 'open' ? view.exportUrl : '',
    labels: {
      open: t('personData.open'),
      export: t('personData.export'),
      erase: t('personData.erase'),
      confirm: t('personData.confirm'),
      cancel: t('personData.cancel'),
    },
  });
}
