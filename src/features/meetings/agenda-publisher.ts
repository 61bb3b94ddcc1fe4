import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import type { FollowUpRepository } from '../../storage/follow-up-repository';
import type { RosterRepository } from '../../storage/roster-repository';
import { cardActivity } from '../../bot/card-activity';
import { renderAgendaCard } from '../../cards/agenda-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { isAppError } from '../../domain/app-error';
import { isOpenForAnswers, withAgendaPosted, type Meeting } from '../../domain/meeting';
import { isChair, type Network, type PersonRef } from '../../domain/network';
import { tallyAnswers, type Rsvp } from '../../domain/rsvp';

/** Who a personal view is for; `answer` when the caller already has it (just saved), to save a read. */
export interface AgendaViewer {
  person: PersonRef;
  userId: string;
  answer?: Rsvp;
}

export interface AgendaPublisher {
  /** The agenda card for everyone, or as `viewer` sees it (their answer; the tally if they chair). */
  render(
    network: Network,
    meeting: Meeting,
    options?: { notice?: string; viewer?: AgendaViewer },
  ): Promise<AdaptiveCardJson>;
  /** Posts the agenda to the conversation and remembers the message, so later edits update it in place. */
  post(context: TurnContext, network: Network, meeting: Meeting): Promise<void>;
  /**
   * Replaces the posted agenda card with the current meeting. Runs after the meeting is saved, so a refusal from
   * Teams (the message deleted: 404) is not thrown as if nothing was done: it is logged and `false` says the card
   * in the chat is stale, for the answer to tell.
   */
  updatePosted(context: TurnContext, network: Network, meeting: Meeting): Promise<boolean>;
}

const SAVE_ATTEMPTS = 3;

export function createAgendaPublisher(
  deps: Pick<BotDeps, 'rsvps' | 'meetings' | 'clock' | 'logger'> & {
    roster: Pick<RosterRepository, 'list'>;
    followUps: Pick<FollowUpRepository, 'listOpen'>;
  },
): AgendaPublisher {
  const render: AgendaPublisher['render'] = async (network, meeting, options = {}) => {
    const viewer = options.viewer;
    const chair = viewer !== undefined && isChair(network, viewer.person.aadObjectId);
    // The shared card and a chair's tally need the roster; a member's own view does not, so answer storms stay cheap.
    const members = !viewer || chair ? await deps.roster.list(network.networkId) : [];
    return renderAgendaCard({
      language: network.settings.language,
      network,
      meeting,
      open: isOpenForAnswers(meeting, deps.clock()),
      notice: options.notice,
      viewer: viewer
        ? {
            answer: viewer.answer ?? (await deps.rsvps.get(meeting.meetingId, viewer.person.aadObjectId)),
            isChair: chair,
          }
        : undefined,
      tally: chair ? tallyAnswers(await deps.rsvps.list(meeting.meetingId), members) : undefined,
      // What earlier meetings left open is reported back on at this one; done ones drop off as they close.
      reportBack: (await deps.followUps.listOpen(network.networkId)).filter(
        (followUp) => followUp.meetingId !== meeting.meetingId && followUp.createdAt < meeting.startsAt,
      ),
      // A personal view is seen by its viewer only, so only they need it refreshed.
      // Teams refreshes for the first 60 listed only: chairs first, so their tally and "Ändra mötet" always come.
      refreshUserIds: viewer
        ? [viewer.userId]
        : members
            .filter((m) => !m.guest)
            .sort((a, b) => Number(isChair(network, b.aadObjectId)) - Number(isChair(network, a.aadObjectId)))
            .map((m) => m.userId),
    });
  };

  return {
    render,

    async post(context, network, meeting) {
      const sent = await context.sendActivity(cardActivity(await render(network, meeting)));
      if (!sent?.id) return;
      for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
        const current = await deps.meetings.get(network.networkId, meeting.meetingId);
        if (!current) return;
        try {
          // A posted agenda is no longer due: the scheduler will not post it again.
          await deps.meetings.replace(withAgendaPosted(current.meeting, sent.id, deps.clock()), current.etag);
          return;
        } catch (error) {
          if (!isAppError(error) || error.code !== 'Conflict') throw error;
        }
      }
    },

    async updatePosted(context, network, meeting) {
      if (!meeting.agendaActivityId) return true;
      const card = cardActivity(await render(network, meeting));
      try {
        await context.updateActivity({ ...card, id: meeting.agendaActivityId });
        return true;
      } catch (error) {
        deps.logger.warn(
          { err: error, networkId: network.networkId, meetingId: meeting.meetingId },
          'posted agenda card could not be updated',
        );
        return false;
      }
    },
  };
}
