import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../../src/domain/commands';

interface Manifest {
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  icons: { color: string; outline: string };
}

const manifest = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'appPackage', 'manifest.json'), 'utf8'),
) as Manifest;

describe('Teams app manifest', () => {
  it('installs the bot in personal chats, group chats and teams', () => {
    expect(manifest.bots[0]?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('offers in its command menu only commands the bot understands', () => {
    const titles = manifest.bots.flatMap((bot) =>
      bot.commandLists.flatMap((list) => list.commands.map((c) => c.title)),
    );
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(parseCommand(title)).toMatchObject({ kind: 'command' });
  });

  it("keeps each command list within Teams' limit of 10", () => {
    for (const list of manifest.bots.flatMap((bot) => bot.commandLists))
      expect(list.commands.length).toBeLessThanOrEqual(10);
  });

  it('takes the bot id from deployment, never a hard-coded one', () => {
    expect(manifest.bots[0]?.botId).toBe('${{BOT_ID}}');
  });

  it('ships both icons at the sizes Teams requires', () => {
    const size = (file: string) => {
      const png = readFileSync(join(__dirname, '..', '..', 'appPackage', file));
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size(manifest.icons.color)).toEqual([192, 192]);
    expect(size(manifest.icons.outline)).toEqual([32, 32]);
  });
});
