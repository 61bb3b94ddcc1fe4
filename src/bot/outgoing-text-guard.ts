import type { Activity, Middleware } from 'botbuilder';
import { withoutLinks } from '../cards/without-links';

/** Card fields Teams renders as Markdown: a TextBlock's text, a fact's title and value, a rich text run. */
function guardCard(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(guardCard);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const element = node as Record<string, unknown>;
  if ((element.type === 'TextBlock' || element.type === 'TextRun') && typeof element.text === 'string')
    element.text = withoutLinks(element.text);
  if (element.type === 'FactSet' && Array.isArray(element.facts))
    for (const fact of element.facts as { title?: unknown; value?: unknown }[]) {
      if (typeof fact.title === 'string') fact.title = withoutLinks(fact.title);
      if (typeof fact.value === 'string') fact.value = withoutLinks(fact.value);
    }
  for (const [key, value] of Object.entries(element))
    if (key !== 'data' && typeof value === 'object') guardCard(value);
}

function guard(activity: Partial<Activity>): void {
  if (typeof activity.text === 'string') activity.text = withoutLinks(activity.text);
  for (const attachment of activity.attachments ?? []) guardCard(attachment.content);
  // An Action.Execute answer rides in the invoke response: a card, or a message as a plain string.
  if (activity.type === 'invokeResponse') {
    const body = (activity.value as { body?: { type?: unknown; value?: unknown } } | undefined)?.body;
    if (body && typeof body.value === 'string') body.value = withoutLinks(body.value);
    guardCard(body);
  }
}

/**
 * Every message, card and card answer the bot sends passes here (replies and proactive messages alike): text
 * people typed that reaches a card or message cannot turn into a link the bot did not make.
 */
export const outgoingTextGuard: Middleware = {
  async onTurn(context, next) {
    context.onSendActivities(async (_context, activities, send) => {
      activities.forEach(guard);
      return send();
    });
    context.onUpdateActivity(async (_context, activity, update) => {
      guard(activity);
      return update();
    });
    await next();
  },
};
