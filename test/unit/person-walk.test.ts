import { createHash } from 'node:crypto';
import { erasedPersonDocument, isErasedPerson } from '../../src/storage/erased-people';
import { DOCUMENT_KINDS, kindOf } from '../../src/storage/person-fields';
import { walkPerson } from '../../src/storage/person-walk';

const SARA = { ids: new Set(['aad-sara', '29:sara']), names: ['Sara Lind'] };
const erase = { pseudonym: 'erased:x', erasedName: 'Borttagen person', record: false };

describe('walking a document for one person', () => {
  it('finds a task she owns by name alone (no Teams account) and one whose earlier owner she was', () => {
    const followUp = DOCUMENT_KINDS.followUp.shape;
    const owned = walkPerson(
      { owner: { kind: 'person', name: 'sara  LIND' }, text: 'x', changes: [] },
      followUp,
      SARA,
    );
    expect(owned.findings.about).toEqual(['owner']);
    const given = walkPerson(
      {
        owner: { kind: 'member', name: 'Johan Berg', userId: '29:johan' },
        changes: [{ kind: 'reassigned', at: '', by: 'aad-karin', from: 'Sara Lind' }],
      },
      followUp,
      SARA,
      erase,
    );
    expect(given.findings).toMatchObject({ about: [], named: true, recordedBy: false });
    expect(given.result).toMatchObject({
      owner: { name: 'Johan Berg' },
      changes: [{ by: 'aad-karin', from: 'Borttagen person' }],
    });
    // As the bot writes an earlier owner with an organisation; a longer name is someone else.
    const from = (name: string) =>
      walkPerson({ changes: [{ kind: 'reassigned', at: '', by: 'x', from: name }] }, followUp, SARA).findings
        .named;
    expect(from('Sara Lind, Kungälv')).toBe(true);
    expect(from('Sara Lindqvist')).toBe(false);
  });

  it('treats someone else of her name with their own id as someone else', () => {
    const walked = walkPerson(
      { personKey: 'aad-other-sara', name: 'Sara Lind', present: true },
      DOCUMENT_KINDS.attendance.shape,
      SARA,
    );
    expect(walked.findings.about).toEqual([]);
    const imported = walkPerson(
      { personKey: 'imported:sara lind', name: 'Sara Lind', present: true },
      DOCUMENT_KINDS.attendance.shape,
      SARA,
    );
    expect(imported.findings.about).toEqual(['']);
  });

  it('reads typed text for her whole name only, and keeps it', () => {
    const note = (text: string) =>
      walkPerson({ text, createdBy: 'aad-sara' }, DOCUMENT_KINDS.itemNote.shape, SARA, erase);
    expect(note('Sara Lindqvist redovisade.').findings.mentionedByName).toBe(false);
    const named = note('Enligt Sara Lind, Kungälv.');
    expect(named.findings).toMatchObject({ mentionedByName: true, recordedBy: true });
    expect(named.result).toEqual({ text: 'Enligt Sara Lind, Kungälv.', createdBy: 'erased:x' });
  });

  it('reports her ids where the declaration names no field, and replaces them', () => {
    const walked = walkPerson(
      { id: 'conv-1', status: 'active', addedBy: '29:sara' },
      DOCUMENT_KINDS.conversation.shape,
      SARA,
      erase,
    );
    expect(walked.findings.undeclared).toEqual(['addedBy']);
    expect(walked.result.addedBy).toBe('erased:x');
  });

  it('keeps names in approved minutes, not the ids of who approved them', () => {
    const walked = walkPerson(
      { status: 'approved', approvedBy: 'aad-sara', minutes: { secretary: 'Sara Lind', present: [] } },
      DOCUMENT_KINDS.minutes.shape,
      SARA,
      { ...erase, record: true },
    );
    expect(walked.result).toMatchObject({ approvedBy: 'erased:x', minutes: { secretary: 'Sara Lind' } });
  });
});

describe('the marker of an erased person', () => {
  it('recognises her ids without holding them or a plain hash of them', () => {
    const marker = erasedPersonDocument('net-1', ['aad-sara', '29:sara'], new Date('2026-12-01T00:00:00Z'));
    const text = JSON.stringify(marker);
    for (const id of ['aad-sara', '29:sara']) {
      expect(text).not.toContain(id);
      expect(text).not.toContain(createHash('sha256').update(id).digest('base64url'));
    }
    expect(isErasedPerson(marker, ['29:sara'])).toBe(true);
    expect(isErasedPerson(marker, [undefined, '29:johan'])).toBe(false);
    // Salted afresh each time: two markers for her share nothing.
    const again = erasedPersonDocument('net-1', ['aad-sara'], new Date());
    expect(again.keys).not.toContain(marker.keys[0]);
    expect(kindOf('networks', { ...marker })).toBe('erasedPerson');
  });
});
