import { describe, expect, it } from 'vitest';
import { actionMatchKey, normaliseKeyPart, workstreamKey } from '../../../src/domain/import/match-key.ts';

describe('normaliseKeyPart', () => {
  it('ignores case and runs of white space, and trims the ends', () => {
    expect(normaliseKeyPart('  Map  the\tFront\nDoor ')).toBe('map the front door');
  });

  it('reads a missing part as empty', () => {
    expect(normaliseKeyPart(null)).toBe('');
    expect(normaliseKeyPart(undefined)).toBe('');
  });

  it('keeps punctuation, so a different title is still a different action', () => {
    expect(normaliseKeyPart('Review the EHCP process.')).not.toBe(normaliseKeyPart('Review the EHCP process'));
  });
});

describe('workstreamKey', () => {
  it('joins a workstream and its objective, parent first', () => {
    expect(workstreamKey(['3. To identify need early', 'Clear pathways'])).toBe('3. to identify need early > clear pathways');
  });

  it('gives the same key however the workstream is spaced or capitalised', () => {
    expect(workstreamKey(['3.  To Identify   need early'])).toBe(workstreamKey(['3. to identify need early']));
  });
});

describe('actionMatchKey', () => {
  it('names the action by its workstream path and its title', () => {
    expect(actionMatchKey(['Workstream C'], 'Train staff')).toBe('workstream c :: train staff');
  });

  it('matches a title however it is spaced or capitalised', () => {
    expect(actionMatchKey(['Workstream C', 'Quality'], '  Train   STAFF ')).toBe(actionMatchKey(['workstream c', 'quality'], 'train staff'));
  });

  it('tells apart the same title in two workstreams', () => {
    expect(actionMatchKey(['Workstream A'], 'Train staff')).not.toBe(actionMatchKey(['Workstream B'], 'Train staff'));
  });
});
