import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { invalidFieldNames, typedValues } from '../../cards/form-input';
import {
  MEETING_FIELDS,
  meetingFormSchema,
  meetingRefSchema,
  renderMeetingForm,
} from '../../cards/meeting-form-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { isAppError } from '../../domain/app-error';
import { isOpenForAnswers } from '../../domain/meeting';
import { planMeeting } from '../../domain/plan-meeting';
import { formatInstant } from '../../i18n/format-when';
import { meetingLabel } from '../../i18n/meeting-label';
import { meetingProblemText } from '../../i18n/meeting-problem-text';
import { createTranslator } from '../../i18n/translator';
import type { AgendaPublisher } from './agenda-publisher';
import { networkForChair } from './network-for-chair';

/**
 * Saves the meeting form (new or edit). A refusal or an invalid form writes nothing; the form comes back with
 * what to correct and what was typed. An edit of a posted agenda updates that card in place.
 */
export function createSaveMeeting(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'roster' | 'clock'>,
  agenda: AgendaPublisher,
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const language = await turnLanguage(context, deps.networks);
    const t = createTranslator(language);
    const access = await networkForChair(context, deps, t);
    if ('refusal' in access) return access.refusal;
    const { network, actor } = access;

    const ref = meetingRefSchema.safeParse(data);
    if (!ref.success || ref.data.networkId !== network.networkId) return t('card.stale');
    const existing = ref.data.meetingId
      ? await deps.meetings.get(network.networkId, ref.data.meetingId)
      : undefined;
    if (ref.data.meetingId && !existing) return t('card.stale');
    const now = deps.clock();
    if (existing && !isOpenForAnswers(existing.meeting, now)) return t('meeting.closed');

    const again = (error: string) =>
      renderMeetingForm({
        language,
        networkId: network.networkId,
        meeting: existing?.meeting,
        values: typedValues(data),
        error,
      });
    const form = meetingFormSchema.safeParse(data);
    if (!form.success) {
      const fields = invalidFieldNames(form.error, MEETING_FIELDS, language);
      return fields === undefined ? t('card.stale') : again(t('meeting.error.invalid', { fields }));
    }
    const roster = await deps.roster.list(network.networkId);
    const knownOrganisations = [
      ...new Set([
        ...roster.flatMap((m) => (m.organisation ? [m.organisation] : [])),
        ...(network.settings.staffOrganisation ? [network.settings.staffOrganisation] : []),
      ]),
    ];
    const planned = planMeeting(form.data, {
      knownOrganisations,
      networkId: network.networkId,
      meetingId: existing?.meeting.meetingId ?? randomUUID(),
      timeZone: network.settings.timeZone,
      agendaLeadDays: network.settings.agendaLeadDays,
      actorId: actor.aadObjectId,
      now,
      existing: existing?.meeting,
    });
    if (!planned.ok) return again(meetingProblemText(planned.problem, form.data.when, language, t));

    let saved;
    try {
      saved = existing
        ? await deps.meetings.replace(planned.meeting, existing.etag)
        : await deps.meetings.create(planned.meeting);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'Conflict') throw error;
      const latest = await deps.meetings.get(network.networkId, planned.meeting.meetingId);
      return renderMeetingForm({
        language,
        networkId: network.networkId,
        meeting: latest?.meeting,
        error: t('meeting.conflict'),
      });
    }
    // Held already: no agenda card and no answer buttons, only what to do next.
    if (saved.meeting.recordedAfter)
      return t('meeting.savedHeld', { meeting: meetingLabel(saved.meeting, network.settings.language) });
    const agendaUpdated = await agenda.updatePosted(context, network, saved.meeting);
    const due = saved.meeting.agendaDueAt;
    const saidSaved = !due
      ? t('meeting.savedPosted')
      : t('meeting.saved', {
          postDate:
            due <= now.toISOString()
              ? t('meeting.postShortly')
              : formatInstant(due, network.settings.timeZone, language, t),
        });
    // What could be a person or an organisation is said back, so the chair can correct the line if it was misread.
    const unsure = planned.unsure.map((u) =>
      u.readAs === 'organisation' && u.of
        ? t('meeting.presenterOrganisation', { text: u.text, person: u.of })
        : t('meeting.presenterPerson', { text: u.text }),
    );
    const notice = [saidSaved, ...(agendaUpdated ? [] : [t('meeting.agendaNotUpdated')]), ...unsure].join(
      ' ',
    );
    return agenda.render(network, saved.meeting, { notice });
  };
}
