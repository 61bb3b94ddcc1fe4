import type { AgendaItem } from './agenda-items';
import type { LocalDate, LocalTime } from './when/local-date';

export type MeetingStatus = 'planned' | 'started' | 'ended' | 'cancelled';

export interface Meeting {
  meetingId: string;
  networkId: string;
  title: string;
  /** The day and wall-clock times in the network's zone, as planned. */
  date: LocalDate;
  start: LocalTime;
  end: LocalTime;
  timeZone: string;
  /** The same, as instants (UTC ISO); what queries and comparisons use. */
  startsAt: string;
  endsAt: string;
  mode: 'digital' | 'physical';
  joinUrl?: string;
  place?: string;
  items: AgendaItem[];
  status: MeetingStatus;
  /** The posted agenda card, so edits update it in place. */
  agendaActivityId?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const MEETING_TITLE_MAX = 150;

/** Answers and changes to a meeting close when it starts, is cancelled, or has ended. */
export const isOpenForAnswers = (meeting: Meeting, now: Date): boolean =>
  meeting.status === 'planned' && new Date(meeting.startsAt).getTime() > now.getTime();
