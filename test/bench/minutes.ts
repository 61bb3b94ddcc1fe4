import { buildMinutes, type MinutesInput } from '../../src/domain/minutes';
import type { FollowUp } from '../../src/domain/follow-up';
import { renderMinutesDocx } from '../../src/minutes/minutes-docx';
import { renderMinutesMarkdown } from '../../src/minutes/minutes-markdown';
import { meetingStarting } from '../fixtures/meeting';
import { percentile } from './load';

export const ATTENDEES = 300;
export const ITEMS = 40;
const ORGANISATIONS = [
  'Ale',
  'Alingsås',
  'Göteborg',
  'Härryda',
  'Kungälv',
  'Lerum',
  'Lilla Edet',
  'Mölndal',
  'Partille',
  'Stenungsund',
  'Tjörn',
  'Öckerö',
  'GR',
];
const RUNS = 20;

/** A meeting of 300 present (members of 13 organisations, some guests for a few items) and 40 items. */
function bigMeeting(): MinutesInput {
  const meeting = meetingStarting('bench-network', new Date('2026-11-23T08:00:00Z'), {
    items: Array.from({ length: ITEMS }, (_, i) => ({
      title: `Punkt ${i + 1}: lägesrapport om samverkan kring äldreomsorg och hälso- och sjukvård`,
      presenters: [`Föredragande ${i}`],
      guests: [],
      slides: i % 3 === 0,
    })),
    status: 'ended',
  });
  const at = '2026-11-23T09:00:00.000Z';
  const attendance = Array.from({ length: ATTENDEES }, (_, i) => ({
    meetingId: meeting.meetingId,
    networkId: meeting.networkId,
    personKey: `person-${i}`,
    name: `Förnamn${i} Efternamn${i}`,
    organisation: ORGANISATIONS[i % ORGANISATIONS.length]!,
    present: true,
    ...(i % 25 === 0 ? { guest: true as const, items: [1 + (i % ITEMS)] } : {}),
    sources: ['checkIn' as const],
    updatedAt: at,
  }));
  const decisions = Array.from({ length: ITEMS * 2 }, (_, i) => ({
    meetingId: meeting.meetingId,
    networkId: meeting.networkId,
    number: i + 1,
    item: 1 + Math.floor(i / 2),
    text: `Nätverket beslutar att ställa sig bakom förslaget i punkt ${1 + Math.floor(i / 2)} och att återkomma.`,
    previous: [],
    status: 'active' as const,
    createdBy: '',
    createdAt: at,
    updatedAt: at,
  }));
  const notes = Array.from({ length: ITEMS }, (_, i) => ({
    meetingId: meeting.meetingId,
    networkId: meeting.networkId,
    noteId: `note-${i}`,
    item: i + 1,
    text: 'Diskussion i grupp. Flera kommuner lyfte behovet av gemensamma rutiner och en uppföljning under våren.',
    createdBy: '',
    createdAt: at,
  }));
  const followUps: FollowUp[] = Array.from({ length: ITEMS }, (_, i) => ({
    networkId: meeting.networkId,
    followUpId: `f-${i}`,
    meetingId: meeting.meetingId,
    item: i + 1,
    owner: { kind: 'organisation', name: ORGANISATIONS[i % ORGANISATIONS.length]! },
    text: 'återkommer med underlag',
    due: '2026-12-31',
    status: 'open',
    changes: [],
    revision: 0,
    createdBy: '',
    createdAt: at,
    updatedAt: at,
  }));
  return {
    networkName: 'Socialchefsnätverket',
    staffOrganisation: 'GR',
    meeting,
    attendance,
    roster: [],
    decisions,
    notes,
    followUps,
    secretary: 'Johan Berg',
    upcoming: [],
  };
}

const ms = (since: number) => Number((performance.now() - since).toFixed(1));

/** Builds the minutes and renders Markdown and Word, first cold and then RUNS times; median and worst. */
export async function minutesBenchmark() {
  const input = bigMeeting();
  const timings = { build: [] as number[], markdown: [] as number[], docx: [] as number[] };
  let sizes = { markdownBytes: 0, docxBytes: 0 };
  let first: Record<string, number> = {};
  for (let run = 0; run <= RUNS; run++) {
    let t = performance.now();
    const minutes = buildMinutes(input);
    const build = ms(t);
    t = performance.now();
    const markdown = renderMinutesMarkdown(minutes, 'sv');
    const md = ms(t);
    t = performance.now();
    const docx = await renderMinutesDocx(minutes, 'sv');
    const word = ms(t);
    if (run === 0) first = { buildMs: build, markdownMs: md, docxMs: word };
    else {
      timings.build.push(build);
      timings.markdown.push(md);
      timings.docx.push(word);
    }
    sizes = { markdownBytes: Buffer.byteLength(markdown), docxBytes: docx.length };
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { medianMs: percentile(sorted, 50), maxMs: sorted[sorted.length - 1] ?? 0 };
  };
  return {
    attendees: ATTENDEES,
    items: ITEMS,
    decisions: input.decisions.length,
    notes: input.notes.length,
    followUps: input.followUps.length,
    cold: first,
    warm: {
      runs: RUNS,
      build: summary(timings.build),
      markdown: summary(timings.markdown),
      docx: summary(timings.docx),
    },
    ...sizes,
  };
}
