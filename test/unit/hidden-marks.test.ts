import { deepWithoutHiddenMarks, withoutHiddenMarks } from '../../src/domain/hidden-marks';

describe('hidden marks', () => {
  it.each([
    ['a title reversed by U+202E', 'Nätverksmöte \u202Eebmevon', 'Nätverksmöte ebmevon'],
    ['isolates and embeddings', '\u2066Karin\u2069 \u202AEk\u202C \u202B!\u202C', 'Karin Ek !'],
    ['zero-width space, non-joiner and joiner between letters', 'Ka\u200Brin\u200C E\u200Dk', 'Karin Ek'],
    ['a word joiner and a BOM', '\uFEFFbeslut\u2060 punkt 2', 'beslut punkt 2'],
    [
      'a joiner inside an emoji sequence stays',
      'Teamet 👩\u200D💻 och 👨\u200D👩\u200D👧',
      'Teamet 👩\u200D💻 och 👨\u200D👩\u200D👧',
    ],
    ['Swedish letters and plain text unchanged', 'Åsa Öberg, Ängelholm', 'Åsa Öberg, Ängelholm'],
  ])('%s', (_label, typed, clean) => {
    expect(withoutHiddenMarks(typed)).toBe(clean);
  });

  it('cleans every string in card data, keys and other values as they are', () => {
    expect(deepWithoutHiddenMarks({ title: 'A\u202EB', items: ['x\u200By', 3], held: true })).toEqual({
      title: 'AB',
      items: ['xy', 3],
      held: true,
    });
  });
});
