import { DateTime } from 'luxon';
import type { Meeting } from '../../src/domain/meeting';
import { sv } from '../../src/i18n/sv';
import { DAY_MS, meetingStarting } from '../fixtures/meeting';
import { ANDERS, JOHAN, SARA } from '../fixtures/members';
import { networkSuite } from '../helpers/network-suite';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';

type Action = { verb?: string; data?: Record<string, string> };
const dataOf = (card: unknown, verb: string) =>
  ((card as { actions?: Action[] } | undefined)?.actions ?? []).find((a) => a.verb === verb)?.data ?? {};

/** "20 november 2026", as the answers name a meeting's day. */
const dayText = (meeting: Meeting) =>
  DateTime.fromObject(meeting.date).setLocale('sv-SE').toFormat('d MMMM yyyy');
const iso = (meeting: Meeting) => DateTime.fromObject(meeting.date).toISODate() ?? '';

/** A meeting held `daysAgo` days ago at 09:00–12:00 Stockholm time, ended, its minutes not yet made. */
function heldMeeting(networkId: string, daysAgo: number, extra: Partial<Meeting> = {}): Meeting {
  const day = DateTime.now().setZone('Europe/Stockholm').minus({ days: daysAgo }).startOf('day');
  const startsAt = day.set({ hour: 9 }).toUTC().toJSDate();
  const meeting = meetingStarting(networkId, startsAt, {
    date: { year: day.year, month: day.month, day: day.day },
    title: 'Nätverksmöte oktober',
    items: [
      { title: 'Aktuellt läge', presenters: [], guests: [], slides: false },
      { title: 'Nära vård', presenters: [], guests: [], slides: false },
    ],
    ...extra,
  });
  return {
    ...meeting,
    status: 'ended',
    startedAt: meeting.startsAt,
    endedAt: meeting.endsAt,
  };
}

describe('the record stays open until the minutes are done', () => {
  const { suite, say, press, deps, ...chat } = networkSuite('after', { retentionMonths: '12' });
  let network: ReturnType<typeof chat.network>;
  beforeEach(async () => {
    network = chat.network();
    await deps().roster.setOrganisation(network.networkId, SARA.id, 'Kungälv');
  });

  /** The meeting planned to start in an hour, started and ended through the commands. */
  async function meetingRunAndEnded(): Promise<Meeting> {
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 3600_000), {
      title: 'Nätverksmöte november',
      items: [
        { title: 'Aktuellt läge', presenters: [], guests: [], slides: false },
        { title: 'Nära vård', presenters: [], guests: [], slides: false },
      ],
    });
    await deps().meetings.create(meeting);
    await say('starta möte');
    await press('attendance.checkIn', { networkId: network.networkId, meetingId: meeting.meetingId }, SARA);
    await say('beslut punkt 1 Nätverket ställer sig bakom uppdraget.');
    await say('avsluta möte');
    return meeting;
  }

  /** The draft the secretary gets with `protokoll`: its version and full text. */
  async function minutesText(command = 'protokoll'): Promise<{ version: number; text: string }> {
    const summary = attachmentCard(await say(command, JOHAN));
    const open = await press('minutes.open', dataOf(summary, 'minutes.open'), JOHAN);
    // The card's minutes, one text per element, in order.
    const text = cardTexts(open.value).join('\n');
    return { version: Number(dataOf(summary, 'minutes.open').version), text };
  }

  it('takes the secretary’s decision, note, follow-up and attendance change after the end into the next draft', async () => {
    const meeting = await meetingRunAndEnded();
    const named = `Nätverksmöte november, ${dayText(meeting)}`;

    const decision = await say('beslut punkt 2 Nätverket nominerar Kungälv till styrgruppen.', JOHAN);
    expect(cardTexts(attachmentCard(decision))).toContain(`Beslut 2 i ${named} · punkt 2: Nära vård`);
    expect((await say('anteckning punkt 2 Sara berättar om arbetet i Kungälv.', JOHAN)).text).toBe(
      `Anteckningen är sparad under punkt 2: Nära vård. (${named})`,
    );
    const followUp = await say('uppgift punkt 2 Kungälv skickar underlaget senast 31 december 2035', JOHAN);
    // The follow-up card names its meeting and day in its facts.
    expect(cardTexts(attachmentCard(followUp))).toContain(
      `Nätverksmöte november, ${DateTime.fromObject(meeting.date).setLocale('sv-SE').toFormat('cccc d MMMM yyyy')}`,
    );

    // Attendance: Anders was there after all (Teams did not report him).
    const attendanceCard = attachmentCard(await say('närvaro', JOHAN));
    expect(cardTexts(attendanceCard)).toContain(`Närvaro, ${named}`);
    await suite.connector.waitForCalls(2);
    expect(cardTexts(attachmentCard(suite.connector.sent[1] ?? {}))).toContain(
      'Rätta närvaron, Nätverksmöte november',
    );
    const marked = await press(
      'attendance.correct',
      {
        networkId: network.networkId,
        meetingId: meeting.meetingId,
        person: ANDERS.aadObjectId,
        presence: 'present',
      },
      JOHAN,
    );
    expect(cardTexts(marked.value)[0]).toBe('Anders Holm är markerad som närvarande.');

    const { text } = await minutesText();
    expect(text).toContain('\nNätverket ställer sig bakom uppdraget.\n');
    expect(text).toContain('\nNätverket nominerar Kungälv till styrgruppen.\n');
    expect(text).toContain('Sara berättar om arbetet i Kungälv.');
    expect(text).toContain('- Kungälv: skickar underlaget, senast 31 december 2035');
    expect(text).toMatch(/NÄRVARANDE[\s\S]*Anders Holm[\s\S]*EJ NÄRVARANDE/);
    expect(text.slice(text.indexOf('EJ NÄRVARANDE'))).not.toContain('Anders Holm');
  });

  it('refuses a member who is neither chair nor secretary, writing nothing', async () => {
    const meeting = await meetingRunAndEnded();
    expect((await say('beslut punkt 2 Något annat.', ANDERS)).text).toBe(
      'Bara ordförande och sekreterare (Karin Ek, Johan Berg) kan göra det under mötet.',
    );
    expect((await say('anteckning punkt 2 Något.', SARA)).text).toBe(
      'Bara ordförande och sekreterare (Karin Ek, Johan Berg) kan göra det under mötet.',
    );
    expect((await deps().decisions.list(meeting.meetingId)).map((d) => d.text)).toEqual([
      'Nätverket ställer sig bakom uppdraget.',
    ]);
    expect(await deps().notes.list(meeting.meetingId)).toEqual([]);
  });

  it('after approval: nothing changed shows the approved minutes; a correction makes version 2 and keeps version 1', async () => {
    const meeting = await meetingRunAndEnded();
    const summary = attachmentCard(await say('protokoll', JOHAN));
    const data = dataOf(summary, 'minutes.open');
    const full = await press('minutes.open', data, JOHAN);
    await press('minutes.approve', dataOf(full.value, 'minutes.approve'), JOHAN);
    const approved = await deps().minutes.get(meeting.meetingId, 1);
    expect(approved?.minutes.status).toBe('approved');
    expect((await deps().meetings.get(network.networkId, meeting.meetingId))?.meeting.minutesApprovedAt).toBe(
      approved?.minutes.approvedAt,
    );

    // Nothing changed: the approved version, no new draft.
    await say('protokoll', JOHAN);
    expect(suite.connector.sent.map((a) => a.text)).toContain(
      'Inget har ändrats sedan version 1 godkändes, så här är de godkända anteckningarna. Skriv ”protokoll ny” om du ändå vill göra en ny version.',
    );
    expect((await deps().minutes.latest(meeting.meetingId))?.minutes.version).toBe(1);

    // Approved: a correction without a day finds no meeting to finish and says how to name one.
    expect((await say('beslut punkt 2 Rättelse.', JOHAN)).text).toBe(sv['meeting.noneToRecord']);
    const corrected = await say(
      `möte ${iso(meeting)} beslut punkt 2 Nätverket beslutar att återkomma.`,
      JOHAN,
    );
    expect(cardTexts(attachmentCard(corrected))).toContain(
      `Beslut 2 i Nätverksmöte november, ${dayText(meeting)} · punkt 2: Nära vård`,
    );
    const next = await minutesText();
    expect(next.version).toBe(2);
    expect(next.text).toContain('\nNätverket beslutar att återkomma.\n');
    const first = await deps().minutes.get(meeting.meetingId, 1);
    expect(first?.minutes).toEqual(approved?.minutes);
    expect(JSON.stringify(first?.minutes.minutes)).not.toContain('återkomma');
    // Asked for: a new version even with nothing changed.
    expect((await minutesText('protokoll ny')).version).toBe(2);
  });

  it('records a meeting held without the bot: no agenda, no answers asked; then its record and approved minutes', async () => {
    const day = DateTime.now().setZone('Europe/Stockholm').minus({ days: 40 });
    const when = `${day.toISODate()} 9-12`;
    const form = {
      networkId: network.networkId,
      meetingId: '',
      title: 'Nätverksmöte september',
      when,
      mode: 'digital',
      agenda: 'Aktuellt läge\nKompetensförsörjning',
    };
    // Without saying it was held, a past date is refused as before.
    const refused = await press('meeting.save', form);
    expect(cardTexts(refused.value).join(' ')).toContain('och det har redan varit');
    suite.connector.reset();
    const saved = await press('meeting.save', { ...form, held: 'true' });
    const [meeting] = await deps().meetings.held(network.networkId);
    expect(meeting).toMatchObject({ status: 'ended', recordedAfter: true, title: 'Nätverksmöte september' });
    expect(meeting?.agendaDueAt).toBeUndefined();
    expect(saved.value).toBe(
      sv['meeting.savedHeld'].replace('{meeting}', `Nätverksmöte september, ${dayText(meeting!)}`),
    );
    // Nothing went to the chat: no agenda, no answer buttons.
    expect(suite.connector.sent).toEqual([]);
    expect(await deps().meetings.dueAgendas(new Date(Date.now() + 400 * DAY_MS))).toEqual([]);

    await say('beslut punkt 2 Nätverket ställer sig bakom planen.', JOHAN);
    // A deadline read from the meeting's day, passed since: stored, overdue and reminded per the policy.
    const overdueDay = day.plus({ days: 10 });
    await say(`uppgift punkt 2 Kungälv skickar planen senast ${overdueDay.toISODate()}`, JOHAN);
    const [open] = await deps().followUps.listOpen(network.networkId);
    expect(open?.due).toBe(overdueDay.toISODate());
    expect(open?.reminders?.nextAt).toBeDefined();
    expect(Date.parse(open?.reminders?.nextAt ?? '')).toBeGreaterThan(Date.now());

    const summary = attachmentCard(await say('protokoll', JOHAN));
    const full = await press('minutes.open', dataOf(summary, 'minutes.open'), JOHAN);
    await press('minutes.approve', dataOf(full.value, 'minutes.approve'), JOHAN);
    const minutes = await deps().minutes.latest(meeting!.meetingId);
    expect(minutes?.minutes.status).toBe('approved');
    expect(minutes?.minutes.minutes.items[1]?.decisions).toEqual([
      [{ kind: 'paragraph', runs: [{ text: 'Nätverket ställer sig bakom planen.' }] }],
    ]);
    // No answers were ever asked for.
    expect(await deps().rsvps.list(meeting!.meetingId)).toEqual([]);
  });

  it('answers a day with no meeting, a day with two, and a meeting past retention, writing nothing', async () => {
    const first = heldMeeting(network.networkId, 3);
    const second = { ...heldMeeting(network.networkId, 3), title: 'Styrgrupp' };
    second.start = { hour: 13, minute: 0 };
    second.end = { hour: 15, minute: 0 };
    second.startsAt = new Date(Date.parse(first.startsAt) + 4 * 3600_000).toISOString();
    const old = heldMeeting(network.networkId, 500, { title: 'Nätverksmöte förra året' });
    for (const m of [first, second, old]) await deps().meetings.create(m);

    const empty = DateTime.now().minus({ days: 9 });
    expect((await say(`möte ${empty.toISODate()} beslut punkt 1 X.`, JOHAN)).text).toBe(
      `Jag hittar inget möte ${DateTime.fromObject({ year: empty.year, month: empty.month, day: empty.day }).setLocale('sv-SE').toFormat('cccc d MMMM yyyy')}. Inget sparades.`,
    );
    const several = (await say(`möte ${iso(first)} beslut punkt 1 X.`, JOHAN)).text as string;
    expect(several).toContain('finns flera möten');
    expect(several).toContain(`Nätverksmöte oktober, ${dayText(first)} kl. 09:00`);
    expect(several).toContain(`Styrgrupp, ${dayText(first)} kl. 13:00`);
    // With the time, the one meant.
    const picked = await say(`möte ${iso(first)} 13:00 beslut punkt 1 Styrgruppen tillsätts.`, JOHAN);
    expect(cardTexts(attachmentCard(picked))).toContain(
      `Beslut 1 i Styrgrupp, ${dayText(first)} · punkt 1: Aktuellt läge`,
    );
    expect((await say(`möte ${iso(old)} beslut punkt 1 X.`, JOHAN)).text).toBe(
      `Nätverksmöte förra året, ${dayText(old)} är äldre än nätverkets lagringstid (12 månader) och kan inte ändras. Inget sparades.`,
    );
    expect((await say('möte fjärde advent beslut punkt 1 X.', JOHAN)).text).toBe(
      'Jag kunde inte läsa ”fjärde advent” som ett mötes datum. Skriv till exempel: möte 2026-11-20 beslut punkt 1 …',
    );
    expect(await deps().decisions.list(first.meetingId)).toEqual([]);
    expect((await deps().decisions.list(second.meetingId)).map((d) => d.text)).toEqual([
      'Styrgruppen tillsätts.',
    ]);
    expect(await deps().decisions.list(old.meetingId)).toEqual([]);
  });

  it('takes the latest ended meeting whose minutes are not approved when none is in progress', async () => {
    const older = heldMeeting(network.networkId, 20, { title: 'Nätverksmöte september' });
    const latest = heldMeeting(network.networkId, 2, { title: 'Nätverksmöte oktober' });
    const approved = {
      ...heldMeeting(network.networkId, 1, { title: 'Extramöte' }),
      minutesApprovedAt: new Date().toISOString(),
    };
    for (const m of [older, latest, approved]) await deps().meetings.create(m);
    expect((await say('anteckning punkt 1 Läget beskrivs.', JOHAN)).text).toBe(
      `Anteckningen är sparad under punkt 1: Aktuellt läge. (Nätverksmöte oktober, ${dayText(latest)})`,
    );
    expect(await deps().notes.list(latest.meetingId)).toHaveLength(1);
  });
});
