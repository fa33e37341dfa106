import { describe, expect, it } from 'vitest';
import { splitLinks } from '../../../src/domain/register/links.ts';

describe('splitLinks', () => {
  it.each([
    ['SEF', ['SEF']],
    ['SEF/DBV', ['SEF', 'DBV']],
    ['AFI4 AF15', ['AFI4', 'AF15']],
    ['AFI2/AFI5', ['AFI2', 'AFI5']],
    ['AFI2, AFI4 and AFI5', ['AFI2', 'AFI4', 'AFI5']],
    ['AFI1; WSOA 2.3', ['AFI1', 'WSOA 2.3']],
  ])('splits %s into its codes', (text, links) => {
    expect(splitLinks(text)).toEqual(links);
  });

  it('keeps a phrase as one link rather than inventing a link per word', () => {
    expect(splitLinks('SEND Sufficiency high needs capital spend strategy')).toEqual(['SEND Sufficiency high needs capital spend strategy']);
    expect(splitLinks('ASC Programme')).toEqual(['ASC Programme']);
  });

  it('splits on line breaks and semicolons before anything else', () => {
    expect(splitLinks('2.6 - Peer review action plan\nSEF/DBV')).toEqual(['2.6 - Peer review action plan', 'SEF', 'DBV']);
  });

  it('gives no links for blank, N/A or none, and lists each link once', () => {
    expect(splitLinks('')).toEqual([]);
    expect(splitLinks('N/A')).toEqual([]);
    expect(splitLinks('none')).toEqual([]);
    expect(splitLinks('SEF/SEF')).toEqual(['SEF']);
  });
});
