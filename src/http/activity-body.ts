import { z } from 'zod';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Teams' service URL: https; plain http only on loopback and only outside production (the stub, the Playground). */
const serviceUrl = (production: boolean) =>
  z
    .string()
    .url()
    .refine((value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      if (url.protocol === 'https:') return true;
      return !production && url.protocol === 'http:' && LOOPBACK.has(url.hostname);
    }, 'https, or http on loopback outside production');

const optionalText = (max: number) => z.string().max(max).optional();

const party = z
  .object({
    id: z.string().min(1).max(500),
    name: optionalText(500),
    aadObjectId: optionalText(100),
    role: optionalText(50),
  })
  .passthrough();

const conversation = z
  .object({
    id: z.string().min(1).max(500),
    conversationType: optionalText(50),
    tenantId: optionalText(100),
    name: optionalText(1000),
    isGroup: z.boolean().optional(),
  })
  .passthrough();

const objectOf = z.record(z.unknown());

/**
 * The shape of every field a route of the bot reads, checked where the activity enters: botbuilder validates
 * less, and a wrong shape (text an object, entities a string, an invoke value that is not an object) would
 * otherwise fail inside a turn. Only a check: the body itself goes on to botbuilder, with whatever else Teams
 * sends (the objects allow fields beyond these).
 */
export const activityBodySchema = (options: { production: boolean }) =>
  z
    .object({
      type: z.string().min(1).max(100),
      id: optionalText(500),
      name: optionalText(200),
      channelId: z.string().min(1).max(100),
      serviceUrl: serviceUrl(options.production),
      conversation,
      from: party,
      recipient: party,
      replyToId: optionalText(500),
      locale: optionalText(50),
      text: optionalText(100_000),
      textFormat: optionalText(50),
      entities: z.array(objectOf).max(100).optional(),
      attachments: z.array(objectOf).max(50).optional(),
      channelData: objectOf.optional(),
      membersAdded: z.array(party).max(1000).optional(),
      membersRemoved: z.array(party).max(1000).optional(),
      value: z.unknown(),
    })
    .passthrough()
    .superRefine((activity, context) => {
      if (activity.type !== 'invoke' && activity.type !== 'event') return;
      const isObject =
        typeof activity.value === 'object' && activity.value !== null && !Array.isArray(activity.value);
      if (activity.value !== undefined && !isObject)
        context.addIssue({ code: z.ZodIssueCode.custom, path: ['value'], message: 'an object' });
      if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
        // Teams sends a card's button press with the message the card is on, which the answer updates.
        if (!activity.replyToId)
          context.addIssue({ code: z.ZodIssueCode.custom, path: ['replyToId'], message: 'required' });
        const action = isObject ? (activity.value as { action?: unknown }).action : undefined;
        const parsed = z
          .object({ type: z.string(), verb: z.string().max(200).optional(), data: objectOf.optional() })
          .passthrough()
          .safeParse(action);
        if (!parsed.success)
          context.addIssue({ code: z.ZodIssueCode.custom, path: ['value', 'action'], message: 'an action' });
      }
    });
