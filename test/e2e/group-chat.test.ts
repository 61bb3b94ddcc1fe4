import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../src/dev/playground';
import { networkIdForConversation } from '../../src/domain/conversation';
import { en } from '../../src/i18n/en';
import { sv } from '../../src/i18n/sv';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { PlaygroundPage } from '../helpers/playground-page';
import { step } from '../helpers/step';
import { startTestBot } from '../helpers/test-bot';

jest.setTimeout(240_000);

type Bot = Awaited<ReturnType<typeof startTestBot>>;

describe('in Agents Playground (a real Teams client, headless Chromium)', () => {
  let bot: Bot;
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  let ui: PlaygroundPage;

  beforeAll(async () => {
    bot = await startTestBot();
    playground = await startPlayground({
      botEndpoint: `${bot.url}/api/messages`,
      port: await freePort(),
      workDir: await mkdtemp(join(tmpdir(), 'anteckna-e2e-')),
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    ui = new PlaygroundPage(page);
    await page.goto(playground.url);
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.close();
  });

  // The Playground's client reports locale en-US, so with no network setting the bot answers in English.
  it('shows the welcome card when the bot is installed in the personal chat', async () => {
    await ui.cardsWithText(en['help.title']).first().waitFor();
  });

  it('in the group chat: help, the network setup, a card switched to Swedish, and a hint for an unknown command', async () => {
    await step('answers "hjälp" in the group chat with the help card rendered on the page', async () => {
      await ui.openChat('Socialchefsnätverket');
      await ui.cardsWithText(en['help.title']).first().waitFor();
      const before = await ui.cardsWithText(en['help.title']).count();
      await ui.send('hjälp', { mentionBot: 'Anteckna' });
      await ui.waitForCount(ui.cardsWithText(en['help.title']), before + 1);
      const card = ui.cardsWithText(en['help.title']).last();
      await expect(card.innerText()).resolves.toContain('@Anteckna help');
    });

    await step('offers the network setup in the group chat and saves it with the form values', async () => {
      const setup = ui.cardsWithText(en['network.setup.title']).first();
      await setup.waitFor();
      await setup.getByRole('textbox').first().fill('Socialchefer Väst');
      await setup.getByRole('button', { name: en['network.setup.save'] }).click();
      const summary = ui.cardsWithText('Network Socialchefer Väst').first();
      await summary.waitFor({ timeout: 15_000 });
      await expect(summary.innerText()).resolves.toMatch(
        /Karin Ek[\s\S]*English[\s\S]*7 days before the meeting/,
      );
      const stored = await bot.deps.networks.get(networkIdForConversation('group-chat-id'));
      expect(stored?.network).toMatchObject({
        status: 'active',
        settings: { name: 'Socialchefer Väst', chairs: [{ name: 'Karin Ek' }] },
      });
    });

    await step('switches a card to Swedish with its Action.Execute button', async () => {
      await ui.cardsWithText(en['help.title']).last().getByRole('button', { name: 'På svenska' }).click();
      await ui.cardsWithText(sv['help.title']).first().waitFor({ timeout: 15_000 });
      await expect(ui.cardsWithText(sv['help.title']).first().innerText()).resolves.toContain(
        sv['help.commandsHeading'],
      );
    });

    await step('answers "help" and gives a hint for an unknown command', async () => {
      const before = await ui.cardsWithText(en['help.title']).count();
      await ui.send('help', { mentionBot: 'Anteckna' });
      await ui.waitForCount(ui.cardsWithText(en['help.title']), before + 1);
      await ui.send('kaffe tack', { mentionBot: 'Anteckna' });
      await page
        .getByRole('paragraph')
        .filter({ hasText: 'I don\'t understand "kaffe tack". Type help to see what I can do.' })
        .waitFor({ timeout: 15_000 });
    });
  });
});
