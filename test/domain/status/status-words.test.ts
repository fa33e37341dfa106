import { describe, expect, it } from 'vitest';
import {
  bragRank,
  compareBrag,
  createStatusMapper,
  mapStatusWord,
  normaliseStatusWord,
  parseBrag,
  parseStatusMapping,
} from '../../../src/domain/status/status-words.ts';
import type { Brag } from '../../../src/domain/brag.ts';

describe('mapStatusWord', () => {
  const defaults: [string, Brag][] = [
    ['complete', 'blue'],
    ['completed', 'blue'],
    ['done', 'blue'],
    ['closed', 'blue'],
    ['achieved', 'blue'],
    ['Completed Embedded Sustained', 'blue'],
    ['purple', 'blue'],
    ['blue', 'blue'],
    ['on track', 'green'],
    ['On track no concerns', 'green'],
    ['green', 'green'],
    ['G', 'green'],
    ['some concerns', 'amber'],
    ['On track some concerns', 'amber'],
    ['at risk', 'amber'],
    ['slipping', 'amber'],
    ['amber', 'amber'],
    ['A', 'amber'],
    ['off track', 'red'],
    ['significant concerns', 'red'],
    ['delayed', 'red'],
    ['behind', 'red'],
    ['red', 'red'],
    ['R', 'red'],
    ['not started', 'grey'],
    ['not due yet', 'grey'],
    ['grey', 'grey'],
    ['blank', 'grey'],
  ];
  it.each(defaults)('maps the default word %j to %s', (word, brag) => {
    expect(mapStatusWord(word)).toEqual({ brag, known: true });
  });

  it("maps Hull's 'On track some concerns' to amber", () => {
    expect(mapStatusWord('On track some concerns').brag).toBe('amber');
  });

  it("maps Hull's 'Completed Embedded Sustained' (the P of RAGP) to blue", () => {
    expect(mapStatusWord('Completed Embedded Sustained').brag).toBe('blue');
  });

  it("maps Hull's 'Not due yet' to grey as a known word", () => {
    expect(mapStatusWord('Not due yet')).toEqual({ brag: 'grey', known: true });
  });

  it('treats a blank cell as a known grey', () => {
    expect(mapStatusWord('')).toEqual({ brag: 'grey', known: true });
    expect(mapStatusWord('   \n')).toEqual({ brag: 'grey', known: true });
  });

  it('ignores case, extra whitespace and trailing punctuation', () => {
    expect(mapStatusWord('  ON   TRACK  ')).toEqual({ brag: 'green', known: true });
    expect(mapStatusWord('Complete.')).toEqual({ brag: 'blue', known: true });
    expect(mapStatusWord('At risk!')).toEqual({ brag: 'amber', known: true });
    expect(mapStatusWord('on track\tsome\nconcerns;')).toEqual({ brag: 'amber', known: true });
    expect(mapStatusWord('g')).toEqual({ brag: 'green', known: true });
  });

  it('reads hyphens and underscores as spaces ("Off-track", "not_started")', () => {
    expect(mapStatusWord('Off-track').brag).toBe('red');
    expect(mapStatusWord('not_started').brag).toBe('grey');
    expect(mapStatusWord('On track - some concerns').brag).toBe('amber');
  });

  it('imports an unknown word as grey and flags it unknown', () => {
    expect(mapStatusWord('Awaiting sign-off')).toEqual({ brag: 'grey', known: false });
  });

  it('does not guess at words that only contain a known word', () => {
    expect(mapStatusWord('greenish')).toEqual({ brag: 'grey', known: false });
    expect(mapStatusWord('Ready')).toEqual({ brag: 'grey', known: false });
  });

  it("uses a programme's own words", () => {
    expect(mapStatusWord('Awaiting sign-off', { 'Awaiting sign-off': 'green' })).toEqual({ brag: 'green', known: true });
  });

  it("lets a programme's own words override the defaults", () => {
    expect(mapStatusWord('Delayed', { delayed: 'amber' })).toEqual({ brag: 'amber', known: true });
  });

  it("matches a programme's own words ignoring case and trailing punctuation", () => {
    expect(mapStatusWord('slipping BADLY.', { 'Slipping badly': 'red' })).toEqual({ brag: 'red', known: true });
  });

  it('ignores a custom mapping whose colour is not BRAG (settings read from storage)', () => {
    const custom = { Done: 'purple' } as unknown as Record<string, Brag>;
    expect(mapStatusWord('Done', custom)).toEqual({ brag: 'blue', known: true });
  });

  it('maps all of the Hull register statuses as known words', () => {
    const hull = ['On track no concerns', 'Not due yet', 'On track some concerns', 'Completed Embedded Sustained'];
    const map = createStatusMapper();
    expect(hull.map((w) => map(w))).toEqual([
      { brag: 'green', known: true },
      { brag: 'grey', known: true },
      { brag: 'amber', known: true },
      { brag: 'blue', known: true },
    ]);
  });
});

describe('normaliseStatusWord', () => {
  it('lower-cases, collapses whitespace and drops trailing punctuation', () => {
    expect(normaliseStatusWord('  On  Track. ')).toBe('on track');
  });
});

describe('parseBrag', () => {
  it.each([
    ['blue', 'blue'],
    ['Green', 'green'],
    ['AMBER', 'amber'],
    ['red', 'red'],
    ['grey', 'grey'],
    ['gray', 'grey'],
  ] as const)('accepts the colour %j', (text, brag) => {
    expect(parseBrag(text)).toEqual({ ok: true, value: brag });
  });

  it.each([
    ['Complete', 'blue'],
    ['on track', 'green'],
    ['Some concerns', 'amber'],
    ['Off track', 'red'],
    ['Not started', 'grey'],
  ] as const)('accepts the label %j', (text, brag) => {
    expect(parseBrag(text)).toEqual({ ok: true, value: brag });
  });

  it('accepts default status words such as "done" and "at risk"', () => {
    expect(parseBrag('done')).toEqual({ ok: true, value: 'blue' });
    expect(parseBrag('At risk')).toEqual({ ok: true, value: 'amber' });
  });

  it('rejects blank input rather than treating it as grey', () => {
    const result = parseBrag('  ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/Please give a status/);
  });

  it('rejects an unknown word and lists the choices', () => {
    const result = parseBrag('mauve');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('"mauve"');
      expect(result.error).toContain('amber (Some concerns)');
      expect(result.error).toContain('blue (Complete)');
    }
  });
});

describe('parseStatusMapping', () => {
  it('reads Word=colour', () => {
    expect(parseStatusMapping('Slipping badly=red')).toEqual({ ok: true, value: { word: 'Slipping badly', brag: 'red' } });
  });

  it('trims spaces around the word and the colour', () => {
    expect(parseStatusMapping('  Awaiting sign-off  =  Amber ')).toEqual({
      ok: true,
      value: { word: 'Awaiting sign-off', brag: 'amber' },
    });
  });

  it('accepts a label as the colour', () => {
    expect(parseStatusMapping('Signed off=Complete')).toEqual({ ok: true, value: { word: 'Signed off', brag: 'blue' } });
  });

  it('splits at the last "=" so a word may contain one', () => {
    expect(parseStatusMapping('Score=3=green')).toEqual({ ok: true, value: { word: 'Score=3', brag: 'green' } });
  });

  it('explains the form when there is no "="', () => {
    const result = parseStatusMapping('Slipping badly');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('Word=colour') });
  });

  it('rejects a missing word', () => {
    const result = parseStatusMapping('=red');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('no status word') });
  });

  it('rejects an unknown colour and names the mapping', () => {
    const result = parseStatusMapping('Slipping badly=crimson');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('Slipping badly=crimson');
      expect(result.error).toContain('"crimson"');
    }
  });
});

describe('direction of travel', () => {
  it('ranks red, amber, grey, green, blue from worst to best', () => {
    const order: Brag[] = ['red', 'amber', 'grey', 'green', 'blue'];
    expect(order.map(bragRank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('treats a first status (no previous) as new', () => {
    expect(compareBrag(null, 'green')).toBe('new');
    expect(compareBrag(null, 'grey')).toBe('new');
  });

  it('is the same when the status has not changed', () => {
    expect(compareBrag('amber', 'amber')).toBe('same');
  });

  it('goes up from amber to green and from green to blue', () => {
    expect(compareBrag('amber', 'green')).toBe('up');
    expect(compareBrag('green', 'blue')).toBe('up');
    expect(compareBrag('red', 'amber')).toBe('up');
  });

  it('goes up when a not-started action starts on track (grey to green)', () => {
    expect(compareBrag('grey', 'green')).toBe('up');
  });

  it('goes down when a not-started action turns amber (grey to amber)', () => {
    expect(compareBrag('grey', 'amber')).toBe('down');
  });

  it('goes down from green to red and from blue to green (reopened)', () => {
    expect(compareBrag('green', 'red')).toBe('down');
    expect(compareBrag('blue', 'green')).toBe('down');
  });
});
