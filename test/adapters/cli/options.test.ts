import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { collect, parseDateOption, parseFieldMap, parseFormat, parsePositiveInt } from '../../../adapters/cli/options.ts';

describe('command-line option parsers', () => {
  it('accepts a real calendar date', () => {
    expect(parseDateOption('2024-02-29')).toBe('2024-02-29');
  });

  it.each(['2024-13-45', '2023-02-29', '2024-3-1', '01/03/2024', 'tomorrow', ''])('rejects "%s" as a date, saying which form to use', (value) => {
    expect(() => parseDateOption(value)).toThrow(InvalidArgumentError);
    expect(() => parseDateOption(value)).toThrow(/YYYY-MM-DD/);
  });

  it('accepts only the formats offered and lists them when refusing one', () => {
    const format = parseFormat(['text', 'markdown', 'json'] as const);
    expect(format('json')).toBe('json');
    expect(() => format('docx')).toThrow('Choose one of: text, markdown, json.');
  });

  it('reads whole numbers of days, zero included, and refuses anything else', () => {
    expect(parsePositiveInt('0')).toBe(0);
    expect(parsePositiveInt('5')).toBe(5);
    for (const bad of ['-1', '2.5', 'five']) expect(() => parsePositiveInt(bad)).toThrow(InvalidArgumentError);
  });

  it('collects a repeatable option in the order given', () => {
    expect(collect('b', collect('a'))).toEqual(['a', 'b']);
  });

  it('reads --map field=Header pairs, keeping any "=" inside the header', () => {
    expect(parseFieldMap(undefined)).toBeUndefined();
    expect(parseFieldMap([])).toBeUndefined();
    expect(parseFieldMap(['lead=Lead officer', ' due = Due (=end of month) '])).toEqual({ lead: 'Lead officer', due: 'Due (=end of month)' });
  });

  it('refuses a --map pair without a field name, quoting it', () => {
    expect(() => parseFieldMap(['=Lead officer'])).toThrow(/"=Lead officer"/);
    expect(() => parseFieldMap(['lead'])).toThrow(/--map takes field=Header/);
  });
});
