import { describe, expect, it } from 'vitest';
import { COMMANDS, findCommand } from '../../src/chat/router.ts';

const found = (text: string) => {
  const hit = findCommand(text);
  return hit && { name: hit.command.name, args: hit.args };
};

describe('findCommand', () => {
  it('finds a slash command and keeps the words after it as its arguments', () => {
    expect(found('/overdue mine')).toEqual({ name: 'overdue', args: 'mine' });
  });

  it('finds a command typed without a slash, as in Teams', () => {
    expect(found('overdue 3')).toEqual({ name: 'overdue', args: '3' });
  });

  it('finds a command with no arguments', () => {
    expect(found('/overdue')).toEqual({ name: 'overdue', args: '' });
    expect(found('help')).toEqual({ name: 'help', args: '' });
  });

  it('finds "my actions" as the my-actions command', () => {
    expect(found('my actions')).toEqual({ name: 'my-actions', args: '' });
    expect(found('my-actions')).toEqual({ name: 'my-actions', args: '' });
  });

  it('keeps every word of the arguments, with their case', () => {
    expect(found('send-report SEND Partnership Board post')).toEqual({ name: 'send-report', args: 'SEND Partnership Board post' });
  });

  it('finds a command by any of its aliases', () => {
    expect(found('late')).toEqual({ name: 'overdue', args: '' });
    expect(found('report Delivery Board')).toEqual({ name: 'send-report', args: 'Delivery Board' });
    expect(found('highlight-report')).toEqual({ name: 'send-report', args: '' });
    expect(found('mine')).toEqual({ name: 'my-actions', args: '' });
    expect(found('?')).toEqual({ name: 'help', args: '' });
  });

  it('reads a two-word alias as the command name and keeps only the words after it', () => {
    expect(found('my actions please')).toEqual({ name: 'my-actions', args: 'please' });
  });

  it('prefers the command a message starts with over an alias in its arguments', () => {
    expect(found('overdue mine')).toEqual({ name: 'overdue', args: 'mine' });
    expect(found('report actions')).toEqual({ name: 'send-report', args: 'actions' });
  });

  it('ignores case in the command but not in its arguments', () => {
    expect(found('/OVERDUE Mine')).toEqual({ name: 'overdue', args: 'Mine' });
    expect(found('My Actions')).toEqual({ name: 'my-actions', args: '' });
    expect(found('Send-Report Delivery Board')).toEqual({ name: 'send-report', args: 'Delivery Board' });
  });

  it('ignores white space around the text', () => {
    expect(found('  /overdue   mine  ')).toEqual({ name: 'overdue', args: 'mine' });
  });

  it('finds nothing for text that is not a command', () => {
    expect(findCommand('hello there')).toBeNull();
    expect(findCommand('')).toBeNull();
    expect(findCommand('/')).toBeNull();
  });

  it('does not take a word that merely starts with a command name', () => {
    expect(findCommand('overdueness')).toBeNull();
    expect(findCommand('reporting is late')).toBeNull();
    expect(findCommand('helpful')).toBeNull();
  });

  it('finds each registered command by its own name', () => {
    for (const command of COMMANDS) expect(findCommand(command.name)?.command).toBe(command);
  });

  it('gives no two commands the same name or alias', () => {
    const names = COMMANDS.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('registers names and aliases in lower case, as matching relies on it', () => {
    for (const command of COMMANDS) for (const name of [command.name, ...command.aliases]) expect(name).toBe(name.toLowerCase());
  });
});
