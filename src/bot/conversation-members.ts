import { TeamsInfo, type TurnContext } from 'botbuilder';
import { AppError } from '../domain/app-error';
import { withoutHiddenMarks } from '../domain/hidden-marks';
import type { MemberInput } from '../storage/roster-repository';

const PAGE_SIZE = 100;
/** A network is a few dozen people; a team of thousands is not a network, so stop rather than page forever. */
const MAX_MEMBERS = 2000;

/** Everyone in the chat (or the team, for a channel), through Teams' paged member API. */
export async function conversationMembers(context: TurnContext): Promise<MemberInput[]> {
  const members: MemberInput[] = [];
  let token: string | undefined;
  do {
    let page;
    try {
      page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, token);
    } catch (error) {
      throw new AppError('TeamsUnavailable', 'paged member API failed', { cause: error });
    }
    for (const member of page.members) {
      members.push({
        userId: member.id,
        ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
        name: withoutHiddenMarks(member.name),
        ...(member.email ? { email: member.email } : {}),
      });
    }
    token = page.continuationToken || undefined;
  } while (token && members.length < MAX_MEMBERS);
  return members;
}
