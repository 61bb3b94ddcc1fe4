import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { networkIdForConversation } from '../../src/domain/conversation';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard } from '../helpers/teams-activity';

/**
 * The networks' own minutes replayed through the bot: each sample's meeting is recorded through the real endpoint
 * (its roster and organisations, its agenda, who checked in, its guests for their items, its decisions), and the
 * minutes the bot makes, in the layout that sample uses, are compared with the sample's attendance section, item
 * headings and decision sentences. What is compared is read from the sample file by this test, not by the bot.
 */
const SAMPLES = join(__dirname, '..', '..', '..', 'shared', 'sample-minutes');
const sample = (prefix: string) =>
  readFileSync(
    join(
      SAMPLES,
      `${prefix}_${{ '000': '1878821b91dcbef4', '001': '33ca2b74bdb30b55', '002': '21820f1c61c2e141' }[prefix]}.txt`,
    ),
    'utf8',
  );

/** A line as both sides are compared: Markdown marks, list dashes and spacing taken off. */
const clean = (line: string) =>
  line
    .replace(/^#+\s*/, '')
    .replace(/\*\*/g, '')
    .replace(/^[-*]\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
const linesOf = (text: string) => text.split('\n').map(clean).filter(Boolean);
const between = (lines: string[], from: string, to: (line: string) => boolean) => {
  const start = lines.indexOf(from);
  const end = lines.findIndex((line, i) => i > start && to(line));
  return lines.slice(start, end < 0 ? undefined : end);
};
const isItemHeading = (line: string) => /^\d+\. /.test(line);
/** "Maria Ljung, punkt 3 och 6" / "Anna Haglund p 1, 6" → name, organisation and items. */
function personOf(line: string): { name: string; organisation?: string; items: number[] } {
  const marks = /,?\s+(?:punkt|p)\s+([\d ,och]+)$/.exec(line);
  const items = marks ? (marks[1]!.match(/\d+/g) ?? []).map(Number) : [];
  const rest = marks ? line.slice(0, marks.index) : line;
  const comma = rest.lastIndexOf(',');
  return comma < 0
    ? { name: rest.trim(), items }
    : { name: rest.slice(0, comma).trim(), organisation: rest.slice(comma + 1).trim(), items };
}

describe('the three sample minutes, replayed through the bot', () => {
  const suite = withBotAndConnector();
  const chat = { current: undefined as unknown as Awaited<ReturnType<typeof setUpNetwork>> };
  const { say, press } = chatMember(suite, () => chat.current);

  interface Replay {
    id: string;
    settings: Record<string, string>;
    members: { name: string; organisation?: string; present: boolean }[];
    guests: { name: string; organisation?: string; items: number[] }[];
    /** Agenda lines as a chair types them. */
    agenda: string[];
    decisions: [number, string][];
    /** Who kept the minutes, when the sample says. */
    secretary?: string;
  }

  /** Records a sample's meeting through the endpoint and returns the Markdown of its minutes. */
  async function replay(r: Replay): Promise<string> {
    const people = r.members.map((m, i) => ({
      id: `29:1${r.id}-${i}`,
      name: m.name,
      aadObjectId: `0b1c2d3e-0000-4000-8${r.id}-${String(i).padStart(12, '0')}`,
    }));
    // The secretary is one of those present, as in the networks (in sample 000 GR's Sara Nordenhielm).
    const keeper = r.secretary
      ? r.members.findIndex((m) => m.name === r.secretary)
      : r.members.findIndex((m) => m.present);
    const secretary = people[keeper]!;
    const chatId = `19:sample-${r.id}@thread.v2`;
    suite.connector.members.set(chatId, people);
    chat.current = await setUpNetwork(suite.bot, suite.connector, chatId, {
      ...r.settings,
      chairs: secretary.aadObjectId,
      secretary: secretary.aadObjectId,
    });
    const networkId = networkIdForConversation(chatId);
    for (const [i, m] of r.members.entries())
      if (m.organisation)
        await suite.bot.deps.roster.setOrganisation(networkId, people[i]!.id, m.organisation);
    const saved = await press(
      'meeting.save',
      {
        networkId,
        meetingId: '',
        title: 'Nätverksmöte',
        when: 'i morgon 9-12',
        mode: 'digital',
        agenda: r.agenda.join('\n'),
      },
      secretary,
    );
    expect(saved.value).toBeDefined();
    const [planned] = await suite.bot.deps.meetings.upcoming(networkId, new Date());
    const stored = (await suite.bot.deps.meetings.get(networkId, planned!.meetingId))!;
    await suite.bot.deps.meetings.replace(
      {
        ...stored.meeting,
        startsAt: new Date(Date.now() + 600_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      },
      stored.etag,
    );
    const ref = { networkId, meetingId: planned!.meetingId };
    await say('starta möte', secretary);
    for (const [i, m] of r.members.entries())
      if (m.present) await press('attendance.checkIn', ref, people[i]);
    for (const g of r.guests)
      await press(
        'attendance.addGuest',
        {
          ...ref,
          name: g.name,
          ...(g.organisation ? { organisation: g.organisation } : {}),
          items: g.items.join(', '),
        },
        secretary,
      );
    for (const [item, text] of r.decisions) await say(`beslut punkt ${item} ${text}`, secretary);
    await say('avsluta möte', secretary);
    const summary = attachmentCard(await say('protokoll', secretary));
    const data = (summary as { actions: { verb?: string; data?: Record<string, string> }[] }).actions.find(
      (a) => a.verb === 'minutes.open',
    )?.data;
    const full = (await press('minutes.open', data ?? {}, secretary)).value as {
      actions: { title?: string; url?: string }[];
    };
    const url = full.actions.find((a) => a.title === 'Text (.md)')?.url ?? '';
    return (await fetch(url)).text();
  }

  /**
   * A grouped sample's people: the network's members with their organisations, the association's staff there all
   * meeting as members, and those there for some items as guests invited on the agenda for them.
   */
  const groupedPeople = (network: ReturnType<typeof personOf>[], staff: ReturnType<typeof personOf>[]) => ({
    members: [
      ...network.map((p) => ({ name: p.name, organisation: p.organisation!, present: true })),
      ...staff
        .filter((s) => !s.items.length)
        .map((s) => ({ name: s.name, organisation: 'Göteborgsregionen', present: true })),
    ],
    guests: staff.filter((s) => s.items.length).map((s) => ({ ...s, organisation: 'Göteborgsregionen' })),
  });

  /** The attendance section: from NÄRVARANDE to the first item, as a multiset of lines (order within groups aside). */
  const attendance = (lines: string[]) =>
    between(lines, 'NÄRVARANDE', isItemHeading)
      .map((line) => line.replace(/,?\s+p\s+/, ', p '))
      .sort((a, b) => a.localeCompare(b, 'sv'));

  it('000: grouped, "Nätverket" and the association\'s staff with their items; headings; decisions in italics', async () => {
    const lines = linesOf(sample('000'));
    const network = between(lines, 'Nätverket', (l) => l === 'Göteborgsregionen')
      .slice(1)
      .map(personOf);
    const staff = between(lines, 'Göteborgsregionen', isItemHeading).slice(1).map(personOf);
    // Item headings are Markdown headings in this sample (a numbered list inside a note is not one).
    const headingLines = (text: string) =>
      text
        .split('\n')
        .filter((line) => /^#+\s*\**\d+\./.test(line))
        .map(clean);
    const headings = headingLines(sample('000'));
    // Decisions: the sample's italic paragraphs, each on the item it stands under.
    const raw = sample('000').split('\n');
    const decisions: [number, string][] = [];
    let item = 0;
    for (const line of raw) {
      const heading = /^#+\s*\**(\d+)\./.exec(line);
      if (heading) item = Number(heading[1]);
      const italic = /^\*([^*].*[^*])\*$/.exec(line.trim());
      if (italic && item) decisions.push([item, italic[1]!]);
    }
    // "Maria Ljung, punkt 3 och 6": the meeting's agenda had a sixth item, which these minutes wrote under item 5.
    const count = Math.max(headings.length, ...staff.flatMap((p) => p.items));
    const titles = [
      ...headings,
      ...Array.from({ length: count - headings.length }, (_, i) => `${headings.length + i + 1}. Punkt`),
    ];
    const agenda = titles.map((heading, i) => {
      const title = heading.replace(/^\d+\.\s*/, '').replace(/\s*\(bilder finns\)$/, '');
      const slides = heading.endsWith('(bilder finns)') ? ' (bilder)' : '';
      const invited = staff.filter((s) => s.items.includes(i + 1)).map((s) => s.name);
      return `${title}${slides}${invited.length ? ` gäster: ${invited.join(', ')}` : ''}`;
    });
    const markdown = await replay({
      id: '000',
      settings: {
        staffOrganisation: 'Göteborgsregionen',
        attendanceLayout: 'grouped',
        guestLayout: 'section',
      },
      ...groupedPeople(network, staff),
      agenda,
      decisions,
      secretary: 'Sara Nordenhielm',
    });
    const ours = linesOf(markdown);
    expect(attendance(ours)).toEqual(attendance(lines));
    expect(headingLines(markdown).slice(0, headings.length)).toEqual(headings);
    expect(headings).toHaveLength(5);
    expect(decisions).toHaveLength(5);
    const italics = markdown.split('\n').filter((l) => /^\*[^*].*\*$/.test(l));
    expect(italics).toEqual(decisions.map(([, text]) => `*${text}*`));
  });

  it('001: one flat list "Namn, Organisation", guests in their own section, those not present', async () => {
    const lines = linesOf(sample('001'));
    const present = between(lines, 'NÄRVARANDE', (l) => l === 'GÄSTER')
      .slice(1)
      .map(personOf);
    const guests = between(lines, 'GÄSTER', (l) => l === 'EJ NÄRVARANDE')
      .slice(1)
      .map(personOf);
    const absent = between(lines, 'EJ NÄRVARANDE', (l) => l.startsWith('Projektfinansiering'))
      .slice(1)
      .map(personOf);
    const markdown = await replay({
      id: '001',
      settings: { attendanceLayout: 'flat', guestLayout: 'section' },
      members: [
        ...present.map((p) => ({ name: p.name, organisation: p.organisation!, present: true })),
        ...absent.map((p) => ({ name: p.name, organisation: p.organisation!, present: false })),
      ],
      guests,
      agenda: ['Projektfinansiering via externa medel'],
      decisions: [],
    });
    const ours = linesOf(markdown);
    const section = (from: string, to: string, of: string[]) =>
      between(of, from, (l) => l === to || isItemHeading(l)).sort((a, b) => a.localeCompare(b, 'sv'));
    expect(section('NÄRVARANDE', 'GÄSTER', ours)).toEqual(section('NÄRVARANDE', 'GÄSTER', lines));
    expect(section('GÄSTER', 'EJ NÄRVARANDE', ours)).toEqual(section('GÄSTER', 'EJ NÄRVARANDE', lines));
    expect(
      section('EJ NÄRVARANDE', 'Projektfinansiering', ours.slice(0, ours.findIndex(isItemHeading))),
    ).toEqual(
      section('EJ NÄRVARANDE', 'Projektfinansiering via externa medel – vad finns och hur kan vi', lines),
    );
  });

  it('002: grouped with "p 1, 6" item marks; item headings', async () => {
    const lines = linesOf(sample('002'));
    const network = between(lines, 'Nätverket', (l) => l === 'Göteborgsregionen')
      .slice(1)
      .map(personOf);
    const staff = between(lines, 'Göteborgsregionen', isItemHeading).slice(1).map(personOf);
    const headings = lines.filter(isItemHeading);
    const withoutSlides = (heading: string) =>
      heading.replace(/\s*\((?:bildspel finns|bilder finns|bildspel)\)$/i, '');
    const agenda = headings.map((heading, i) => {
      const invited = staff.filter((s) => s.items.includes(i + 1)).map((s) => s.name);
      return `${withoutSlides(heading).replace(/^\d+\.\s*/, '')}${invited.length ? ` gäster: ${invited.join(', ')}` : ''}`;
    });
    const markdown = await replay({
      id: '002',
      settings: { staffOrganisation: 'Göteborgsregionen', attendanceLayout: 'grouped', itemMarks: 'p' },
      ...groupedPeople(network, staff),
      agenda,
      decisions: [],
    });
    const ours = linesOf(markdown);
    expect(attendance(ours)).toEqual(attendance(lines));
    expect(ours.filter(isItemHeading)).toEqual(headings.map(withoutSlides));
  });
});
