import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FixtureName =
  | 'installation-update-group-chat'
  | 'installation-update-personal'
  | 'conversation-update-bot-added-group-chat'
  | 'conversation-update-bot-added-team'
  | 'message-group-chat-mention'
  | 'invoke-action-execute'
  | 'event-meeting-start'
  | 'event-meeting-end'
  | 'event-meeting-participant-join'
  | 'event-meeting-participant-leave';

export type ActivityJson = Record<string, unknown> & {
  id: string;
  conversation: { id: string; conversationType?: string };
  from: { id: string; aadObjectId?: string; name?: string };
};

/** A recorded Teams payload, pointed at the connector stub, with optional top-level overrides. */
export function teamsActivity(
  name: FixtureName,
  serviceUrl: string,
  overrides: Record<string, unknown> = {},
): ActivityJson {
  const raw = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'teams', `${name}.json`), 'utf8'),
  ) as ActivityJson;
  return { ...raw, serviceUrl, ...overrides };
}

/** An Action.Execute invoke from a card in the group chat of the fixtures, pressed by `from` (default Karin Ek). */
export function cardAction(
  serviceUrl: string,
  verb: string,
  data: unknown,
  overrides: Record<string, unknown> = {},
): ActivityJson {
  const activity = teamsActivity('invoke-action-execute', serviceUrl, overrides);
  return { ...activity, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}

export function attachmentCard(activity: Record<string, unknown>): Record<string, unknown> | undefined {
  const attachments = activity.attachments as
    { contentType: string; content: Record<string, unknown> }[] | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** Every text in a card (TextBlocks, facts, action titles), for assertions that do not depend on layout. */
export function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && ['text', 'title', 'value'].includes(key)) texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts;
}

/** The `value` of the card input with this id, as the card will show it. */
export function inputValue(card: unknown, id: string): unknown {
  let found: unknown;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.id === id && typeof record.type === 'string' && record.type.startsWith('Input.'))
        found = record.value;
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}
