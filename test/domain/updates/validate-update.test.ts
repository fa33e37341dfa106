import { describe, expect, it } from 'vitest';
import { NEXT_STEPS_LIMIT, NOTE_LIMIT, URL_LIMIT, validateUpdate, type UpdateCheck, type UpdateDraft } from '../../../src/domain/updates/validate-update.ts';

const TODAY = '2025-03-14';

const check = (draft: UpdateDraft, today = TODAY): UpdateCheck => validateUpdate(draft, today);

function errorsOf(result: UpdateCheck): Partial<Record<keyof UpdateDraft, string>> {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

function valueOf(result: UpdateCheck) {
  if (!result.ok) throw new Error(`expected a valid update, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('validateUpdate: status', () => {
  it('accepts a green update with nothing else said, leaving the rest empty', () => {
    expect(valueOf(check({ status: 'green' }))).toEqual({ status: 'green', note: null, nextSteps: null, evidenceUrl: null, revisedDue: null });
  });

  it('asks for a status when none is given', () => {
    expect(errorsOf(check({ note: 'All going well' }))).toEqual({ status: 'Choose a status.' });
  });

  it('treats a status of only spaces as none', () => {
    expect(errorsOf(check({ status: '   ' })).status).toBe('Choose a status.');
  });

  it('reads a status given as a label or as a status word', () => {
    expect(valueOf(check({ status: 'Complete' })).status).toBe('blue');
    expect(valueOf(check({ status: 'On track' })).status).toBe('green');
    expect(valueOf(check({ status: 'done' })).status).toBe('blue');
    expect(valueOf(check({ status: ' GREY ' })).status).toBe('grey');
  });

  it('names a status it does not know', () => {
    expect(errorsOf(check({ status: 'purple-ish' })).status).toContain('"purple-ish" is not a status I know');
  });
});

describe('validateUpdate: amber and red', () => {
  it('needs a note and next steps for amber', () => {
    const errors = errorsOf(check({ status: 'amber' }));
    expect(errors.note).toBe('Say what the concern is: amber and red need a note.');
    expect(errors.nextSteps).toBe('Say what will bring it back to green.');
  });

  it('needs a note and next steps for red', () => {
    expect(Object.keys(errorsOf(check({ status: 'red' }))).sort()).toEqual(['nextSteps', 'note']);
  });

  it('needs next steps for amber even when a note is given', () => {
    expect(errorsOf(check({ status: 'amber', note: 'Recruitment is slow' }))).toEqual({ nextSteps: 'Say what will bring it back to green.' });
  });

  it('accepts amber with a note and next steps', () => {
    expect(valueOf(check({ status: 'Some concerns', note: 'Recruitment is slow', nextSteps: 'Agency staff from April' }))).toMatchObject({
      status: 'amber',
      note: 'Recruitment is slow',
      nextSteps: 'Agency staff from April',
    });
  });

  it('treats a note of only white space as no note', () => {
    const errors = errorsOf(check({ status: 'red', note: ' \n\t ', nextSteps: '\r\n' }));
    expect(errors.note).toMatch(/need a note/);
    expect(errors.nextSteps).toMatch(/back to green/);
  });

  it('does not ask green, blue or grey for a note', () => {
    for (const status of ['green', 'blue', 'grey']) expect(check({ status }).ok).toBe(true);
  });
});

describe('validateUpdate: lengths', () => {
  it(`accepts a note of exactly ${NOTE_LIMIT} characters`, () => {
    expect(valueOf(check({ status: 'green', note: 'x'.repeat(NOTE_LIMIT) })).note).toHaveLength(NOTE_LIMIT);
  });

  it('refuses a longer note, giving both numbers with thousands separators', () => {
    expect(errorsOf(check({ status: 'green', note: 'x'.repeat(NOTE_LIMIT + 1) })).note).toBe('Keep the note to 3,000 characters (it has 3,001).');
  });

  it('keeps the length message rather than asking for a note when an amber note is too long', () => {
    const errors = errorsOf(check({ status: 'amber', note: 'x'.repeat(12_345), nextSteps: 'Fix it' }));
    expect(errors).toEqual({ note: 'Keep the note to 3,000 characters (it has 12,345).' });
  });

  it('refuses next steps over the limit, with the limit written the British way', () => {
    expect(errorsOf(check({ status: 'green', nextSteps: 'y'.repeat(NEXT_STEPS_LIMIT + 1) })).nextSteps).toBe('Keep the next steps to 2,000 characters.');
    expect(check({ status: 'green', nextSteps: 'y'.repeat(NEXT_STEPS_LIMIT) }).ok).toBe(true);
  });

  it('measures a note after trimming it', () => {
    expect(check({ status: 'green', note: `   ${'x'.repeat(NOTE_LIMIT)}   ` }).ok).toBe(true);
  });

  it('counts a Windows line break as one character', () => {
    const note = 'line\r\n'.repeat(600);
    expect(note.length).toBeGreaterThan(NOTE_LIMIT);
    const value = valueOf(check({ status: 'green', note }));
    expect(value.note).not.toContain('\r');
    expect(value.note).toHaveLength(5 * 600 - 1);
  });
});

describe('validateUpdate: line breaks', () => {
  it('turns Windows and old Mac line breaks into plain ones', () => {
    const value = valueOf(check({ status: 'amber', note: 'First\r\nSecond\rThird', nextSteps: 'One\r\nTwo' }));
    expect(value.note).toBe('First\nSecond\nThird');
    expect(value.nextSteps).toBe('One\nTwo');
  });

  it('trims white space around each field', () => {
    expect(valueOf(check({ status: 'green', note: '\r\n  On plan  \r\n' })).note).toBe('On plan');
  });
});

describe('validateUpdate: hidden characters', () => {
  it('drops control characters and bidirectional overrides, which would disguise what a note says', () => {
    const value = valueOf(check({ status: 'amber', note: 'Paid\u0000 in \u202Efull\u202C\u001b[31m today', nextSteps: 'Chase\u0007 the\tinvoice' }));
    expect(value.note).toBe('Paid in full[31m today');
    expect(value.nextSteps).toBe('Chase the invoice');
  });

  it('keeps line breaks and the letters of every language', () => {
    expect(valueOf(check({ status: 'green', note: 'Café\nمرحبا\n你好 🙂' })).note).toBe('Café\nمرحبا\n你好 🙂');
  });

  it('counts a note after dropping them, and a note of nothing else is no note', () => {
    expect(check({ status: 'green', note: `${'x'.repeat(NOTE_LIMIT)}\u0000\u202E` }).ok).toBe(true);
    expect(errorsOf(check({ status: 'red', note: '\u0000\u202E', nextSteps: 'Escalate' })).note).toBe('Say what the concern is: amber and red need a note.');
  });

  it('drops an override from an evidence link too, so the address shown is the one followed', () => {
    expect(valueOf(check({ status: 'green', evidenceUrl: 'https://evidence.example/\u202Efdp.exe' })).evidenceUrl).toBe('https://evidence.example/fdp.exe');
  });
});

describe('validateUpdate: evidence link', () => {
  it('accepts an https or http link', () => {
    expect(valueOf(check({ status: 'green', evidenceUrl: ' https://hull.gov.uk/send/report.pdf ' })).evidenceUrl).toBe('https://hull.gov.uk/send/report.pdf');
    expect(valueOf(check({ status: 'green', evidenceUrl: 'HTTP://intranet.local/qa' })).evidenceUrl).toBe('HTTP://intranet.local/qa');
  });

  it('refuses a link that is not a web address', () => {
    for (const evidenceUrl of ['ftp://files.hull.gov.uk/report', 'javascript:alert(1)', 'hull.gov.uk/report', '\\\\server\\share\\report.docx', 'https://']) {
      expect(errorsOf(check({ status: 'green', evidenceUrl })).evidenceUrl).toBe('Give the evidence as a web link starting https://');
    }
  });

  it('refuses a link with a space in it', () => {
    expect(errorsOf(check({ status: 'green', evidenceUrl: 'https://hull.gov.uk/my report.pdf' })).evidenceUrl).toBeDefined();
  });

  it(`refuses a link longer than ${URL_LIMIT} characters`, () => {
    const base = 'https://hull.gov.uk/';
    expect(check({ status: 'green', evidenceUrl: base + 'a'.repeat(URL_LIMIT - base.length) }).ok).toBe(true);
    expect(errorsOf(check({ status: 'green', evidenceUrl: base + 'a'.repeat(URL_LIMIT - base.length + 1) })).evidenceUrl).toBeDefined();
  });

  it('treats a blank link as no link', () => {
    expect(valueOf(check({ status: 'green', evidenceUrl: '   ' })).evidenceUrl).toBeNull();
  });
});

describe('validateUpdate: revised due date', () => {
  it('accepts a real day in the future', () => {
    expect(valueOf(check({ status: 'green', revisedDue: '2025-06-30' })).revisedDue).toBe('2025-06-30');
  });

  it('accepts today', () => {
    expect(valueOf(check({ status: 'green', revisedDue: TODAY })).revisedDue).toBe(TODAY);
  });

  it('refuses a day in the past', () => {
    expect(errorsOf(check({ status: 'green', revisedDue: '2025-03-13' })).revisedDue).toBe('A revised due date cannot be in the past.');
  });

  it('refuses a day that does not exist', () => {
    for (const revisedDue of ['2025-02-29', '2025-04-31', '2025-13-01']) {
      expect(errorsOf(check({ status: 'green', revisedDue })).revisedDue).toBe('Give the new due date as a day, e.g. 2025-03-31.');
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(valueOf(check({ status: 'green', revisedDue: '2028-02-29' })).revisedDue).toBe('2028-02-29');
  });

  it('refuses a date written another way', () => {
    for (const revisedDue of ['31/03/2025', 'Mar-25', '2025-3-31', 'next week']) {
      expect(errorsOf(check({ status: 'green', revisedDue })).revisedDue).toMatch(/as a day/);
    }
  });

  it('treats a blank date as no revision', () => {
    expect(valueOf(check({ status: 'green', revisedDue: '  ' })).revisedDue).toBeNull();
  });
});

describe('validateUpdate: several problems at once', () => {
  it('reports every field that is wrong, not just the first', () => {
    const errors = errorsOf(check({ status: 'red', evidenceUrl: 'not a link', revisedDue: '2020-01-01' }));
    expect(Object.keys(errors).sort()).toEqual(['evidenceUrl', 'nextSteps', 'note', 'revisedDue']);
  });

  it('still checks the other fields when the status is missing', () => {
    const errors = errorsOf(check({ evidenceUrl: 'ftp://x', note: 'x'.repeat(NOTE_LIMIT + 1) }));
    expect(Object.keys(errors).sort()).toEqual(['evidenceUrl', 'note', 'status']);
  });
});
