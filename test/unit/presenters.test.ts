import { parsePresenters, presentersLine } from '../../src/domain/presenters';

const KNOWN = ['Göteborgsregionen', 'GR', 'Kungälv', 'VästKom'];
const read = (text: string) => parsePresenters(text, KNOWN);

describe('presenters on an agenda line', () => {
  it('keeps a presenter with their organisation, after a comma, in parentheses or with none between', () => {
    expect(read('Jeanette Andersson, VästKom och Björn Khalin VGR').presenters).toEqual([
      'Jeanette Andersson, VästKom',
      'Björn Khalin, VGR',
    ]);
    expect(read('Maria Ljung (GR)').presenters).toEqual(['Maria Ljung, GR']);
    expect(read('Lena Holmlund, Sara Nordenhielm').presenters).toEqual(['Lena Holmlund', 'Sara Nordenhielm']);
    expect(read('Anna Svensson Kungälvs kommun och Per Ek, Göteborgs Stad').presenters).toEqual([
      'Anna Svensson, Kungälvs kommun',
      'Per Ek, Göteborgs Stad',
    ]);
  });

  it('keeps a title between the name and the organisation', () => {
    expect(read('Anita Toth, Planeringsledare för externfinansiering/EU-medel, GR').presenters).toEqual([
      'Anita Toth, Planeringsledare för externfinansiering/EU-medel, GR',
    ]);
  });

  it('never reads a known organisation, or one that reads as one, as a person', () => {
    const { presenters } = read('GR och Lena Holmlund; Västra Götalandsregionen');
    expect(presenters).toEqual(['GR', 'Lena Holmlund', 'Västra Götalandsregionen']);
    // "Kungälv" alone would be a first-name-looking word; it is the roster's organisation.
    expect(read('Eva Ström, Kungälv').presenters).toEqual(['Eva Ström, Kungälv']);
  });

  it('says what it was unsure of, for the chair to confirm', () => {
    expect(read('Lena').unsure).toEqual([{ text: 'Lena', readAs: 'person' }]);
    expect(read('Eva Ström, Mölnlycke').unsure).toEqual([
      { text: 'Mölnlycke', readAs: 'organisation', of: 'Eva Ström' },
    ]);
    expect(read('Jeanette Andersson, VästKom').unsure).toEqual([]);
  });

  it('writes them back so that reading the line again gives the same presenters', () => {
    for (const line of [
      'Jeanette Andersson, VästKom och Björn Khalin VGR',
      'Lena Holmlund, Sara Nordenhielm',
    ]) {
      const { presenters } = read(line);
      expect(read(presentersLine(presenters)).presenters).toEqual(presenters);
    }
  });
});
