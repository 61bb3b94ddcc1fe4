import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandInput } from '../../bot/command-router';
import { parseItemAndText, subItemsOf } from '../../domain/decision';
import type { MessageKey } from '../../i18n/translator';
import type { MeetingToRecord } from '../attendance/meeting-to-record';
import { runningMeeting } from './running-meeting';

/**
 * The shared front of `beslut` and `anteckning`: the sender may run the meeting, it is the one meant, and the
 * arguments are `[punkt N] text`. Otherwise answers why and returns undefined.
 */
export async function meetingTextCommand(
  context: TurnContext,
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'clock'>,
  input: CommandInput,
  messages: { empty: MessageKey; tooLong: MessageKey },
): Promise<(MeetingToRecord & { item?: number; subItem?: string; text: string }) | undefined> {
  const access = await runningMeeting(context, deps, input);
  if (!access) return undefined;
  const { meeting, t } = access;
  const parsed = parseItemAndText(input.args, meeting.items.length, subItemsOf(meeting.items));
  if ('problem' in parsed) {
    const key = parsed.problem === 'badItem' ? 'decision.badItem' : messages[parsed.problem];
    await context.sendActivity(t(key, { count: meeting.items.length }));
    return undefined;
  }
  const item = parsed.item ?? meeting.currentItem;
  return {
    ...access,
    ...(item !== undefined ? { item } : {}),
    ...(item !== undefined && parsed.subItem ? { subItem: parsed.subItem } : {}),
    text: parsed.text,
  };
}
