import { renderTemplate } from '../../src/cards/render-template';

const template = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Hej ${name}', $when: '${show}' }],
};

describe('renderTemplate', () => {
  it('expands the same template for different views, each time with that view', () => {
    expect(renderTemplate(template, { name: 'Karin', show: true }).body).toEqual([
      { type: 'TextBlock', text: 'Hej Karin' },
    ]);
    expect(renderTemplate(template, { name: 'Johan', show: true }).body).toEqual([
      { type: 'TextBlock', text: 'Hej Johan' },
    ]);
    expect(renderTemplate(template, { name: 'Sara', show: false }).body).toEqual([]);
  });

  it('gives every caller its own card: changing one does not change the next', () => {
    const first = renderTemplate(template, { name: 'Karin', show: true });
    (first.body as { text: string }[])[0]!.text = 'ändrad';
    expect(renderTemplate(template, { name: 'Karin', show: true }).body).toEqual([
      { type: 'TextBlock', text: 'Hej Karin' },
    ]);
  });

  it('treats values as data, not template code', () => {
    expect(renderTemplate(template, { name: '${show}', show: true }).body).toEqual([
      { type: 'TextBlock', text: 'Hej ${show}' },
    ]);
  });
});
