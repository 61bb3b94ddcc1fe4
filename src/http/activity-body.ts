import { z } from 'zod';

const party = z.object({ id: z.string().min(1) });

/**
 * The minimum a Bot Framework activity must carry for the bot to answer it. botbuilder validates less and
 * throws, or answers 500 with its error text, on the rest; this keeps every bad body a plain 400. Only a check:
 * the body itself goes on to botbuilder, so the parsed copy holds just these fields.
 */
export const activityBodySchema = z.object({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().url(),
  conversation: party,
  from: party,
  recipient: party,
});
