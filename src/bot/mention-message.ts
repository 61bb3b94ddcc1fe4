import type { Activity } from 'botbuilder';

/** A Markdown message @mentioning `people` (Teams notifies each); `text` carries their `<at>Name</at>`. */
export function mentionMessage(people: { id: string; name: string }[], text: string): Partial<Activity> {
  return {
    type: 'message',
    textFormat: 'markdown',
    text,
    entities: people.map((p) => ({ type: 'mention', text: `<at>${p.name}</at>`, mentioned: p })),
  };
}
