import { expect } from 'vitest';
import { CAST } from './cast.ts';
import type { ChatDriver } from './driver.ts';
import { button, form, words } from './seen.ts';
import type { Stored } from './world.ts';

/**
 * What people do in chat and what must follow, said once for every platform. Each scenario starts
 * from Hull as seeded (its plan, people, the SEND Partnership Board chaired by Helen, Nadia as
 * programme manager) with the bot's clock in the May 2024 cycle: the board meets on Tuesday
 * 14 May 2024, leads are asked on 7 May (6 May is a bank holiday) and the cut-off is 10 May.
 */
export interface ChatScenario {
  name: string;
  run(chat: ChatDriver, db: Stored): Promise<void>;
}

/** The bot's clock as each scenario starts: inside the May cycle, after the prompts were due. */
export const SCENARIO_CLOCK = new Date('2024-05-08T09:00:00Z');
/** When the scheduler asks leads for the 14 May meeting: 09:30 in London, five working days before. */
const PROMPT_TIME = new Date('2024-05-07T08:30:00Z');
const MEETING = '14 May 2024';
const BOARD = 'SEND Partnership Board';

export const CHAT_SCENARIOS: readonly ChatScenario[] = [
  {
    name: 'a lead asks what is overdue and sees every overdue action by workstream, privately',
    async run(chat, db) {
      const seen = words(await chat.runCommand('alex', 'overdue'));
      expect(seen).toContain('Overdue actions');
      expect(seen).toContain('1.1');
      expect(seen).toContain('To identify need early');
      expect(await db.chatUpdateCount()).toBe(0);
    },
  },
  {
    name: 'overdue narrowed to a workstream lists only that workstream’s actions',
    async run(chat) {
      const seen = words(await chat.runCommand('alex', 'overdue', ['3']));
      expect(seen).toContain('Only actions in 3.');
      expect(seen).toContain('3.1');
      expect(seen).not.toContain('1.1 ');
    },
  },
  {
    name: 'the programme manager narrows overdue to a lead by @mentioning them in the governance channel, and may share it there',
    async run(chat) {
      const seen = await chat.runCommand('nadia', 'overdue', [{ mention: 'alex' }], 'governance channel');
      expect(words(seen)).toContain('Only actions led by Alex Morgan');
      expect(words(seen)).toContain('1.1');
      expect(button(seen, 'overdue.share').label).toBe('Share in this channel');
    },
  },
  {
    name: 'an overdue list asked for in the governance channel is seen by the asker alone until they share it with one click',
    async run(chat) {
      const mine = await chat.runCommand('nadia', 'overdue', [{ mention: 'alex' }], 'governance channel');
      expect(await chat.governancePosts()).toEqual([]);
      await chat.clickButton('nadia', button(mine, 'overdue.share'));
      const [shared, ...more] = await chat.governancePosts();
      expect(more).toEqual([]);
      expect(words([shared!])).toContain('Only actions led by Alex Morgan');
      expect(words([shared!])).toContain(`Shared by ${CAST.nadia.name}.`);
    },
  },
  {
    name: 'a lead narrows overdue to their own actions with “mine”',
    async run(chat) {
      const seen = words(await chat.runCommand('alex', 'overdue', ['mine']));
      expect(seen).toContain('Only actions led by you');
      expect(seen).toContain('1.1');
    },
  },
  {
    name: 'overdue with a workstream or lead that does not exist says so and how to ask',
    async run(chat) {
      const seen = words(await chat.runCommand('alex', 'overdue', ['Workstream', 'Z']));
      expect(seen).toContain('There is no workstream or lead called “Workstream Z” in Hull.');
    },
  },
  {
    name: 'someone in the directory who works on nothing in Hull may not see its overdue actions',
    async run(chat) {
      const seen = words(await chat.runCommand('olu', 'overdue', [], 'governance channel'));
      expect(seen).toContain('Only people working on Hull can see it.');
      expect(seen).not.toContain('Overdue actions');
    },
  },
  {
    name: 'someone the directory does not know is told how to get access, and nothing is stored about them',
    async run(chat, db) {
      const people = await db.peopleCount();
      const seen = words(await chat.runCommand('stranger', 'overdue'));
      expect(seen).toContain('Stocktake does not know you yet');
      expect(seen).toContain('Ask your programme manager to add you to the people file.');
      expect(await db.peopleCount()).toBe(people);
    },
  },
  {
    name: 'a lead may not send the report: told who can, and nothing is posted',
    async run(chat, db) {
      const seen = words(await chat.runCommand('alex', 'send-report'));
      expect(seen).toContain(`Only the chair of ${BOARD} or a programme manager can send its report.`);
      expect(await chat.governancePosts()).toEqual([]);
      expect(await db.audit('post', 'report')).toEqual([]);
    },
  },
  {
    name: 'the chair previews the report privately, then posts it to the governance channel with the details in a thread',
    async run(chat, db) {
      const preview = await chat.runCommand('helen', 'send-report');
      expect(words(preview)).toContain('Preview: only you can see this.');
      expect(await chat.governancePosts()).toEqual([]);

      const confirmed = await chat.clickButton('helen', button(preview, 'report.post', 'Post to the governance channel'));
      expect(words(confirmed)).toContain(`Posted the ${BOARD} highlight report.`);
      const [post, ...more] = await chat.governancePosts();
      expect(more).toEqual([]);
      expect(post!.text).toContain('Highlight report');
      expect(words([post!])).toContain(`Sent by ${CAST.helen.name}.`);
      expect(post!.thread!.length).toBeGreaterThan(0);
      expect(await db.audit('post', 'report')).toMatchObject([{ actor: CAST.helen.name }]);
    },
  },
  {
    name: 'a lead asks for their actions and gets each with a button to update it, and no one else’s',
    async run(chat) {
      const seen = await chat.runCommand('priya', 'my actions');
      expect(words(seen)).toContain('Your actions');
      expect(button(seen, 'update.open', '1.2')).toBeDefined();
      expect(seen.flatMap((s) => s.buttons).some((b) => b.label.includes('1.1'))).toBe(false);
    },
  },
  {
    name: 'a lead writing anything else to the bot is shown their actions',
    async run(chat) {
      const seen = await chat.sendMessage('priya', 'hello');
      expect(words(seen)).toContain('Your actions');
      expect(button(seen, 'update.open', '1.2')).toBeDefined();
    },
  },
  {
    name: 'help lists every command, from the same registry that routes them',
    async run(chat) {
      const seen = words(await chat.runCommand('nadia', 'help'));
      expect(seen).toContain('What Stocktake can do');
      for (const usage of ['overdue [workstream | @lead | mine]', 'send-report', 'my actions', 'help']) expect(seen).toContain(usage);
    },
  },
  {
    name: 'a lead updates an action through the form: amber without a note is refused in the form and nothing is stored; corrected, it is recorded',
    async run(chat, db) {
      const mine = await chat.runCommand('priya', 'my actions');
      const opened = await chat.clickButton('priya', button(mine, 'update.open', '1.2'));
      const update = form(opened);
      expect(words(opened)).toContain('Update 1.2');
      expect(Object.keys(update.fields)).toEqual(expect.arrayContaining(['status', 'note', 'nextSteps', 'evidenceUrl', 'revisedDue']));

      const refused = await chat.submitForm('priya', update, { status: 'amber', note: '' });
      expect(refused.errors?.note).toContain('amber and red need a note');
      const tooLong = await chat.submitForm('priya', form(refused.replies), { status: 'green', note: 'x'.repeat(3001) });
      expect(tooLong.errors?.note).toContain('3,000 characters');
      expect(await db.updatesOf('1.2')).toEqual([]);

      const saved = await chat.submitForm('priya', form(tooLong.replies), { status: 'amber', note: 'Analyst post vacant', nextSteps: 'Recruiting in March' });
      expect(saved.errors).toBeNull();
      expect(words(saved.replies)).toContain('Recorded 1.2');
      expect(await db.updatesOf('1.2')).toEqual([
        { status: 'amber', note: 'Analyst post vacant', nextSteps: 'Recruiting in March', author: 'Priya Shah', source: chat.platform, correction: false },
      ]);
    },
  },
  {
    name: 'a lead who updates an action again in the same cycle records a correction, and the first update is kept',
    async run(chat, db) {
      const mine = await chat.runCommand('priya', 'my actions');
      const first = await chat.submitForm('priya', form(await chat.clickButton('priya', button(mine, 'update.open', '1.2'))), { status: 'green', note: 'On plan' });
      expect(first.errors).toBeNull();
      const again = await chat.submitForm('priya', form(await chat.clickButton('priya', button(mine, 'update.open', '1.2'))), { status: 'red', note: 'Funding withdrawn', nextSteps: 'Escalate to the board' });
      expect(words(again.replies)).toContain('Corrected 1.2');
      expect(words(again.replies)).toContain('Your earlier update this cycle is kept in the history.');
      expect((await db.updatesOf('1.2')).map((u) => [u.status, u.correction])).toEqual([
        ['green', false],
        ['red', true],
      ]);
    },
  },
  {
    name: 'a lead may not update someone else’s action, even with its button',
    async run(chat, db) {
      const alexs = button(await chat.runCommand('alex', 'my actions'), 'update.open', '1.1');
      const seen = words(await chat.clickButton('priya', { ...alexs, place: null }));
      expect(seen).toContain('Only the lead of action 1.1');
      expect(await db.chatUpdateCount()).toBe(0);
    },
  },
  {
    name: 'the programme manager changes a board’s lead time from chat, a bad value is explained, and a lead may not change it',
    async run(chat, db) {
      const refused = words(await chat.runCommand('alex', 'board', ['set', BOARD, 'ask-days', '6']));
      expect(refused).toContain('Only a programme manager or an admin of Hull can change it.');
      expect(await db.askDays(BOARD)).toBe(5);
      const bad = words(await chat.runCommand('nadia', 'board', ['set', BOARD, 'ask-days', 'soon']));
      expect(bad).toContain('is not a number of working days');
      expect(words(await chat.runCommand('nadia', 'board', ['set', BOARD, 'ask-days', '6']))).toContain('6 working days before');
      expect(words(await chat.runCommand('nadia', 'board'))).toContain('6 working days before');
      expect(await db.askDays(BOARD)).toBe(6);
    },
  },
  {
    name: 'a lead marks themselves away with someone covering, may not mark someone else, and is told when the dates cannot be read',
    async run(chat, db) {
      const own = words(await chat.runCommand('priya', 'away', ['2030-07-01', '2030-07-14', 'cover', { mention: 'alex' }]));
      expect(own).toContain(`${CAST.priya.name} is away from 1 Jul 2030 to 14 Jul 2030; ${CAST.alex.name} is asked instead.`);
      const other = words(await chat.runCommand('alex', 'away', [{ mention: 'priya' }, '2030-08-01', '2030-08-02']));
      expect(other).toContain('Only a programme manager can mark someone else as away.');
      expect(words(await chat.runCommand('priya', 'away', ['next', 'week']))).toContain('I could not read those dates.');
      expect(await db.absences('priya')).toEqual([{ from: '2030-07-01', to: '2030-07-14', cover: CAST.alex.name }]);
    },
  },
  {
    name: 'first contact links the person to their platform identity and keeps how to reach them',
    async run(chat, db) {
      expect(await chat.install('helen')).not.toEqual([]);
      expect(await db.platformUserId('helen', chat.platform)).toBe(chat.userId('helen'));
      expect((await db.person('helen'))?.lastPlatform).toBe(chat.platform);
      const address = await chat.storedAddress('helen');
      expect(address.stored).toBe(address.expected);
    },
  },
  {
    name: 'before the board, a lead who has talked to the bot is asked once, in their direct conversation, about their own actions; “no change” records it',
    async run(chat, db) {
      await chat.install('priya');
      await chat.runScheduler(PROMPT_TIME);
      await chat.runScheduler(PROMPT_TIME);
      const prompts = (await chat.inbox('priya')).filter((s) => s.text.includes(`meets on ${MEETING}`));
      expect(prompts).toHaveLength(1);
      expect(prompts[0]!.text).toContain('1.2');
      expect(prompts[0]!.text).not.toContain('1.1 ');
      expect(await db.outboxFor('priya', 'prompt')).toMatchObject([{ state: 'sent', platform: chat.platform }]);

      const answered = words(await chat.clickButton('priya', button(prompts, 'update.no-change')));
      expect(answered).toMatch(/Thank you — recorded no change on \d+ actions/);
      expect(await db.updatesOf('1.2')).toMatchObject([{ author: 'Priya Shah', source: chat.platform, correction: false }]);
    },
  },
];
