import { decisionSentences } from '../../src/domain/decision-sentences';
import { parseRichText } from '../../src/domain/rich-text';

const found = (text: string) => decisionSentences(parseRichText(text));

describe('sentences of a note that read as decisions', () => {
  it('finds the ways the networks write a decision, in Swedish and English', () => {
    expect(
      found(
        'Lena informerar om läget. Nätverket ställer sig bakom uppdraget. Nätverket diskuterar ersättningar.',
      ),
    ).toEqual(['Nätverket ställer sig bakom uppdraget.']);
    expect(
      found('Nätverket tycker att förslaget om branschråd är bra och nominerar Kungälv till styrgruppen.'),
    ).toEqual([
      'Nätverket tycker att förslaget om branschråd är bra och nominerar Kungälv till styrgruppen.',
    ]);
    expect(found('Diskussion:\n- Nätverket beslutar att återkomma i maj.\n- GR tar med sig frågan.')).toEqual(
      ['Nätverket beslutar att återkomma i maj.'],
    );
    expect(found('The network agrees to send a joint reply. Anna presents the figures.')).toEqual([
      'The network agrees to send a joint reply.',
    ]);
  });

  it('offers nothing for notes without a decision', () => {
    expect(found('Nätverket diskuterar statliga ersättningar. GR tar med sig frågan.')).toEqual([]);
    expect(found('Beslutet från förra mötet återrapporteras.')).toEqual([]);
  });
});
