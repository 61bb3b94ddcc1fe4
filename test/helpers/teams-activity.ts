import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FixtureName =
  | 'installation-update-group-chat'
  | 'installation-update-personal'
  | 'conversation-update-bot-added-group-chat'
  | 'conversation-update-bot-added-team'
  | 'message-group-chat-mention'
  | 'invoke-action-execute';

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
