import type { Locator, Page } from 'playwright-core';

/** Drives the Agents Playground chat UI the way a user does. */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async openChat(name: string): Promise<void> {
    await this.page.getByText(name, { exact: true }).first().click();
  }

  private get composer(): Locator {
    return this.page.locator('[role=textbox][contenteditable=true]');
  }

  /**
   * Types a message; in group chats and channels `@Anteckna` is picked from the mention menu first, as in Teams.
   * `@[Name]` in the text mentions that person the same way.
   */
  async send(text: string, options: { mentionBot?: string } = {}): Promise<void> {
    await this.composer.click();
    if (options.mentionBot) await this.mention(options.mentionBot);
    const parts = text.split(/@\[([^\]]+)\]/);
    for (const [index, part] of parts.entries()) {
      if (index % 2 === 1) await this.mention(part);
      else if (part) await this.page.keyboard.type(part);
    }
    await this.page.keyboard.press('Enter');
  }

  private async mention(name: string): Promise<void> {
    await this.page.keyboard.type(`@${name.slice(0, 3)}`);
    await this.page.locator('#typeahead-menu [role=menuitem]', { hasText: name }).first().click();
    await this.page.keyboard.type(' ');
  }

  /** Rendered Adaptive Cards in the open conversation. */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  cardsWithText(text: string): Locator {
    return this.cards().filter({ hasText: text });
  }

  /** Waits until exactly `count` elements match (the bot's answers arrive asynchronously). */
  async waitForCount(locator: Locator, count: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let seen = await locator.count();
    while (seen !== count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} matching elements, saw ${seen}`);
      await this.page.waitForTimeout(200);
      seen = await locator.count();
    }
  }
}
