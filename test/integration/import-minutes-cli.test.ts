import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setUpNetwork } from '../helpers/network-setup';
import { withSharedCosmos } from '../helpers/shared-cosmos';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const SAMPLES = join(ROOT, '..', 'shared', 'sample-minutes');
const samples = readdirSync(SAMPLES)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort()
  .map((f) => join(SAMPLES, f));

/** The command as an operator runs it in a checkout; its stdout is the contract, one JSON object per file. */
async function importMinutesWith(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['src/cli/import-minutes.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
const importMinutes = (...args: string[]) => importMinutesWith({}, ...args);

describe('import-minutes --dry-run --json', () => {
  it("prints exactly one JSON object per file, with the contract's fields, and a summary on stderr", async () => {
    const { code, stdout, stderr } = await importMinutes('--dry-run', '--json', ...samples);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const [s000, s001, s002] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const object of [s000, s001, s002])
      expect(Object.keys(object!)).toEqual([
        'file',
        'meeting',
        'attendance',
        'items',
        'decisions',
        'followUps',
        'secretary',
        'upcoming',
        'warnings',
      ]);
    // Written by hand from the samples themselves.
    expect(s000).toMatchObject({
      file: '000_1878821b91dcbef4.txt',
      meeting: { date: '2020-04-17', place: 'Digitalt möte via Teams' },
      secretary: { name: 'Sara Nordenhielm', title: null },
      upcoming: [{ date: '2020-06-12', text: 'Nästa nätverksmöte 12 juni' }],
    });
    const attendance = s000!.attendance as {
      name: string;
      organisation: string | null;
      status: string;
      items: number[];
    }[];
    expect(attendance).toHaveLength(21);
    expect(attendance).toContainEqual({
      name: 'Maria Ljung',
      organisation: 'Göteborgsregionen',
      status: 'present',
      items: [3, 6],
    });
    expect(attendance).toContainEqual({
      name: 'Shujaat Noormohamed',
      organisation: 'Tjörn',
      status: 'present',
      items: [],
    });
    expect((s000!.items as { title: string }[]).map((i) => i.title)).toEqual([
      'Aktuellt läge Covid 19',
      'Vårdens medarbetare',
      'Beslut om medel 2020 överenskommelse God och Nära vård',
      'Remiss Regional utvecklingsstrategi Västra Götaland 2021-2030',
      'Korta punkter',
    ]);
    expect(s000!.decisions).toContainEqual({
      item: 3,
      text: 'Nätverket ställer sig bakom temagruppens förslag om fördelning av medel 2020.',
    });
    expect(s000!.followUps).toContainEqual(
      expect.objectContaining({ owner: 'GR', due: '2020-09-30', item: 4 }),
    );
    expect(s001).toMatchObject({ meeting: { date: null }, secretary: null });
    const guests = (s001!.attendance as { name: string; status: string }[]).filter(
      (p) => p.status === 'guest',
    );
    expect(guests.map((g) => g.name)).toEqual(['Linnea Winckler', 'Anita Toth']);
    expect((s001!.warnings as string[]).length).toBeGreaterThan(0);
    expect(s002).toMatchObject({ secretary: { name: 'Sara Nordenhielm' } });
    expect((s002!.items as unknown[]).length).toBe(7);
    expect(stderr).toContain('3 files read: 3 minutes');
  }, 60_000);

  it('answers a file that is not minutes, empty, unreadable or of another kind, one object each, and fails', async () => {
    const fixtures = join(ROOT, 'test', 'fixtures', 'import');
    const { code, stdout } = await importMinutes(
      '--dry-run',
      '--json',
      join(ROOT, 'package.json'),
      join(fixtures, 'not-minutes.txt'),
      join(fixtures, 'empty.txt'),
      join(fixtures, 'broken.docx'),
    );
    expect(code).toBe(1);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { file: 'package.json', error: 'only .docx, .txt and .md files can be read, not .json' },
      {
        file: 'not-minutes.txt',
        error: 'no attendance list and no agenda items: this does not read as minutes',
      },
      { file: 'empty.txt', error: 'the file is empty' },
      { file: 'broken.docx', error: 'not a readable Word document (password-protected or damaged?)' },
    ]);
  }, 60_000);
});

describe('import-minutes into a network, against the configured Cosmos DB', () => {
  const { context, env } = withSharedCosmos(1);

  it('stores a past meeting once: the same file again writes nothing; minutes without a date need --date', async () => {
    const [bot] = context.bots;
    const network = await setUpNetwork(bot!, context.connector, '19:import-cli@thread.v2');
    const file = join(ROOT, 'test', 'fixtures', 'import', 'table-tabs.txt');
    const first = await importMinutesWith(env(), '--network', network.networkId, file);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^table-tabs\.txt: imported \([0-9a-f-]{36}\)\n$/);
    const [meeting] = await bot!.deps.meetings.held(network.networkId);
    expect(meeting).toMatchObject({
      title: 'Socialchefsnätverket Fyrbodal',
      date: { year: 2025, month: 3, day: 14 },
    });
    expect((await bot!.deps.decisions.list(meeting!.meetingId)).map((d) => d.text)).toEqual([
      'Nätverket beslutar att ta fram en gemensam plan.',
    ]);
    expect((await bot!.deps.minutes.latest(meeting!.meetingId))?.minutes).toMatchObject({
      status: 'approved',
      imported: true,
    });
    const again = await importMinutesWith(env(), '--network', network.networkId, file);
    expect(again.stdout).toBe('table-tabs.txt: already imported, nothing written\n');
    expect(await bot!.deps.meetings.held(network.networkId)).toHaveLength(1);

    const undated = join(SAMPLES, samples[1]!.split('/').pop()!);
    expect((await importMinutesWith(env(), '--network', network.networkId, undated)).stdout).toContain(
      'the minutes do not say their date: give it with --date',
    );
    expect(
      (await importMinutesWith(env(), '--network', network.networkId, '--date', '2022-05-20', undated)).code,
    ).toBe(0);
    expect(await bot!.deps.meetings.held(network.networkId)).toHaveLength(2);
  }, 60_000);
});
