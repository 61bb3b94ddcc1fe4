import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startPlayground, type Playground } from '../../src/dev/playground';
import { freePort } from './free-port';
import { PlaygroundPage } from './playground-page';

/**
 * One person's Agents Playground against the bot, opened in the network's group chat. The Playground has no user
 * switcher, so each person gets their own (`configPath` names who they are); it is added to `started` to stop later.
 */
export async function openPlayground(
  botUrl: string,
  browser: Browser,
  started: Playground[],
  configPath?: string,
): Promise<PlaygroundPage> {
  const playground = await startPlayground({
    botEndpoint: `${botUrl}/api/messages`,
    port: await freePort(),
    workDir: await mkdtemp(join(tmpdir(), 'anteckna-e2e-')),
    ...(configPath ? { configPath } : {}),
  });
  started.push(playground);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
  await page.goto(playground.url);
  const ui = new PlaygroundPage(page);
  await ui.openChat('Socialchefsnätverket');
  return ui;
}
