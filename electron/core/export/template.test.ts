import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate } from './template';

const known = { title: true, note: true, items: ['name', 'note'] } as const;
const render = (source: string, fields: Parameters<typeof renderTemplate>[1]) =>
  renderTemplate(parseTemplate(source, known), fields);

describe('template', () => {
  it('inserts fields as they are, without escaping', () => {
    expect(render('# {{title}}', { title: '<b>&' })).toBe('# <b>&');
  });

  it('repeats a list section per item, items seeing their own fields first', () => {
    const fields = {
      title: 'T',
      note: 'outer',
      items: [
        { name: 'a', note: '' },
        { name: 'b', note: 'n' },
      ],
    };
    expect(render('{{#items}}{{name}}{{#note}}:{{note}}{{/note}} {{/items}}', fields)).toBe('a b:n ');
  });

  it('shows a section for a non-empty value and an inverted one for an empty value', () => {
    expect(render('{{#note}}yes{{/note}}{{^note}}no{{/note}}', { note: '' })).toBe('no');
    expect(render('{{#note}}yes{{/note}}{{^note}}no{{/note}}', { note: 'x' })).toBe('yes');
  });

  it('leaves no blank line where a section tag stood alone on its line', () => {
    expect(render('a\n{{#note}}\n{{note}}\n{{/note}}\nb', { note: 'n' })).toBe('a\nn\nb');
  });

  it('refuses unknown fields, item fields outside their list, and unbalanced sections', () => {
    expect(() => parseTemplate('{{nope}}', known)).toThrow(/\{\{nope\}\}/);
    expect(() => parseTemplate('{{name}}', known)).toThrow(/\{\{name\}\}/);
    expect(() => parseTemplate('{{/note}}', known)).toThrow(/not open/);
    expect(() => parseTemplate('{{#note}}', known)).toThrow(/never closed/);
  });
});
