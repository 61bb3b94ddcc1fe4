import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Playground } from '../../src/dev/playground';
import { networkIdForConversation } from '../../src/domain/conversation';
import { en } from '../../src/i18n/en';
import { launchChromium } from '../helpers/browser';
import { openPlayground } from '../helpers/open-playground';
import type { PlaygroundPage } from '../helpers/playground-page';
import { step } from '../helpers/step';
import { startTestBot } from '../helpers/test-bot';

jest.setTimeout(300_000);

type Bot = Awaited<ReturnType<typeof startTestBot>>;
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

/**
 * Two people in the same group chat, each in their own Agents Playground (it has no user switcher): Karin, who
 * sets up the network and chairs it, and Johan, a member.
 */
describe('planning a meeting and answering its agenda in Agents Playground', () => {
  let bot: Bot;
  const playgrounds: Playground[] = [];
  let browser: Browser;
  let karin: PlaygroundPage;
  let johan: PlaygroundPage;

  const open = (configPath?: string) => openPlayground(bot.url, browser, playgrounds, configPath);

  beforeAll(async () => {
    bot = await startTestBot();
    browser = await launchChromium();
    karin = await open();
  });

  afterAll(async () => {
    await browser?.close();
    for (const playground of playgrounds) await playground.stop();
    await bot?.close();
  });

  it('Karin plans a meeting, Johan answers he is not coming, Karin that she is, and the tally is right', async () => {
    await step('Karin sets up the network and plans a meeting with two items', async () => {
      const setup = karin.cardsWithText(en['network.setup.title']).first();
      await setup.waitFor();
      await setup.getByRole('button', { name: en['network.setup.save'] }).click();
      await karin.cardsWithText('Network Socialchefsnätverket').first().waitFor({ timeout: 15_000 });

      await karin.send('new meeting', { mentionBot: 'Anteckna' });
      const form = karin.cardsWithText(en['meeting.form.title']).last();
      await form.waitFor({ timeout: 15_000 });
      const fields = form.getByRole('textbox');
      await fields.nth(0).fill('December meeting');
      await fields.nth(1).fill(`${NEXT_YEAR}-03-15 9-12`);
      await form
        .locator('textarea')
        .fill('Current situation – Lena Holmlund (slides)\nClose-to-home care – Anna Haglund');
      await form.getByRole('button', { name: en['meeting.form.save'] }).click();

      const saved = karin.cardsWithText('December meeting').last();
      await saved.waitFor({ timeout: 15_000 });
      await expect(saved.innerText()).resolves.toMatch(
        /1\s+Current situation \(slides available\)[\s\S]*2\s+Close-to-home care/,
      );
      const [meeting] = await bot.deps.meetings.upcoming(
        networkIdForConversation('group-chat-id'),
        new Date(),
      );
      expect(meeting).toMatchObject({
        title: 'December meeting',
        startsAt: `${NEXT_YEAR}-03-15T08:00:00.000Z`,
      });
    });

    await step('Johan gets the agenda in his client and answers that he is not coming', async () => {
      johan = await open(join(__dirname, 'playground-johan.yml'));
      await johan.send('agenda', { mentionBot: 'Anteckna' });
      const agenda = johan.cardsWithText('December meeting').last();
      await agenda.waitFor({ timeout: 15_000 });
      await agenda.getByRole('button', { name: en['rsvp.no'] }).click();
      await johan.cardsWithText(en['rsvp.answer.no']).first().waitFor({ timeout: 15_000 });
      await expect(johan.cardsWithText('Answers:').count()).resolves.toBe(0);
    });

    await step('Karin answers that she is coming and, as chair, sees the tally right', async () => {
      await karin.send('agenda', { mentionBot: 'Anteckna' });
      const agenda = karin.cardsWithText(en['rsvp.question']).last();
      await agenda.waitFor({ timeout: 15_000 });
      await agenda.getByRole('button', { name: en['rsvp.yes'] }).click();
      const mine = karin.cardsWithText(en['rsvp.answer.yes']).last();
      await mine.waitFor({ timeout: 15_000 });
      // Six people in the chat: Karin coming, Johan not, four yet to answer.
      await expect(mine.innerText()).resolves.toContain(
        'Answers: 1 coming, 0 sending a substitute, 1 not coming, 4 not answered.',
      );
      await expect(mine.innerText()).resolves.toContain(
        'Not answered: Anders Holm, Erik Sund, Maria Ström, Sara Lind',
      );
    });
  });
});
