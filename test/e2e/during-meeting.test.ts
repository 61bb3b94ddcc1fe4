import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import type { Playground } from '../../src/dev/playground';
import { networkIdForConversation } from '../../src/domain/conversation';
import { en } from '../../src/i18n/en';
import { meetingStarting } from '../fixtures/meeting';
import { launchChromium } from '../helpers/browser';
import { openPlayground } from '../helpers/open-playground';
import type { PlaygroundPage } from '../helpers/playground-page';
import { eventually } from '../helpers/eventually';
import { step } from '../helpers/step';
import { startTestBot } from '../helpers/test-bot';

jest.setTimeout(420_000);

type Bot = Awaited<ReturnType<typeof startTestBot>>;
const NETWORK_ID = networkIdForConversation('group-chat-id');

/**
 * The meeting itself, as Karin (chair) and Johan (member) see it in their own Agents Playgrounds: Karin starts it,
 * both check in, Karin records a decision and gives Johan a follow-up by @mention; attendance and follow-ups show it.
 */
describe('during the meeting in Agents Playground', () => {
  let bot: Bot;
  const playgrounds: Playground[] = [];
  let browser: Browser;
  let karin: PlaygroundPage;
  let johan: PlaygroundPage;
  /** The bot's clock runs this far ahead of the real one, so a follow-up can fall due during the test. */
  let clockOffsetMs = 0;

  const open = (configPath?: string) => openPlayground(bot.url, browser, playgrounds, configPath);

  /** The text of the newest message or card containing `text` (the bot's answers arrive asynchronously). */
  const latest = async (ui: PlaygroundPage, text: string): Promise<string> => {
    const found = ui.page.getByText(text, { exact: false }).last();
    await found.waitFor({ timeout: 15_000 });
    return found.innerText();
  };

  beforeAll(async () => {
    bot = await startTestBot({}, undefined, () => new Date(Date.now() + clockOffsetMs));
    browser = await launchChromium();
    karin = await open();
    const setup = karin.cardsWithText(en['network.setup.title']).first();
    await setup.waitFor();
    await setup.getByRole('button', { name: en['network.setup.save'] }).click();
    await karin.cardsWithText('Network Socialchefsnätverket').first().waitFor({ timeout: 15_000 });
    // The meeting was planned earlier (planning has its own end-to-end test); it starts within the hour.
    await bot.deps.meetings.create(
      meetingStarting(NETWORK_ID, new Date(Date.now() + 30 * 60_000), {
        title: 'December meeting',
        items: [
          { title: 'Current situation', presenters: [], guests: [], slides: false },
          { title: 'Close-to-home care', presenters: [], guests: [], slides: false },
        ],
      }),
    );
  });

  afterAll(async () => {
    await browser?.close();
    for (const playground of playgrounds) await playground.stop();
    await bot?.close();
  });

  it('the meeting from its start to Johan closing his follow-up, as Karin and Johan see it', async () => {
    await step('Karin starts the meeting and checks in on the card', async () => {
      await karin.send('start meeting', { mentionBot: 'Anteckna' });
      const card = karin.cardsWithText('December meeting has started').last();
      await card.waitFor({ timeout: 15_000 });
      await card.getByRole('button', { name: en['checkIn.button'] }).click();
      await checkedIn(1);
    });

    await step('Johan opens the check-in card in his client and checks in', async () => {
      johan = await open(join(__dirname, 'playground-johan.yml'));
      await johan.send('check in', { mentionBot: 'Anteckna' });
      const card = johan.cardsWithText('December meeting has started').last();
      await card.waitFor({ timeout: 15_000 });
      await card.getByRole('button', { name: en['checkIn.button'] }).click();
      await checkedIn(2);
    });

    await step('Karin records a decision and gives Johan a follow-up with an @mention', async () => {
      await karin.send('decision item 1 The network supports the assignment.', { mentionBot: 'Anteckna' });
      const decision = karin.cardsWithText('Decision 1').last();
      await decision.waitFor({ timeout: 15_000 });
      await expect(decision.innerText()).resolves.toContain('The network supports the assignment.');

      await karin.send('action @[Johan Berg] item 2 sends out the information by 31 December 2035', {
        mentionBot: 'Anteckna',
      });
      const followUp = karin.cardsWithText('sends out the information').last();
      await followUp.waitFor({ timeout: 15_000 });
      await expect(followUp.innerText()).resolves.toMatch(
        /Follow-up · item 2: Close-to-home care[\s\S]*Johan Berg/,
      );
      await expect(followUp.innerText()).resolves.toContain('Monday 31 December 2035');
      // The owner came from the mention itself, not from matching the name.
      expect((await bot.deps.followUps.listOpen(NETWORK_ID)).map((f) => f.owner)).toEqual([
        expect.objectContaining({ kind: 'member', name: 'Johan Berg', userId: 'user-id-1' }),
      ]);
    });

    await step(
      'attendance lists both as present; follow-ups lists the open one, for Karin and for Johan',
      async () => {
        await karin.send('attendance', { mentionBot: 'Anteckna' });
        const attendance = karin
          .cards()
          .filter({ hasText: /^Attendance, December meeting/ })
          .last();
        await attendance.waitFor({ timeout: 15_000 });
        // A card: each heading on its own line, not run into the list before it.
        expect(await attendance.innerText()).toMatch(
          /^Attendance, December meeting\s*\nPRESENT\s*\n[\s\S]*Johan Berg\s*\nKarin Ek\s*\nGUESTS\s*\nnone\s*\nNOT PRESENT\s*\n/,
        );

        const line = '**Johan Berg**: sends out the information (due Monday 31 December 2035, item 2)';
        await karin.send('follow-ups', { mentionBot: 'Anteckna' });
        await latest(karin, 'Open follow-ups');
        await karin.page.getByText(line.replace(/\*\*/g, '')).first().waitFor({ timeout: 15_000 });

        await johan.send('follow-ups', { mentionBot: 'Anteckna' });
        await latest(johan, 'Your open follow-ups');
        await johan.page.getByText(line.replace(/\*\*/g, '')).first().waitFor({ timeout: 15_000 });
      },
    );

    await step('Karin ends the meeting and "minutes" shows the draft minutes card', async () => {
      await karin.send('end meeting', { mentionBot: 'Anteckna' });
      await karin.cardsWithText(en['minutes.offer']).first().waitFor({ timeout: 15_000 });
      await karin.send('minutes', { mentionBot: 'Anteckna' });
      await karin.waitForCount(karin.cardsWithText('Notes, December meeting'), 2);
      const summary = karin.cardsWithText('Notes, December meeting').last();
      await summary.getByRole('button', { name: en['minutes.openDraft'] }).click();
      // The full card, not the decision's own card, which has the same words: wait for the one that is the draft.
      const card = karin
        .cards()
        .filter({ hasText: 'Draft, version 1' })
        .filter({ hasText: 'The network supports the assignment.' })
        .last();
      await card.waitFor({ timeout: 15_000 });
      const text = await card.innerText();
      expect(text).toContain('Draft, version 1');
      expect(text).toMatch(/PRESENT[\s\S]*Johan Berg[\s\S]*Karin Ek/);
      expect(text).toContain('The network supports the assignment.');
      expect(text).toContain('Johan Berg: sends out the information, by 31 December 2035');
      await expect(card.getByRole('button', { name: en['minutes.approve'] }).count()).resolves.toBe(1);

      // As rendered: a screenshot of the card, and its heading lines each on a line of their own, above what they head.
      const shot = join(tmpdir(), `anteckna-minutes-card-${process.pid}.png`);
      await card.screenshot({ path: shot });
      const png = PNG.sync.read(readFileSync(shot));
      expect(png.width).toBeGreaterThan(200);
      const top = async (text: string) =>
        (await card.getByText(text, { exact: true }).first().boundingBox())?.y ?? NaN;
      const lineHeight = 12;
      const present = await top('PRESENT');
      const absent = await top('NOT PRESENT');
      const item = await top('1. Current situation');
      const network = await top('Socialchefsnätverket');
      expect(present - network).toBeGreaterThan(lineHeight);
      expect(absent - present).toBeGreaterThan(lineHeight);
      expect(item - absent).toBeGreaterThan(lineHeight);
      // The decision sits in its own emphasised container, its background unlike the card's, its text in italics.
      const decision = card.getByText('The network supports the assignment.', { exact: true }).first();
      const style = await decision.evaluate((element) => {
        // The page's DOM, typed just enough here (the project's TypeScript has no DOM library).
        type Box = { parentElement: Box | null; closest(selector: string): Box | null };
        const styleOf = (node: Box) =>
          (
            globalThis as unknown as {
              getComputedStyle(node: Box): { backgroundColor: string; fontStyle: string };
            }
          ).getComputedStyle(node);
        const start = element as unknown as Box;
        let node: Box | null = start;
        while (node && styleOf(node).backgroundColor === 'rgba(0, 0, 0, 0)') node = node.parentElement;
        const cardNode = start.closest('.ac-adaptiveCard');
        return {
          background: node ? styleOf(node).backgroundColor : '',
          card: cardNode ? styleOf(cardNode).backgroundColor : '',
          italic: styleOf(start).fontStyle,
        };
      });
      expect(style.italic).toBe('italic');
      expect(style.background).not.toBe(style.card);
      // The same in the picture: the pixel under the decision has the container's colour, not the card's.
      const box = await decision.boundingBox();
      const cardBox = await card.boundingBox();
      const x = Math.round((box?.x ?? 0) - (cardBox?.x ?? 0) - 4);
      const y = Math.round((box?.y ?? 0) - (cardBox?.y ?? 0) + 2);
      const pixel = (px: number, py: number) => {
        const at = (png.width * py + px) << 2;
        return [png.data[at], png.data[at + 1], png.data[at + 2]].join(',');
      };
      expect(pixel(Math.max(x, 0), y)).not.toBe(pixel(png.width - 3, 3));
    });

    await step(
      'after the end Karin records a decision and shows the attendance in the group chat; "minutes" has both',
      async () => {
        const day = DateTime.fromJSDate(new Date(Date.now() + 30 * 60_000), { zone: 'Europe/Stockholm' })
          .setLocale('en-GB')
          .toFormat('d MMMM yyyy');
        await karin.send('decision item 2 The network will come back to it in the spring.', {
          mentionBot: 'Anteckna',
        });
        const decision = karin.cardsWithText(`Decision 2 in December meeting, ${day}`).last();
        await decision.waitFor({ timeout: 15_000 });

        await karin.send('attendance', { mentionBot: 'Anteckna' });
        const attendance = karin.cardsWithText(`Attendance, December meeting, ${day}`).last();
        await attendance.waitFor({ timeout: 15_000 });
        expect(await attendance.innerText()).toMatch(/PRESENT\s*\n[\s\S]*Johan Berg\s*\nKarin Ek\s*\nGUESTS/);

        await karin.send('minutes', { mentionBot: 'Anteckna' });
        const summaries = karin.cardsWithText('Notes, December meeting');
        await karin.waitForCount(summaries, (await summaries.count()) + 1);
        await summaries.last().getByRole('button', { name: en['minutes.openDraft'] }).click();
        const card = karin
          .cards()
          .filter({ hasText: 'Draft, version 1' })
          .filter({ hasText: 'in the spring' })
          .last();
        await card.waitFor({ timeout: 15_000 });
        const text = await card.innerText();
        expect(text).toMatch(/PRESENT[\s\S]*Johan Berg[\s\S]*Karin Ek/);
        expect(text).toContain('The network supports the assignment.');
        expect(text).toContain('The network will come back to it in the spring.');
      },
    );

    await step(
      '"search" in the group chat shows the results card, and its button opens the minutes',
      async () => {
        await karin.send('search decisions spring', { mentionBot: 'Anteckna' });
        const results = karin.cardsWithText('Search: decisions spring').last();
        await results.waitFor({ timeout: 15_000 });
        const text = await results.innerText();
        expect(text).toContain('The network will come back to it in the');
        expect(text).toContain('December meeting');
        const before = await karin.cards().filter({ hasText: 'Draft, version 1' }).count();
        await results.getByRole('button', { name: en['search.openMinutes'] }).first().click();
        await karin.waitForCount(karin.cards().filter({ hasText: 'Draft, version 1' }), before + 1);
      },
    );

    await step(
      'when the follow-up falls due Johan gets a reminder card in his personal chat and marks it Done',
      async () => {
        const [followUp] = await bot.deps.followUps.listOpen(NETWORK_ID);
        const dueAt = Date.parse(followUp?.reminders?.nextAt ?? '');
        expect(Number.isNaN(dueAt)).toBe(false);
        // Jump to a minute after the reminder falls due (a working-day morning before 31 December 2035).
        clockOffsetMs = dueAt + 60_000 - Date.now();
        await bot.scheduler.tick();
        // Johan's Playground installed the bot in his personal chat when it opened: the reminder comes 1:1.
        await johan.openChat('Personal Chat');
        const reminder = johan
          .cardsWithText(en['reminder.before'].replace('{date}', 'Monday 31 December 2035'))
          .last();
        await reminder.waitFor({ timeout: 15_000 });
        await reminder.getByRole('button', { name: en['followUp.markDone'] }).click();
        await johan.page
          .getByText(/^Done \(.+\)\.$/)
          .first()
          .waitFor({ timeout: 15_000 });
        await expect(bot.deps.followUps.listOpen(NETWORK_ID)).resolves.toEqual([]);
      },
    );
  });

  const meetingId = async (): Promise<string> =>
    (await bot.deps.meetings.upcoming(NETWORK_ID, new Date()))[0]?.meetingId ?? '';

  /** Waits until `count` people are recorded present (the invoke is answered in the background of the page). */
  const checkedIn = (count: number) =>
    eventually(
      `${count} checked in`,
      async () =>
        (await bot.deps.attendance.list(await meetingId())).filter((a) => a.present).length === count,
      15_000,
    );
});
