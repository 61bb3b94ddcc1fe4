import { parseItemAndText, parseItemArgs } from '../../src/domain/decision';

describe('parseItemAndText', () => {
  it('reads an optional item number in Swedish or English, then the text', () => {
    expect(parseItemAndText('punkt 2 Nätverket ställer sig bakom uppdraget.', 3)).toEqual({
      item: 2,
      text: 'Nätverket ställer sig bakom uppdraget.',
    });
    expect(parseItemAndText('item 3: The network supports the assignment', 3)).toEqual({
      item: 3,
      text: 'The network supports the assignment',
    });
    expect(parseItemAndText('Nätverket ställer sig bakom uppdraget.', 3)).toEqual({
      text: 'Nätverket ställer sig bakom uppdraget.',
    });
  });

  it('refuses an item not on the agenda, an empty text and an over-long one', () => {
    expect(parseItemAndText('punkt 4 X', 3)).toEqual({ problem: 'badItem' });
    expect(parseItemAndText('punkt 2', 3)).toEqual({ problem: 'empty' });
    expect(parseItemAndText('x'.repeat(2001), 3)).toEqual({ problem: 'tooLong' });
  });
});

describe('parseItemArgs', () => {
  it('accepts an item number on the agenda only', () => {
    expect(parseItemArgs(' 2 ', 3)).toBe(2);
    expect(parseItemArgs('0', 3)).toBeUndefined();
    expect(parseItemArgs('4', 3)).toBeUndefined();
    expect(parseItemArgs('två', 3)).toBeUndefined();
  });
});
