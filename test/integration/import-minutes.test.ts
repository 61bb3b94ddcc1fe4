import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { networkIdForConversation } from '../../src/domain/conversation';
import { ANDERS, JOHAN, KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts, teamsActivity } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';
import { cardProblems } from '../helpers/validate-card';

const FILE_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** April's minutes as the secretary wrote them in Word: a table of those present, items, a decision, follow-ups. */
async function aprilMinutes(): Promise<Buffer> {
  const row = (...cells: string[]) =>
    new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Anteckningar', heading: HeadingLevel.TITLE }),
            new Paragraph('Socialchefsnätverket, 17 april 2026'),
            new Paragraph({ text: 'NÄRVARANDE', heading: HeadingLevel.HEADING_1 }),
            new Table({
              rows: [row('Sara Lind', 'Kungälv'), row('Karin Ek', 'Ale'), row('Eva Extern', 'VGR')],
            }),
            new Paragraph({ text: 'EJ NÄRVARANDE', heading: HeadingLevel.HEADING_1 }),
            new Table({ rows: [row('Anders Holm', 'Lerum')] }),
            new Paragraph({
              text: '1. Kompetensförsörjning – Sara Lind, Kungälv',
              heading: HeadingLevel.HEADING_2,
            }),
            new Paragraph('Sara berättar om läget i kommunerna.'),
            new Paragraph({
              children: [
                new TextRun({ text: 'Nätverket ställer sig bakom den gemensamma planen.', italics: true }),
              ],
            }),
            new Paragraph('Sara skickar ut underlaget senast 30 maj.'),
            new Paragraph({ text: '2. Övrigt', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('Kungälv återkommer med förslag till tider.'),
            new Paragraph('Vid anteckningarna, Karin Ek'),
          ],
        },
      ],
    }),
  );
}

describe("importing a network's past minutes in Teams", () => {
  const suite = withBotAndConnector({ IMPORT_LOOPBACK_DOWNLOADS: 'true' });
  const chat = { current: undefined as unknown as Awaited<ReturnType<typeof setUpNetwork>> };
  const { press, say } = chatMember(suite, () => chat.current);
  const personal = { conversationType: 'personal', tenantId: 't', id: 'a:personal-karin-import' };

  /** Karin sends `importera` in her personal chat with the file attached (Teams' download info). */
  const sendFile = async (downloadUrl: string, name = 'april.docx') => {
    suite.connector.reset();
    const message = teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
      id: `1${Date.now()}${Math.random().toString().slice(2, 8)}`,
      text: 'importera',
      conversation: personal,
      from: { id: KARIN.id, name: KARIN.name, aadObjectId: KARIN.aadObjectId },
      entities: [],
      attachments: [
        { contentType: FILE_INFO, name, content: { downloadUrl, fileType: 'docx', uniqueId: 'u1' } },
      ],
    });
    await postActivity(suite.bot, message);
    await suite.connector.waitForCalls(1);
    return suite.connector.sent[0] ?? {};
  };
  const pressIn = (verb: string, data: Record<string, unknown>) =>
    press(verb, data, KARIN).catch((error: unknown) => {
      throw error;
    });

  it('reads a .docx sent in the personal chat, previews it, and stores it once confirmed; the same file again writes nothing', async () => {
    chat.current = await setUpNetwork(suite.bot, suite.connector, '19:import@thread.v2', {
      chairs: KARIN.aadObjectId,
      secretary: JOHAN.aadObjectId,
    });
    const networkId = networkIdForConversation('19:import@thread.v2');
    suite.connector.files.set('april.docx', await aprilMinutes());
    // Karin's organisation is already known, and differs from what the minutes wrote.
    await suite.bot.deps.roster.setOrganisation(networkId, KARIN.id, 'Alebygden');

    const preview = attachmentCard(await sendFile(`${suite.connector.serviceUrl}files/april.docx`));
    expect(cardProblems(preview ?? {})).toEqual([]);
    const texts = cardTexts(preview);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Import: Socialchefsnätverket',
        '2026-04-17',
        // Sara and Karin are in the chat; Eva Extern is kept by name.
        '3 (2 finns i chatten)',
        'Nätverket ställer sig bakom den gemensamma planen.',
        'Sara Lind: skickar ut underlaget (2026-05-30)',
      ]),
    );
    // Nothing stored before she confirms.
    expect(await suite.bot.deps.meetings.held(networkId)).toEqual([]);

    const action = (preview as { actions: { verb?: string; data?: Record<string, string> }[] }).actions.find(
      (a) => a.verb === 'import.confirm',
    )!;
    const confirmed = await pressIn('import.confirm', { ...action.data, date: '2026-04-17' });
    expect(cardTexts(confirmed.value)[0]).toMatch(
      /^Importerat: Socialchefsnätverket, 17 april 2026, med 3 i närvaron, 1 beslut/,
    );

    const [meeting] = await suite.bot.deps.meetings.held(networkId);
    expect(meeting).toMatchObject({ status: 'ended', recordedAfter: true, importedFrom: expect.any(Object) });
    expect((await suite.bot.deps.decisions.list(meeting!.meetingId)).map((d) => [d.item, d.text])).toEqual([
      [1, 'Nätverket ställer sig bakom den gemensamma planen.'],
    ]);
    const minutes = (await suite.bot.deps.minutes.latest(meeting!.meetingId))!.minutes;
    expect(minutes).toMatchObject({ status: 'approved', imported: true, version: 1 });
    expect(minutes.minutes.absent).toEqual([{ name: 'Anders Holm', organisation: 'Lerum' }]);
    // The roster's organisations filled in from the minutes where it had none.
    expect((await suite.bot.deps.roster.get(networkId, SARA.id))?.organisation).toBe('Kungälv');
    expect((await suite.bot.deps.roster.get(networkId, ANDERS.id))?.organisation).toBe('Lerum');
    // Where they differ, the roster keeps its own and the `organisationer` card shows the minutes' as a suggestion.
    expect(await suite.bot.deps.roster.get(networkId, KARIN.id)).toMatchObject({
      organisation: 'Alebygden',
      suggestedOrganisation: 'Ale',
    });
    expect(JSON.stringify(attachmentCard(await say('organisationer')))).toContain(
      '"label":"Karin Ek (i importerade anteckningar: Ale)"',
    );
    // Open follow-ups with owners: Sara's (a member, overdue since 30 May) is reminded; Kungälv's as an organisation.
    const open = await suite.bot.deps.followUps.listOpen(networkId);
    expect(open.map((f) => [f.owner.kind, f.owner.name, f.due ?? null])).toEqual(
      expect.arrayContaining([
        ['member', 'Sara Lind', '2026-05-30'],
        ['organisation', 'Kungälv', null],
      ]),
    );
    const sara = open.find((f) => f.owner.name === 'Sara Lind')!;
    expect(Date.parse(sara.reminders?.nextAt ?? '')).toBeGreaterThan(Date.now());

    // The same file again: read and previewed, but confirming it stores nothing new.
    const again = attachmentCard(await sendFile(`${suite.connector.serviceUrl}files/april.docx`));
    const againAction = (
      again as { actions: { verb?: string; data?: Record<string, string> }[] }
    ).actions.find((a) => a.verb === 'import.confirm')!;
    const twice = await pressIn('import.confirm', { ...againAction.data, date: '2026-04-17' });
    expect(cardTexts(twice.value)[0]).toBe(
      'De här anteckningarna är redan importerade (Socialchefsnätverket, 17 april 2026). Inget sparades.',
    );
    expect(await suite.bot.deps.meetings.held(networkId)).toHaveLength(1);
    expect(await suite.bot.deps.followUps.listOpen(networkId)).toHaveLength(open.length);
  });

  it('refuses an attachment on any other host without a request to it, and a preview pressed by someone else', async () => {
    const requests = suite.connector.fileRequests.length;
    const refused = await sendFile('https://evil.example/files/april.docx');
    expect(refused.text).toBe(
      'Filen kan bara hämtas från er SharePoint eller OneDrive; den här adressen hämtar jag inte.',
    );
    expect((await sendFile('http://169.254.169.254/latest/meta-data')).text).toBe(refused.text);
    expect(suite.connector.fileRequests.length).toBe(requests);

    suite.connector.files.set('april.docx', await aprilMinutes());
    const preview = attachmentCard(
      await sendFile(`${suite.connector.serviceUrl}files/april.docx`, 'maj.docx'),
    );
    const action = (preview as { actions: { verb?: string; data?: Record<string, string> }[] }).actions.find(
      (a) => a.verb === 'import.confirm',
    )!;
    expect((await press('import.confirm', { ...action.data, date: '2026-04-17' }, JOHAN)).value).toBe(
      'Förhandsvisningen är för gammal eller redan använd. Skicka anteckningarna igen.',
    );
    expect((await press('import.cancel', { importId: action.data!.importId }, KARIN)).value).toBe(
      'Importen är avbruten. Inget sparades.',
    );
  });

  it('a failure part way leaves no meeting, and pressing again completes the import once', async () => {
    const networkId = networkIdForConversation('19:import@thread.v2');
    const before = (await suite.bot.deps.meetings.held(networkId)).length;
    // A different file (another day's minutes), read and previewed.
    const doc = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph('Socialchefsnätverket, 18 april 2026'),
              new Paragraph({ text: 'NÄRVARANDE', heading: HeadingLevel.HEADING_1 }),
              new Paragraph('Sara Lind, Kungälv'),
              new Paragraph({ text: '1. Läget', heading: HeadingLevel.HEADING_2 }),
              new Paragraph('Nätverket beslutar att ses igen i maj.'),
            ],
          },
        ],
      }),
    );
    suite.connector.files.set('april-18.docx', doc);
    const preview = attachmentCard(
      await sendFile(`${suite.connector.serviceUrl}files/april-18.docx`, 'april-18.docx'),
    );
    const action = (preview as { actions: { verb?: string; data?: Record<string, string> }[] }).actions.find(
      (a) => a.verb === 'import.confirm',
    )!;
    const record = jest
      .spyOn(suite.bot.deps.decisions, 'record')
      .mockRejectedValueOnce(new Error('Cosmos timed out'));
    try {
      const failed = await press('import.confirm', { ...action.data, date: '2026-04-18' }, KARIN);
      expect(typeof failed.value).toBe('string');
      expect(await suite.bot.deps.meetings.held(networkId)).toHaveLength(before);
      const completed = await press('import.confirm', { ...action.data, date: '2026-04-18' }, KARIN);
      expect(cardTexts(completed.value)[0]).toMatch(/^Importerat: Socialchefsnätverket, 18 april 2026/);
    } finally {
      record.mockRestore();
    }
    const held = await suite.bot.deps.meetings.held(networkId);
    expect(held).toHaveLength(before + 1);
    expect((await suite.bot.deps.decisions.list(held[0]!.meetingId)).map((d) => d.text)).toEqual([
      'Nätverket beslutar att ses igen i maj.',
    ]);
  });
});
