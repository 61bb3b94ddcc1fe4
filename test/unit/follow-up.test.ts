import {
  mayChangeFollowUp,
  parseFollowUp,
  type FollowUp,
  type OwnerCandidates,
} from '../../src/domain/follow-up';

const candidates: OwnerCandidates = {
  members: [
    { userId: '29:sara', aadObjectId: 'aad-sara', name: 'Sara Nordenhielm', organisation: 'GR' },
    { userId: '29:lena-h', aadObjectId: 'aad-lena-h', name: 'Lena Holmlund', organisation: 'GR' },
    { userId: '29:lena-a', aadObjectId: 'aad-lena-a', name: 'Lena Arnfelt', organisation: 'Kungälv' },
    { userId: 'guest:eva', name: 'Eva Ström', organisation: 'Kungälv', guest: true },
  ],
  organisations: ['GR', 'Kungälv', 'Göteborgs Stad'],
};
// Friday 20 November 2026, 10:00 in Stockholm.
const context = { itemCount: 7, candidates, now: new Date('2026-11-20T09:00:00Z'), zone: 'Europe/Stockholm' };

describe('parseFollowUp', () => {
  it('takes the owner from the roster by full name or an unshared first name, with a deadline', () => {
    expect(
      parseFollowUp('Sara skickar ut information separat i ett mejl senast 30 november', context),
    ).toEqual({
      owner: {
        kind: 'member',
        name: 'Sara Nordenhielm',
        userId: '29:sara',
        aadObjectId: 'aad-sara',
        organisation: 'GR',
      },
      text: 'skickar ut information separat i ett mejl',
      due: { year: 2026, month: 11, day: 30 },
    });
    expect(parseFollowUp('punkt 3 @Lena Holmlund tar med sig synpunkterna', context)).toMatchObject({
      item: 3,
      owner: { kind: 'member', name: 'Lena Holmlund' },
      text: 'tar med sig synpunkterna',
    });
  });

  it('takes an organisation, a guest, and the item after the owner', () => {
    expect(parseFollowUp('GR punkt 2 tar med sig frågan', context)).toEqual({
      item: 2,
      owner: { kind: 'organisation', name: 'GR' },
      text: 'tar med sig frågan',
    });
    expect(parseFollowUp('göteborgs stad återkommer med förslag till tider', context)).toMatchObject({
      owner: { kind: 'organisation', name: 'Göteborgs Stad' },
    });
    expect(parseFollowUp('Eva Ström: återkommer', context)).toMatchObject({
      owner: { kind: 'person', name: 'Eva Ström', organisation: 'Kungälv' },
      text: 'återkommer',
    });
  });

  it('uses the mentioned user as owner and reads English deadlines', () => {
    const mentioned = { kind: 'member', name: 'Johan', userId: '29:johan' } as const;
    expect(parseFollowUp('item 4 send the report by 4 December', { ...context, mentioned })).toEqual({
      item: 4,
      owner: mentioned,
      text: 'send the report',
      due: { year: 2026, month: 12, day: 4 },
    });
    // A week: its Friday.
    expect(parseFollowUp('GR svarar senast vecka 50', context)).toMatchObject({
      due: { year: 2026, month: 12, day: 11 },
    });
  });

  it('refuses a shared first name, an unknown owner, a past or unreadable date, a bad item, no text', () => {
    expect(parseFollowUp('Lena tar med sig frågan', context)).toEqual({ problem: 'noOwner' });
    expect(parseFollowUp('Okänd Person gör något', context)).toEqual({ problem: 'noOwner' });
    expect(parseFollowUp('GR svarar senast 1 januari 2020', context)).toMatchObject({
      problem: 'badDate',
      dateText: '1 januari 2020',
      when: { problem: 'past' },
    });
    expect(parseFollowUp('GR svarar senast snart', context)).toMatchObject({
      problem: 'badDate',
      dateText: 'snart',
    });
    expect(parseFollowUp('punkt 9 GR svarar', context)).toEqual({ problem: 'badItem' });
    expect(parseFollowUp('GR', context)).toEqual({ problem: 'empty' });
    expect(parseFollowUp('GR senast 30 november', context)).toEqual({ problem: 'empty' });
    expect(parseFollowUp(`GR ${'x'.repeat(1001)}`, context)).toEqual({ problem: 'tooLong' });
  });
});

describe('mayChangeFollowUp', () => {
  const base: Omit<FollowUp, 'owner'> = {
    networkId: 'n',
    followUpId: 'f',
    meetingId: 'm',
    text: 't',
    status: 'open',
    changes: [],
    createdBy: 'x',
    createdAt: '',
    updatedAt: '',
  };
  it('lets the owner, the owning organisation and keepers change it, nobody else', () => {
    const member = {
      ...base,
      owner: { kind: 'member', name: 'Sara', userId: '29:sara', aadObjectId: 'aad-sara' },
    } as const;
    expect(mayChangeFollowUp(member, { userId: '29:sara' }, false)).toBe(true);
    expect(mayChangeFollowUp(member, { userId: '29:other', aadObjectId: 'aad-sara' }, false)).toBe(true);
    expect(mayChangeFollowUp(member, { userId: '29:other', aadObjectId: 'aad-other' }, false)).toBe(false);
    expect(mayChangeFollowUp(member, { userId: '29:other' }, true)).toBe(true);
    const organisation = { ...base, owner: { kind: 'organisation', name: 'GR' } } as const;
    expect(mayChangeFollowUp(organisation, { userId: '29:x', organisation: 'gr' }, false)).toBe(true);
    expect(mayChangeFollowUp(organisation, { userId: '29:x', organisation: 'Ale' }, false)).toBe(false);
    expect(mayChangeFollowUp(organisation, { userId: '29:x' }, false)).toBe(false);
  });
});
