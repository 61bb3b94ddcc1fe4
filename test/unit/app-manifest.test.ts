import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { buildAppPackage, schemaProblems } from '../../src/dev/app-package';
import { parseCommand } from '../../src/domain/commands';

interface Manifest {
  $schema: string;
  manifestVersion: string;
  authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
  localizationInfo?: {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  icons: { color: string; outline: string };
}

const appPackage = (file: string): Buffer => readFileSync(join(__dirname, '..', '..', 'appPackage', file));
const manifest = JSON.parse(appPackage('manifest.json').toString('utf8')) as Manifest;
const english = JSON.parse(appPackage('en-US.json').toString('utf8')) as Record<string, string> & {
  $schema: string;
};
const IDS = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  BOT_ID: '22222222-2222-4333-8444-555555555555',
};

describe('Teams app manifest', () => {
  it('installs the bot in personal chats, group chats and teams', () => {
    expect(manifest.bots[0]?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('is on a current manifest version and valid against the schema bundled in @microsoft/app-manifest', () => {
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(22);
    // With the placeholders filled, as `npm run package` does.
    const filled = JSON.parse(
      JSON.stringify(manifest).replace(/\$\{\{([A-Z_]+)\}\}/g, (_, key: keyof typeof IDS) => IDS[key]),
    ) as Manifest;
    expect(schemaProblems(filled)).toEqual([]);
    expect(schemaProblems(english)).toEqual([]);
    // The check itself bites: a description over Teams' 80 characters is named.
    expect(
      schemaProblems({ ...filled, description: { short: 'x'.repeat(81), full: 'x' } } as Manifest).join('\n'),
    ).toMatch(/description\/short/);
  });

  it('asks for the resource-specific consent meeting events and the check of a stopped send need', () => {
    expect(manifest.authorization?.permissions?.resourceSpecific?.map((p) => p.name).sort()).toEqual([
      'ChannelMeeting.ReadBasic.Group',
      'ChatMessage.Read.Chat',
      'OnlineMeeting.ReadBasic.Chat',
      'OnlineMeetingParticipant.Read.Chat',
    ]);
  });

  it('lists commands in Swedish, with English from the localization file; the bot understands every one', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'sv-SE',
      additionalLanguages: [{ languageTag: 'en-US', file: 'en-US.json' }],
    });
    manifest.bots[0]!.commandLists.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        const translated = english[`bots[0].commandLists[${l}].commands[${c}].title`] ?? '';
        expect([command.title, translated]).toEqual([expect.any(String), expect.any(String)]);
        const sv = parseCommand(command.title);
        expect(sv).toMatchObject({ kind: 'command', language: 'sv' });
        // The English title is the same command ("agenda" is one word in both languages).
        expect(parseCommand(translated)).toMatchObject({
          kind: 'command',
          name: (sv as { name: string }).name,
        });
        expect(english[`bots[0].commandLists[${l}].commands[${c}].description`]).toBeTruthy();
      }),
    );
  });

  it("keeps each command list within Teams' limit of 10", () => {
    for (const list of manifest.bots.flatMap((bot) => bot.commandLists))
      expect(list.commands.length).toBeLessThanOrEqual(10);
  });

  it('takes the bot id from deployment, never a hard-coded one', () => {
    expect(manifest.bots[0]?.botId).toBe('${{BOT_ID}}');
  });

  it("ships icons by Teams' rules: color 192×192, outline 32×32 white on a transparent background", () => {
    const color = PNG.sync.read(appPackage(manifest.icons.color));
    const outline = PNG.sync.read(appPackage(manifest.icons.outline));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = (png: PNG) =>
      Array.from({ length: png.width * png.height }, (_, i) => [...png.data.subarray(i * 4, i * 4 + 4)]);
    const outlinePixels = pixels(outline);
    expect(outlinePixels.filter(([r, g, b, a]) => a! > 0 && (r !== 255 || g !== 255 || b !== 255))).toEqual(
      [],
    );
    expect(outlinePixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(outlinePixels.some(([, , , a]) => a! > 0)).toBe(true);
  });

  it('npm run package: a zip whose manifest has the ids filled in and validates; refuses without ids', () => {
    const files = unzipSync(buildAppPackage(IDS));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en-US.json', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(strFromU8(files['manifest.json']!)) as Manifest & { id: string };
    expect(packed.id).toBe(IDS.TEAMS_APP_ID);
    expect(packed.bots[0]?.botId).toBe(IDS.BOT_ID);
    expect(strFromU8(files['manifest.json']!)).not.toContain('${{');
    expect(schemaProblems(packed)).toEqual([]);
    expect(() => buildAppPackage({ BOT_ID: IDS.BOT_ID })).toThrow(/TEAMS_APP_ID/);
    expect(() => buildAppPackage({ TEAMS_APP_ID: 'not-a-guid', BOT_ID: IDS.BOT_ID })).toThrow(/TEAMS_APP_ID/);
  });
});
