import { describe, expect, it } from 'vitest';
import { readPeopleGrid } from '../../../src/domain/people/people-file.ts';
import { gridFromText } from '../../../src/domain/register/grid.ts';

const read = (...rows: string[][]) => readPeopleGrid(gridFromText('people.csv', rows));

const HEADER = ['Name', 'Email', 'Role', 'Aliases', 'Slack ID', 'Teams ID'];

describe('readPeopleGrid: the standard file', () => {
  it('reads every column of a person', () => {
    const { people, errors } = read(HEADER, ['Priya Shah', 'priya.shah@hull.gov.uk', 'Assistant Director Learning and Skills', 'PS; AD L&S', 'U0123ABC', '29:1abc']);
    expect(errors).toEqual([]);
    expect(people).toEqual([
      {
        row: 2,
        name: 'Priya Shah',
        email: 'priya.shah@hull.gov.uk',
        jobTitle: 'Assistant Director Learning and Skills',
        aliases: ['PS', 'AD L&S'],
        slackUserId: 'U0123ABC',
        teamsUserId: '29:1abc',
      },
    ]);
  });

  it('leaves blank cells as null and no aliases as an empty list', () => {
    const { people } = read(HEADER, ['Jo Bloggs', '', '', '', '', '']);
    expect(people).toEqual([{ row: 2, name: 'Jo Bloggs', email: null, jobTitle: null, aliases: [], slackUserId: null, teamsUserId: null }]);
  });

  it('reads a file with only a Name column', () => {
    expect(read(['Name'], ['Jo Bloggs']).people.map((p) => p.name)).toEqual(['Jo Bloggs']);
  });

  it('trims white space around each cell', () => {
    const [p] = read(HEADER, ['  Jo Bloggs ', ' jo@hull.gov.uk ', ' Head of SEND ', '', '', '']).people;
    expect(p).toMatchObject({ name: 'Jo Bloggs', email: 'jo@hull.gov.uk', jobTitle: 'Head of SEND' });
  });

  it('lower-cases emails', () => {
    expect(read(HEADER, ['Jo Bloggs', 'Jo.Bloggs@HULL.gov.uk', '', '', '', '']).people[0]!.email).toBe('jo.bloggs@hull.gov.uk');
  });

  it('numbers each person by their row in the file', () => {
    const { people } = read(HEADER, ['A One', 'a@x.org', '', '', '', ''], ['', '', '', '', '', ''], ['B Two', 'b@x.org', '', '', '', '']);
    expect(people.map((p) => [p.name, p.row])).toEqual([
      ['A One', 2],
      ['B Two', 4],
    ]);
  });
});

describe('readPeopleGrid: header variants', () => {
  it('reads "E-mail", "Job title", "Slack ID" and "Teams ID" in any order and case', () => {
    const { people, errors } = read(['teams id', 'Job Title', 'E-mail', 'SLACK ID', 'Full name', 'Alias'], ['29:9', 'Head of SEND', 'sam@x.org', 'U9', 'Sam Lee', 'SL']);
    expect(errors).toEqual([]);
    expect(people[0]).toMatchObject({ name: 'Sam Lee', email: 'sam@x.org', jobTitle: 'Head of SEND', aliases: ['SL'], slackUserId: 'U9', teamsUserId: '29:9' });
  });

  it('reads "Email address", "Slack user ID" and an Entra object id', () => {
    const { people } = read(['Name', 'Email address', 'Title', 'Slack user ID', 'Entra object ID'], ['Sam Lee', 'sam@x.org', 'Head of SEND', 'U9', 'aad-1']);
    expect(people[0]).toMatchObject({ email: 'sam@x.org', jobTitle: 'Head of SEND', slackUserId: 'U9', teamsUserId: 'aad-1' });
  });

  it('ignores columns it does not know', () => {
    const { people, errors } = read(['Name', 'Team', 'Email'], ['Sam Lee', 'SEND', 'sam@x.org']);
    expect(errors).toEqual([]);
    expect(people[0]).toMatchObject({ name: 'Sam Lee', email: 'sam@x.org', jobTitle: null });
  });

  it('reads a header with spaces around it', () => {
    expect(read([' Name ', ' Email '], ['Sam Lee', 'sam@x.org']).people[0]!.email).toBe('sam@x.org');
  });
});

describe('readPeopleGrid: aliases', () => {
  it("splits aliases on ';', trimming each and dropping empty ones", () => {
    const { people } = read(['Name', 'Aliases'], ['Kate Davies', ' KD ;Head of Service (SEND);; ']);
    expect(people[0]!.aliases).toEqual(['KD', 'Head of Service (SEND)']);
  });

  it('splits aliases on line breaks too', () => {
    expect(read(['Name', 'Aliases'], ['Kate Davies', 'KD\nHoS SEND']).people[0]!.aliases).toEqual(['KD', 'HoS SEND']);
  });

  it('does not split an alias on a comma or "and"', () => {
    expect(read(['Name', 'Aliases'], ['Kate Davies', 'Head of Learning, Skills and Inclusion']).people[0]!.aliases).toEqual(['Head of Learning, Skills and Inclusion']);
  });
});

describe('readPeopleGrid: blank rows', () => {
  it('skips a row of blank cells, a row of spaces and an empty row', () => {
    const { people, errors } = read(HEADER, ['', '', '', '', '', ''], ['  ', ' ', '', '', '', ''], [], ['Jo Bloggs', 'jo@x.org', '', '', '', '']);
    expect(errors).toEqual([]);
    expect(people.map((p) => p.name)).toEqual(['Jo Bloggs']);
  });

  it('reads nothing, without errors, from a file with a header and no people', () => {
    expect(read(HEADER)).toEqual({ people: [], errors: [] });
  });
});

describe('readPeopleGrid: errors', () => {
  it('says when there is no Name column, listing the headers it found', () => {
    const { people, errors } = read(['Email', 'Role'], ['jo@x.org', 'Head of SEND']);
    expect(people).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.row).toBe(1);
    expect(errors[0]!.message).toContain('No "Name" column');
    expect(errors[0]!.message).toContain('found: Email, Role');
  });

  it('says it found nothing in an empty file', () => {
    const { errors } = readPeopleGrid({ source: 'people.csv', rows: [] });
    expect(errors[0]!.message).toContain('found: nothing');
  });

  it('names the row and column of a person without a name', () => {
    const { people, errors } = read(HEADER, ['', 'jo@x.org', 'Head of SEND', '', '', '']);
    expect(people).toEqual([]);
    expect(errors).toEqual([{ row: 2, column: 'Name', message: 'A person needs a name.' }]);
  });

  it('names the row and column of an email that is not an email address', () => {
    const { people, errors } = read(HEADER, ['Jo Bloggs', 'jo@x.org', '', '', '', ''], ['Sam Lee', 'sam at hull', '', '', '', '']);
    expect(people.map((p) => p.name)).toEqual(['Jo Bloggs']);
    expect(errors).toEqual([{ row: 3, column: 'Email', message: '"sam at hull" is not an email address.' }]);
  });

  it('refuses other malformed emails', () => {
    for (const email of ['jo@hull', '@hull.gov.uk', 'jo bloggs@hull.gov.uk', 'jo@@hull.gov.uk']) {
      expect(read(['Name', 'E-mail'], ['Jo Bloggs', email]).errors[0]).toMatchObject({ row: 2, column: 'E-mail' });
    }
  });

  it('names both rows of an email given twice, whatever its case', () => {
    const { people, errors } = read(
      HEADER,
      ['Jo Bloggs', 'jo@x.org', '', '', '', ''],
      ['Sam Lee', 'sam@x.org', '', '', '', ''],
      ['Joanne Bloggs', 'JO@X.ORG', '', '', '', ''],
    );
    expect(people.map((p) => p.name)).toEqual(['Jo Bloggs', 'Sam Lee']);
    expect(errors).toEqual([{ row: 4, column: 'Email', message: 'jo@x.org is also on row 2.' }]);
  });

  it('allows several people without an email', () => {
    const { people, errors } = read(['Name', 'Email'], ['Jo Bloggs', ''], ['Sam Lee', '']);
    expect(errors).toEqual([]);
    expect(people).toHaveLength(2);
  });

  it('reports every bad row, not only the first', () => {
    const { errors } = read(['Name', 'Email'], ['', 'a@x.org'], ['B', 'nope'], ['C', 'c@x.org'], ['D', 'c@x.org']);
    expect(errors.map((e) => e.row)).toEqual([2, 3, 5]);
  });
});
