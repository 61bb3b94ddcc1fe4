import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMinutes } from '../../src/import/read-minutes';

const SAMPLES = join(__dirname, '..', '..', '..', 'shared', 'sample-minutes');
const sample = (prefix: string) =>
  readMinutes(
    readFileSync(
      join(
        SAMPLES,
        readdirSync(SAMPLES).find((f) => f.startsWith(prefix))!,
      ),
      'utf8',
    ),
  );
const own = (name: string) =>
  readMinutes(readFileSync(join(__dirname, '..', 'fixtures', 'import', `${name}.txt`), 'utf8'));
const people = (r: ReturnType<typeof readMinutes>) =>
  r.attendance.map((p) => [p.name, p.organisation, p.status, p.items.join(',')].join(' | '));

describe('reading the sample minutes', () => {
  it('000: the network and GR staff with their items, five items, five decisions in italics, the secretary', () => {
    const r = sample('000');
    expect(r.meeting).toEqual({ title: null, date: '2020-04-17', place: 'Digitalt möte via Teams' });
    expect(people(r)).toEqual([
      'Ebba Gierow | Ale | present | ',
      'Karin Alvermalm | Alingsås | present | ',
      'Anita Hedström | Alingsås | present | ',
      'Lena Lager | Härryda | present | ',
      'Lena Arnfelt | Kungälv | present | ',
      'Karin Martinsson | Kungsbacka | present | ',
      'Helen Smith | Mölndal | present | ',
      'Lotte Mossudd | Lilla Edet | present | ',
      'Monika Bondesson | Lerum | present | ',
      'Margareta Antonsson | Partille | present | ',
      'Erika Hägg | Partille | present | ',
      'Rickard Persson | Stenungsund | present | ',
      'Shujaat Noormohamed | Tjörn | present | ',
      'Malin Tisell | Öckerö | present | ',
      'Lena Holmlund | Göteborgsregionen | present | ',
      'Sara Nordenhielm | Göteborgsregionen | present | ',
      'Anita Toth | Göteborgsregionen | present | 1',
      'Maria Ljung | Göteborgsregionen | present | 3,6',
      'Rosanna Björklund | Göteborgsregionen | present | 3',
      'Yvonne Witzoe | Göteborgsregionen | present | 5',
      'Leif Sandsjö | Göteborgsregionen | present | 5',
    ]);
    expect(r.items.map((i) => [i.number, i.title, i.slides])).toEqual([
      [1, 'Aktuellt läge Covid 19', true],
      [2, 'Vårdens medarbetare', true],
      [3, 'Beslut om medel 2020 överenskommelse God och Nära vård', true],
      [4, 'Remiss Regional utvecklingsstrategi Västra Götaland 2021-2030', true],
      [5, 'Korta punkter', true],
    ]);
    expect(r.items[4]?.subItems.map((s) => s.title)).toEqual([
      'Aktuellt läge Yrkesresan',
      'Regionalt stödcentrum för utsatta för hedersrelaterat våld och förtryck',
      'Fördelning medel för suicidprevention inom ramen för ÖK Psykisk hälsa 2020',
      'Provtagning och skyddsutrustning kopplat till Covid 19',
    ]);
    expect(r.decisions.map((d) => [d.item, d.text.slice(0, 40)])).toEqual([
      [1, 'Nätverket ser behovet av ett långsiktigt'],
      [1, 'Nätverket diskuterar statliga ersättning'],
      [3, 'Nätverket ställer sig bakom temagruppens'],
      [5, 'Nätverket beslutar i enlighet med GR:s f'],
      [5, 'Nätverket diskuterar om det är möjligt a'],
    ]);
    expect(r.followUps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ item: 4, owner: 'Sara Nordenhielm', due: null }),
        expect.objectContaining({ item: 4, owner: 'GR', due: '2020-09-30' }),
        expect.objectContaining({
          item: 5,
          owner: 'Maria Ljung',
          text: 'tar med sig frågan via beredningsgruppen VGK',
        }),
      ]),
    );
    expect(r.secretary).toEqual({ name: 'Sara Nordenhielm', title: null });
    expect(r.upcoming).toEqual([{ date: '2020-06-12', text: 'Nästa nätverksmöte 12 juni' }]);
  });

  it('001: a flat list, guests (one name with a stray comma), those absent; items without numbers; no date said', () => {
    const r = sample('001');
    expect(r.attendance.filter((p) => p.status === 'present')).toHaveLength(17);
    expect(r.attendance.filter((p) => p.status === 'absent')).toHaveLength(17);
    expect(people(r).filter((p) => p.includes('| guest |'))).toEqual([
      'Linnea Winckler | GR | guest | ',
      'Anita Toth | GR | guest | ',
    ]);
    expect(people(r)).toContain('Margareta Larsson | Gbg Stad | present | ');
    expect(people(r)).toContain('Titti Davidsson | Alingsås | absent | ');
    expect(r.items.map((i) => [i.title, i.presenters])).toEqual([
      [
        'Projektfinansiering via externa medel – vad finns och hur kan vi använda det?',
        [{ name: 'Anita Toth', organisation: 'GR' }],
      ],
      [
        'Skyddad titel undersköterska och Fast omsorgskontakt i hemtjänsten – vad innebär detta?',
        [{ name: 'Katarina Storm-Åsell', organisation: 'arbetspolitiska avdelningen på SKR' }],
      ],
      [
        'Karriärvägsmodeller och kompetensmodeller i Hälso- och sjukvård (HSV) samt Äldreomsorg (ÄO)',
        [
          { name: 'Linnea Winckler', organisation: null },
          { name: 'Anna Haglund', organisation: 'GR' },
        ],
      ],
      ['Aktuellt läge HSV-avtalet och Färdplan nära vård', [{ name: 'Maria Ljung', organisation: 'GR' }]],
    ]);
    expect(r.meeting.date).toBeNull();
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        'Inget datum för mötet hittades; det behöver anges vid importen.',
        'Vem som förde anteckningarna står inte (Vid anteckningarna / Antecknat av).',
      ]),
    );
  });

  it('002: "p 1, 6" marks, seven items, the secretary', () => {
    const r = sample('002');
    expect(people(r)).toEqual(
      expect.arrayContaining([
        'Karita Saapunki Björk | Göteborg | present | ',
        'Anna Haglund | Göteborgsregionen | present | 1,6',
        'Cecilia Axelsson | Göteborgsregionen | present | 2',
      ]),
    );
    expect(r.attendance).toHaveLength(16);
    expect(r.items.map((i) => i.title)).toEqual([
      'Tema: personal och kompetensförsörjning',
      'Nationella stimulansmedel samt inriktningsdokument',
      'Fokusområden och uppföljningsplan',
      'VFU och samarbetet med GU',
      'Korta punkter',
      'Rapport om nyckeltal inom äldreområdet',
      'Studieresa?',
    ]);
    expect(r.secretary?.name).toBe('Sara Nordenhielm');
    expect(r.followUps.map((f) => f.owner)).toContain('GR');
  });
});

describe('reading minutes in layouts the samples do not show', () => {
  it('a Word table turned into text: tabs between name and organisation, "Antecknat av" with name and title', () => {
    const r = own('table-tabs');
    expect(people(r)).toEqual([
      'Anna Berg | Uddevalla kommun | present | ',
      'Bo Ek | Trollhättans stad | present | ',
      'Carin Dahl | Vänersborgs kommun | present | ',
      'David Fors | Fyrbodals kommunalförbund | present | ',
      'Emma Gran | Västra Götalandsregionen | present | ',
      'Frida Holm | Lysekils kommun | absent | ',
    ]);
    expect(r.meeting).toEqual({
      title: 'Socialchefsnätverket Fyrbodal',
      date: '2025-03-14',
      place: 'Kommunhuset, Uddevalla',
    });
    expect(r.items.map((i) => [i.number, i.title, i.presenters])).toEqual([
      [1, 'Välkommen och föregående anteckningar', []],
      [2, 'Kompetensförsörjning', [{ name: 'Bo Ek', organisation: 'Trollhättans stad' }]],
      [3, 'Övrigt', []],
    ]);
    expect(r.decisions).toEqual([{ item: 2, text: 'Nätverket beslutar att ta fram en gemensam plan.' }]);
    // "David" is the only David: the follow-up is his; "senast 30 maj" read from the meeting's day.
    expect(r.followUps).toEqual([
      { item: 2, owner: 'David Fors', text: 'skickar ut underlaget', due: '2025-05-30' },
    ]);
    expect(r.secretary).toEqual({ name: 'David Fors', title: 'Förbundssekreterare' });
    expect(r.upcoming).toEqual([{ date: '2025-06-12', text: 'Nästa möte 12 juni' }]);
  });

  it('"Namn Organisation" without a comma, "(gäst)", stray punctuation, bold titles with presenters, no numbers', () => {
    const r = own('no-comma');
    expect(people(r)).toEqual([
      'Anna Svensson | Kungälvs kommun | present | ',
      'Bertil Lund | Göteborgs Stad | present | ',
      'Cecilia Moberg | Ale kommun | present | ',
      'Daniel Ros | GR | present | 1,6',
      'Eva Sten | VGR | guest | 3,6',
      'Fredrik Nyman | Härryda kommun | guest | ',
      'Gunilla Strand | Ale kommun | absent | ',
    ]);
    expect(r.items.map((i) => [i.number, i.title, i.presenters])).toEqual([
      [null, 'Nära vård', [{ name: 'Daniel Ros', organisation: 'GR' }]],
      [
        null,
        'Hemtjänst i förändring',
        [
          { name: 'Bertil Lund', organisation: null },
          { name: 'Eva Sten', organisation: 'VGR' },
        ],
      ],
    ]);
    expect(r.decisions).toEqual([
      { item: 1, text: 'Nätverket ställer sig bakom färdplanen.' },
      { item: 2, text: 'Nätverket tycker att förslaget är bra och nominerar Ale kommun till pilotgruppen.' },
    ]);
    // "till v 47" is the Friday of week 47 after the meeting on 5 November 2024.
    expect(r.followUps).toEqual([
      { item: 2, owner: 'GR', text: 'tar med sig frågan om gemensam uppföljning', due: '2024-11-22' },
    ]);
    expect(r.secretary).toEqual({ name: 'Cecilia Moberg', title: null });
    expect(r.warnings).toContain('Punkterna är inte numrerade; de numreras i ordning.');
  });

  it('name and organisation apart by several spaces, "2a" sub-items with presenters, an English decision', () => {
    const r = own('spaces');
    expect(people(r)).toEqual([
      'Hanna Ek | Mölndals stad | present | ',
      'Ida Falk | Partille kommun | present | ',
      'Jonas Berg | Lerums kommun | present | ',
    ]);
    expect(r.items.map((i) => [i.number, i.title, i.slides])).toEqual([
      [1, 'Ekonomiskt bistånd', true],
      [2, 'Barn och unga', false],
    ]);
    expect(r.items[1]?.subItems.map((s) => [s.title, s.presenters])).toEqual([
      ['Placeringar', [{ name: 'Ida Falk', organisation: 'Partille kommun' }]],
      ['Samverkan med skolan', [{ name: 'Jonas Berg', organisation: 'Lerums kommun' }]],
    ]);
    expect(r.decisions).toEqual([{ item: 2, text: 'The network agrees to meet again in October.' }]);
    expect(r.secretary).toEqual({ name: 'Hanna Ek', title: null });
  });

  it('attendance on the heading\'s own line, "Namn (Org)", "Datum: 14/3 2025", "§ 1" items, "Beslut:" and "Åtgärd:" labels', () => {
    const r = own('paragraph-style');
    expect(r.meeting).toEqual({ title: 'IFO-chefer Sjuhärad', date: '2025-03-14', place: 'Borås Stadshus' });
    expect(people(r)).toEqual([
      'Lena Ask | Borås Stad | present | ',
      'Per Björk | Ulricehamns kommun | present | ',
      'Sara Cederlund | Marks kommun | present | ',
      'Tomas Dahl | Svenljunga kommun | absent | ',
    ]);
    expect(r.items.map((i) => [i.number, i.title])).toEqual([
      [1, 'Inledning'],
      [2, 'Samverkan med regionen'],
      [3, 'Nästa möte'],
    ]);
    expect(r.decisions).toEqual([{ item: 2, text: 'Nätverket ställer sig bakom det gemensamma yttrandet.' }]);
    expect(r.followUps).toEqual([
      { item: 2, owner: 'Sara Cederlund', text: 'sammanställer synpunkterna', due: '2025-04-30' },
    ]);
    expect(r.secretary).toEqual({ name: 'Lena Ask', title: null });
    expect(r.upcoming).toEqual([{ date: '2025-05-15', text: 'Nästa möte 15 maj.' }]);
  });

  it('English minutes: Present, Apologies, "(guest)", "(slides)", "will … by 30 April", "Minutes taken by"', () => {
    const r = own('english');
    expect(r.meeting).toEqual({
      title: 'Regional Social Services Network',
      date: '2025-03-12',
      place: 'Digitalt möte via Teams',
    });
    expect(people(r)).toEqual([
      'John Smith | Leeds City Council | present | ',
      'Mary Jones | Bradford Council | present | ',
      'Ali Khan | NHS England | guest | ',
      'Peter Brown | Wakefield Council | absent | ',
    ]);
    expect(r.items.map((i) => [i.number, i.title, i.slides])).toEqual([
      [1, 'Welcome and introductions', false],
      [2, 'Workforce planning', true],
    ]);
    expect(r.decisions).toEqual([{ item: 2, text: 'The network agrees to publish a joint statement.' }]);
    expect(r.followUps).toEqual([
      { item: 2, owner: 'Mary Jones', text: 'will circulate the draft', due: '2025-04-30' },
    ]);
    expect(r.secretary).toEqual({ name: 'Ali Khan', title: null });
  });

  it('a table with a presence column: marked present, blank or "förhinder" absent', () => {
    const r = own('presence-column');
    expect(people(r)).toEqual([
      'Anna Ek | Ale kommun | present | ',
      'Bo Lind | Kungälvs kommun | absent | ',
      'Cia Dahl | Lerums kommun | absent | ',
      'Dan Ås | GR | present | ',
    ]);
    expect(r.meeting.date).toBe('2024-09-20');
  });
});
