import { LOCALES } from './format-when';
import { DateTime } from 'luxon';
import type { Language } from '../domain/language';
import type { Meeting } from '../domain/meeting';
import { isoTime } from '../domain/when/local-date';

/**
 * "Nätverksmöte november, 20 november": how an answer names the meeting it acted on when that is not the one in
 * progress, so a correction made days later says which record it went into. `withTime` tells two of a day apart.
 */
export function meetingLabel(meeting: Meeting, language: Language, withTime = false): string {
  const day = DateTime.fromObject(meeting.date).setLocale(LOCALES[language]).toFormat('d MMMM yyyy');
  const time = withTime ? ` ${language === 'sv' ? 'kl.' : 'at'} ${isoTime(meeting.start)}` : '';
  return `${meeting.title}, ${day}${time}`;
}
