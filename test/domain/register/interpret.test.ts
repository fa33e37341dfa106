import { describe, expect, it } from 'vitest';
import type { Cell, Grid } from '../../../src/domain/register/grid.ts';
import { gridFromText } from '../../../src/domain/register/grid.ts';
import { interpretRegister } from '../../../src/domain/register/interpret.ts';

const grid = (...rows: string[][]): Grid => gridFromText('test.csv', rows);
const titles = (g: Grid) => interpretRegister(g).rows.map((r) => r.title);
const refs = (g: Grid) => interpretRegister(g).rows.map((r) => r.generatedRef);

describe('interpretRegister: reading rows', () => {
  it('reads every field of a row', () => {
    const reading = interpretRegister(
      grid(
        ['Ref', 'Priority', 'Objective', 'Action', 'Success criteria', 'Impact measures', 'Lead', 'Start date', 'Due date', 'Links', 'Status', 'Progress'],
        ['1.2.3', '1. Communication', 'Clear pathways', 'Map the front door', 'Parents know where to go', 'Complaints down', 'Head of SEND / AD Learning', 'Feb-23', '31/03/2024', 'SEF/DBV', 'On track', 'Mapping begun'],
      ),
    );
    expect(reading.errors).toEqual([]);
    expect(reading.warnings).toEqual([]);
    expect(reading.headerRow).toBe(1);
    expect(reading.rows).toEqual([
      {
        row: 2,
        ref: '1.2.3',
        generatedRef: '1.2.3',
        workstream: { ref: '1', name: '1. Communication' },
        objective: 'Clear pathways',
        title: 'Map the front door',
        successCriteria: 'Parents know where to go',
        impactMeasures: 'Complaints down',
        leadsText: 'Head of SEND / AD Learning',
        start: { date: '2023-02-28', precision: 'month' },
        due: { date: '2024-03-31', precision: 'day' },
        milestones: [],
        links: ['SEF', 'DBV'],
        statusWord: 'On track',
        progress: 'Mapping begun',
      },
    ]);
    expect(reading.workstreams).toEqual([{ ref: '1', name: '1. Communication' }]);
  });

  it('leaves what the register leaves blank as null, and a blank status as an empty word', () => {
    const [row] = interpretRegister(grid(['Action', 'Lead', 'Due', 'Status', 'Links'], ['Do it', '', '', '', ''])).rows;
    expect(row).toMatchObject({ leadsText: null, due: null, start: null, statusWord: '', links: [], workstream: null, objective: null, ref: null });
  });

  it('reports each column it used and the headers it did not', () => {
    const reading = interpretRegister(grid(['Action', 'Budget', 'Lead'], ['Do it', '£5k', 'Jo']));
    expect(reading.columns).toEqual({ title: { index: 0, header: 'Action' }, lead: { index: 2, header: 'Lead' } });
    expect(reading.ignoredHeaders).toEqual(['Budget']);
  });

  it('finds the header below a title and counts rows as the spreadsheet does', () => {
    const reading = interpretRegister(grid(['SEND Improvement Plan'], [], ['Action', 'Lead'], ['First', 'Jo'], ['Second', 'Sam']));
    expect(reading.headerRow).toBe(3);
    expect(reading.rows.map((r) => r.row)).toEqual([4, 5]);
  });

  it('takes a spreadsheet date cell as it is, without reading its text', () => {
    const g: Grid = {
      source: 'plan.xlsx',
      rows: [
        [{ text: 'Action' }, { text: 'Due Date' }],
        [{ text: 'Do it' }, { text: 'Nov 2023', date: { date: '2023-11-30', precision: 'month' } }],
      ],
    };
    const reading = interpretRegister(g);
    expect(reading.rows[0]!.due).toEqual({ date: '2023-11-30', precision: 'month' });
    expect(reading.warnings).toEqual([]);
  });
});

describe('interpretRegister: registers as councils keep them', () => {
  it('skips entirely empty rows and header rows repeated down the sheet', () => {
    expect(titles(grid(['Action', 'Lead'], ['First', 'Jo'], [], ['', '  '], ['Action', 'Lead'], ['Second', 'Sam']))).toEqual(['First', 'Second']);
  });

  it('takes a row with one filled cell in the first column as a section heading for the rows below', () => {
    const reading = interpretRegister(
      grid(['Goals', 'Actions', 'Lead'], ['1. Data Baselining', '', ''], ['Clear data', 'Set KPIs', 'Jo'], ['2. Governance', '', ''], ['Accountability', 'Agree pathway', 'Sam']),
    );
    expect(reading.rows.map((r) => [r.generatedRef, r.workstream?.name, r.title])).toEqual([
      ['1.1', '1. Data Baselining', 'Set KPIs'],
      ['2.1', '2. Governance', 'Agree pathway'],
    ]);
  });

  it('takes a title merged across the table (one cell spanning columns) as a section heading', () => {
    const g: Grid = {
      source: 'plan.xlsx',
      rows: [
        [{ text: 'Ref' }, { text: 'Action' }, { text: 'Lead' }, { text: 'Status' }],
        [{ text: '' }, { text: 'Workstream C – Quality of EHCPs', span: 3 }],
        [{ text: '' }, { text: 'Audit plans' }, { text: 'Jo' }, { text: 'Green' }],
      ],
    };
    const [row] = interpretRegister(g).rows;
    expect(row).toMatchObject({ workstream: { ref: 'C', name: 'Workstream C – Quality of EHCPs' }, generatedRef: 'C.1' });
  });

  it('takes the same text repeated across a row (a merge saved as CSV) as a section heading', () => {
    const reading = interpretRegister(grid(['Action', 'Lead', 'Status'], ['Workstream A', 'Workstream A', 'Workstream A'], ['Engage parents', 'Jo', 'Green']));
    expect(reading.rows.map((r) => r.generatedRef)).toEqual(['A.1']);
  });

  it('does not take the same word in two cells of a wide table for a heading', () => {
    const reading = interpretRegister(grid(['Goal', 'Action', 'Lead', 'Start', 'Due', 'Status'], ['Clear data', 'Set KPIs', 'Jo', '', '', ''], ['', '', '', 'TBC', 'TBC', '']));
    expect(reading.rows.map((r) => r.title)).toEqual(['Set KPIs', 'Clear data']);
  });

  it('does not take a row with a lone lead or status for a heading', () => {
    const reading = interpretRegister(grid(['Goal', 'Action', 'Lead'], ['Clear data', 'Set KPIs', 'Jo'], ['', '', 'Sam']));
    expect(reading.rows.map((r) => [r.title, r.leadsText])).toEqual([
      ['Set KPIs', 'Jo'],
      ['Clear data', 'Sam'],
    ]);
  });

  it('reads "1.2 …" under workstream 1 as an objective heading, not a new workstream', () => {
    const reading = interpretRegister(
      grid(['Action', 'Lead'], ['Priority 1 – Identify need early'], ['Objective 1.1 – Recruit staff'], ['Advertise posts', 'Jo'], ['Objective 1.2 – Meet checks'], ['Audit checks', 'Sam']),
    );
    expect(reading.rows.map((r) => [r.workstream?.ref, r.objective, r.generatedRef])).toEqual([
      ['1', 'Objective 1.1 – Recruit staff', '1.1'],
      ['1', 'Objective 1.2 – Meet checks', '1.2'],
    ]);
  });

  it('carries a blank priority or goal cell down from the row above', () => {
    const reading = interpretRegister(
      grid(
        ['Priority', 'Goal', 'Action'],
        ['3. Identify need early', 'Graduated approach', 'Train SENCOs'],
        ['', '', 'Refresh toolkit'],
        ['', 'Short breaks', 'Open a home'],
        ['', '', 'Recruit carers'],
      ),
    );
    expect(reading.rows.map((r) => [r.workstream?.name, r.objective, r.generatedRef])).toEqual([
      ['3. Identify need early', 'Graduated approach', '3.1'],
      ['3. Identify need early', 'Graduated approach', '3.2'],
      ['3. Identify need early', 'Short breaks', '3.3'],
      ['3. Identify need early', 'Short breaks', '3.4'],
    ]);
  });

  it('does not carry a goal over into the next priority', () => {
    const reading = interpretRegister(grid(['Priority', 'Goal', 'Action'], ['1. One', 'Goal one', 'A'], ['2. Two', '', 'B']));
    expect(reading.rows[1]!.objective).toBeNull();
  });

  it('takes the title from the goal when the action cell is blank', () => {
    const reading = interpretRegister(grid(['Goal', 'Action', 'Lead'], ['Review the Local Offer', '', 'Tom']));
    expect(reading.rows[0]).toMatchObject({ title: 'Review the Local Offer', objective: 'Review the Local Offer' });
  });

  it('titles a row with a blank action from the goal carried down from above', () => {
    const reading = interpretRegister(grid(['Goal', 'Action', 'Lead', 'Status'], ['Clear data', 'Set KPIs', 'Jo', 'Green'], ['', '', 'Sam', 'Red']));
    expect(reading.rows.map((r) => r.title)).toEqual(['Set KPIs', 'Clear data']);
  });

  it('skips, with a warning, a row with neither an action nor a goal', () => {
    const reading = interpretRegister(grid(['Action', 'Lead', 'Status'], ['Act', 'Jo', 'Green'], ['', 'Sam', 'Red']));
    expect(reading.rows).toHaveLength(1);
    expect(reading.warnings).toEqual([{ row: 3, column: 'Action', message: 'no action title, and no goal or objective to take one from: row skipped' }]);
  });
});

describe('interpretRegister: refs', () => {
  it('makes refs from the priority number and the place within it', () => {
    expect(refs(grid(['Priority', 'Action'], ['3. To identify need early…', 'a'], ['3. To identify need early…', 'b'], ['4. Quality', 'c']))).toEqual(['3.1', '3.2', '4.1']);
  });

  it('uses a workstream letter ("Workstream C") in its refs', () => {
    expect(refs(grid(['Workstream', 'Action'], ['Workstream C', 'a'], ['Workstream C', 'b']))).toEqual(['C.1', 'C.2']);
  });

  it("uses a workstream's place in the register when its name has no number", () => {
    expect(refs(grid(['Theme', 'Action'], ['Communication', 'a'], ['Quality', 'b'], ['Quality', 'c']))).toEqual(['1.1', '2.1', '2.2']);
  });

  it('numbers actions 1, 2, 3 when there are no workstreams', () => {
    expect(refs(grid(['Action'], ['a'], ['b'], ['c']))).toEqual(['1', '2', '3']);
  });

  it('continues a workstream\'s numbering when it comes back lower down', () => {
    expect(refs(grid(['Priority', 'Action'], ['1. One', 'a'], ['2. Two', 'b'], ['1. One', 'c']))).toEqual(['1.1', '2.1', '1.2']);
  });

  it('keeps the refs the register gives, without a trailing full stop', () => {
    expect(refs(grid(['Ref', 'Action'], ['1.2.3', 'a'], ['1.2.4.', 'b']))).toEqual(['1.2.3', '1.2.4']);
  });

  it('never makes a ref the register already gives to another row', () => {
    const reading = interpretRegister(grid(['Ref', 'Priority', 'Action'], ['', '1. One', 'a'], ['1.1', '1. One', 'b']));
    expect(reading.rows.map((r) => r.generatedRef)).toEqual(['1.1-2', '1.1']);
    expect(reading.warnings).toEqual([{ row: 2, message: 'the ref made for this row, 1.1, is already used; it is 1.1-2 instead' }]);
  });

  it('refuses a ref given twice, naming both rows', () => {
    const reading = interpretRegister(grid(['Ref', 'Action'], ['1.1', 'a'], ['1.2', 'b'], ['1.1', 'c']));
    expect(reading.errors).toEqual([{ row: 4, column: 'Ref', message: 'ref "1.1" is given to rows 2 and 4; each action needs its own ref' }]);
  });
});

describe('interpretRegister: dates', () => {
  const dated = (start: string, due: string) => interpretRegister(grid(['Action', 'Start Date', 'Due Date'], ['Do it', start, due]));

  it('warns of an unreadable date, naming its row and column, and imports the row with no date', () => {
    const reading = dated('Feb-23', 'Ongoing');
    expect(reading.rows[0]!.due).toBeNull();
    expect(reading.warnings).toEqual([{ row: 2, column: 'Due Date', message: 'could not read a date in "Ongoing"' }]);
  });

  it('warns of TBC but not of a blank date', () => {
    expect(dated('', 'TBC').warnings).toEqual([{ row: 2, column: 'Due Date', message: 'no date yet ("TBC")' }]);
    expect(dated('', '').warnings).toEqual([]);
  });

  it('keeps earlier dates in a due cell as milestones, with a warning', () => {
    const reading = dated('', 'Nov 19 Dec 19 April 2020');
    expect(reading.rows[0]).toMatchObject({ due: { date: '2020-04-30' }, milestones: [{ date: '2019-11-30' }, { date: '2019-12-31' }] });
    expect(reading.warnings).toHaveLength(1);
  });

  it('starts at the first of several dates in a start cell', () => {
    const reading = dated('Feb-23, Apr-23', 'Dec-23');
    expect(reading.rows[0]!.start).toEqual({ date: '2023-02-28', precision: 'month' });
    expect(reading.warnings).toEqual([{ row: 2, column: 'Start Date', message: 'several dates in "Feb-23, Apr-23": the first, Feb 2023, is taken as the start' }]);
  });

  it('warns when the due date is before the start', () => {
    expect(dated('Apr-25', 'Feb-25').warnings).toEqual([{ row: 2, column: 'Due Date', message: 'due Feb 2025 is before the start, Apr 2025' }]);
    expect(dated('01/03/2024', '28/02/2024').warnings).toHaveLength(1);
  });

  it('does not call a day in the start month "before the start"', () => {
    expect(dated('Apr-24', '15/04/2024').warnings).toEqual([]);
    expect(dated('Apr-24', 'Apr-24').warnings).toEqual([]);
  });
});

describe('interpretRegister: errors', () => {
  it('refuses a register with no action title column', () => {
    const reading = interpretRegister(grid(['Priority', 'Lead', 'Due Date'], ['1. One', 'Jo', 'Nov-23']));
    expect(reading.rows).toEqual([]);
    expect(reading.headerRow).toBeNull();
    expect(reading.errors).toHaveLength(1);
    expect(reading.errors[0]!.message).toMatch(/^no column for the action title/);
  });

  it('refuses a register with no actions below its header', () => {
    const reading = interpretRegister(grid(['Title of the plan'], ['Action', 'Lead'], [], ['', '']));
    expect(reading.errors).toEqual([{ row: 2, message: 'no actions found below the header row (row 2)' }]);
  });

  it('refuses an empty grid', () => {
    expect(interpretRegister(grid()).errors[0]!.message).toMatch(/no header row found/);
  });

  it('honours --map and refuses one naming a header that is not there', () => {
    const mapped = interpretRegister(grid(['Deliverable thing', 'Who'], ['Do it', 'Jo']), { map: { title: 'deliverable  thing' } });
    expect(mapped.rows[0]).toMatchObject({ title: 'Do it', leadsText: 'Jo' });
    const wrong = interpretRegister(grid(['Action', 'Who'], ['Do it', 'Jo']), { map: { lead: 'Owner' } });
    expect(wrong.errors).toEqual([{ row: 1, message: '--map lead=Owner: there is no column headed "Owner"; the headers found (row 1) are: "Action", "Who"' }]);
  });

  it('refuses --map for a field that does not exist', () => {
    const reading = interpretRegister(grid(['Action'], ['Do it']), { map: { owner: 'Action' } });
    expect(reading.errors[0]!.message).toMatch(/"owner" is not a register field/);
  });
});

describe('gridFromText', () => {
  it('makes text cells, row 0 being spreadsheet row 1', () => {
    const g = gridFromText('x.csv', [['a', 'b']], 'Sheet1');
    const expected: Cell[][] = [[{ text: 'a' }, { text: 'b' }]];
    expect(g).toEqual({ source: 'x.csv', sheet: 'Sheet1', rows: expected });
  });
});

describe('interpretRegister: a lone cell in the action column', () => {
  it('is an action when it reads like one, and a heading when it names a workstream or priority', () => {
    const reading = interpretRegister(grid(['Action', 'Lead', 'Status'], ['Workstream B – Inclusive practice', '', ''], ['Set up clusters', '', ''], ['Agree the statement', 'Jo', 'Green']));
    expect(reading.rows.map((r) => [r.generatedRef, r.title])).toEqual([
      ['B.1', 'Set up clusters'],
      ['B.2', 'Agree the statement'],
    ]);
  });
});
