import MarkdownIt from 'markdown-it';
import { Document, Packer } from 'docx';
import { beforeEach, describe, expect } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { importRegister } from '../../src/app/register/import-register.ts';
import { compileReport } from '../../src/app/report/compile-report.ts';
import { myOpenActions } from '../../src/app/updates/my-actions.ts';
import { updateForm } from '../../src/chat/forms/update-form.ts';
import type { Message } from '../../src/chat/message.ts';
import { renderMarkdown } from '../../src/chat/render/markdown.ts';
import { renderText } from '../../src/chat/render/text.ts';
import type { Reply } from '../../src/chat/replies.ts';
import type { Inbound } from '../../src/chat/inbound.ts';
import { COMMAND_LIMIT } from '../../src/chat/router.ts';
import { highlightReportMessage } from '../../src/chat/views/highlight-report.ts';
import { myActionsMessage } from '../../src/chat/views/my-actions.ts';
import { gridFromText } from '../../src/domain/register/grid.ts';
import { NOTE_LIMIT } from '../../src/domain/updates/validate-update.ts';
import { boardPaperDocx } from '../../adapters/documents/board-paper-docx.ts';
import { blocksToDocx } from '../../adapters/documents/docx-blocks.ts';
import { renderBlockKit, renderModal } from '../../adapters/slack/render/index.ts';
import { renderAdaptiveCard, renderFormCard } from '../../adapters/teams/render/index.ts';
import { openDocx } from '../adapters/documents/read-docx.ts';
import { appDeps } from '../support/app.ts';
import { describeEachDatabase, it } from '../support/databases.ts';
import { expectUnchanged, inbound, KENT_CHANNEL, PEOPLE, seedProgrammes, snapshot, wordsOf } from './support.ts';

/**
 * Text a person typed (a lead's note, a register's titles, a command's words) carrying markup for
 * every format Stocktake writes. Each renderer must show it as the words typed: no @channel ping,
 * no mention, no link the person did not write as a plain address, no HTML, no card structure,
 * no template, no hidden control character.
 */
const MARKER = 'Marker7731';
const PAYLOADS = [
  `${MARKER} <!channel> <!here> @channel @everyone`,
  '<@U0NADIA> <#C0GOVERN>',
  '<https://evil.example|click here>',
  '*bold* _italic_ ~strike~ `code`',
  '[a link](https://evil.example/a) ![pixel](http://evil.example/p.png) [js](javascript:alert(1))',
  '# Heading',
  '> quoted',
  '<script>alert(1)</script> <img src=x onerror=alert(1)>',
  '"}],"actions":[{"type":"Action.OpenUrl","url":"https://evil.example/card"}],"x":[{"a":"',
  '{{DATE(2024-01-01T00:00:00Z, SHORT)}} ${$root.secret} ${person.name}',
  'nul\u0000 rtl\u202Eevil\u202C cr\rend',
  'https://plain.example/page',
];
const HOSTILE = PAYLOADS.join('\n');
const markdownReader = new MarkdownIt({ html: true, linkify: true });
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Every string in a rendered payload, wherever it sits. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

function expectSafeBlockKit(message: Message): void {
  const rendered = renderBlockKit(message);
  const text = stringsIn(rendered).join('\n');
  expect(text).toContain(MARKER);
  for (const live of ['<!channel>', '<!here>', '<@U0NADIA>', '<#C0GOVERN>', '<https://evil', '<javascript', '*bold*', '_italic_', '~strike~', '`code`', '<script', '<img']) {
    expect(text).not.toContain(live);
  }
  expect(text).not.toMatch(/@(channel|here|everyone)\b/);
  expect(text).not.toMatch(HIDDEN);
}

function expectSafeCards(message: Message): void {
  const cards = renderAdaptiveCard(message);
  const strings = cards.flatMap((c) => stringsIn(c.card));
  expect(strings.join('\n')).toContain(MARKER);
  for (const s of strings) {
    expect(s).not.toMatch(HIDDEN);
    expect(s).not.toContain('{{');
    expect(s).not.toContain('${');
  }
  // The note stays inside text: no element, action or link comes from it.
  const json = JSON.stringify(cards);
  expect(json).not.toMatch(/"url":"(https:\/\/evil|javascript)/);
  expect(json).not.toContain('"Action.OpenUrl"');
  // TextBlocks (headings) are Markdown: read as Markdown, they hold no HTML, image or link.
  for (const block of cards.flatMap((c) => c.card.body)) {
    if (block.type === 'TextBlock') expect(markdownReader.render(block.text)).not.toMatch(/<(script|img|a)\b/);
  }
}

/** The Markdown, read as a Markdown reader with HTML and link detection on would show it. */
function expectSafeMarkdown(message: Message): void {
  const markdown = renderMarkdown(message);
  expect(markdown).toContain(MARKER);
  expect(markdown).not.toMatch(HIDDEN);
  const html = markdownReader.render(markdown);
  for (const live of ['<script', '<img', 'href="javascript', '<strong>bold</strong>', '<em>italic</em>', '<code>code</code>', '<s>strike</s>', '<blockquote>']) {
    expect(html).not.toContain(live);
  }
  expect(html).not.toMatch(/<h\d>Heading/);
  // A reader may link an address the person wrote out, but shows that address: no link hides behind other words.
  const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)];
  for (const [, href, words] of links) expect({ href, shown: showsItsAddress(href!, words!) }).toEqual({ href, shown: true });
}

/** Whether a link's words begin with the site it leads to (a reader's autolink of an address written out). */
function showsItsAddress(href: string, words: string): boolean {
  const site = decodeURI(href.replace(/&amp;/g, '&')).split('/').slice(0, 3).join('/');
  return words.replace(/&amp;/g, '&').startsWith(site);
}

function expectSafeText(message: Message): void {
  const text = renderText(message);
  expect(text).toContain(MARKER);
  expect(text).not.toMatch(HIDDEN);
}

describeEachDatabase('threats: markup, control characters and oversized text', (db) => {
  let deps: AppDeps;
  beforeEach(async () => {
    deps = { ...appDeps(db(), new Date('2024-03-04T09:00:00Z')), documents: { boardPaper: boardPaperDocx } };
    await seedProgrammes(deps);
  });

  const kitSubmits = async (values: Record<string, string>): Promise<Reply[]> => {
    const k1 = (await deps.store.updates.actionForUpdate({ programmeId: (await deps.store.programmes.findByName('Kent'))!.id, ref: 'K1' }))!;
    return inbound(deps, { kind: 'form', caller: { platform: 'teams', userId: PEOPLE.kit.teams.aadObjectId }, place: { channelId: null, direct: true }, id: 'update', state: k1.id, values });
  };

  it('keeps a hostile note and register titles as the words typed in Block Kit, Adaptive Cards, Markdown, text and the board paper', async () => {
    const register = gridFromText('kent.csv', [
      ['Ref', 'Workstream', 'Action', 'Lead', 'Due date', 'Status'],
      ['K1', `A. ${PAYLOADS[0]} ${PAYLOADS[7]}`, `Publish ${PAYLOADS.join(" ")}`, PEOPLE.kit.name, 'Mar-24', 'Off track'],
      ['K2', 'A. Early help', 'Train the family hubs', PEOPLE.kit.name, 'Jan-24', 'On track'],
    ]);
    expect((await importRegister(deps, { programme: 'Kent', grid: register, actor: 'test', file: 'kent.csv' })).ok).toBe(true);
    const saved = await kitSubmits({ status: 'red', note: HOSTILE, nextSteps: HOSTILE, evidenceUrl: 'https://evidence.example/a?b=<c>|d' });
    expect(saved[0]!.kind).toBe('private');
    expect(wordsOf(saved)).toContain('Recorded');

    const { rows } = await db().pool.query<{ note: string; nextSteps: string }>(`SELECT note, "nextSteps" FROM "StatusUpdate" WHERE source = 'teams'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.note).toContain(MARKER);
    expect(rows[0]!.note).not.toMatch(HIDDEN);
    expect(rows[0]!.note).toContain('nul rtlevil cr\nend');

    const kent = (await deps.store.programmes.findByName('Kent'))!;
    const report = await compileReport(deps, { programme: 'Kent', board: 'Kent Improvement Board' });
    if (!report.ok) throw new Error(report.error.message);
    const messages = [highlightReportMessage(report.value, { timezone: kent.timezone }), myActionsMessage(await myOpenActions(deps, (await deps.store.people.findByEmail(PEOPLE.kit.email))!.id))];
    for (const message of messages) {
      expectSafeBlockKit(message);
      expectSafeCards(message);
      expectSafeMarkdown(message);
      expectSafeText(message);
    }

    const paper = await openDocx(await boardPaperDocx(report.value, { timezone: kent.timezone }));
    const document = await paper.text('word/document.xml');
    expect(document).toContain(MARKER);
    expect(document).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(document).not.toMatch(/<script|<img/);
    expect(document).not.toMatch(HIDDEN);
    expect(await paper.text('word/_rels/document.xml.rels')).not.toMatch(/evil\.example|javascript:/);
  });

  it('echoes hostile command words as plain words on both platforms, and changes nothing', async () => {
    const before = await snapshot(db());
    for (const words of [...PAYLOADS, HOSTILE]) {
      const replies = await inbound(deps, { kind: 'command', caller: { platform: 'slack', userId: PEOPLE.kit.slack.id }, place: { channelId: KENT_CHANNEL, direct: false }, name: 'overdue', args: words });
      for (const reply of replies) {
        if (reply.kind !== 'private') throw new Error(`expected a private answer, got ${reply.kind}`);
        const withMarker = { ...reply.message, blocks: [...reply.message.blocks, { type: 'section' as const, text: MARKER }] };
        expectSafeBlockKit(withMarker);
        expectSafeCards(withMarker);
      }
    }
    await expectUnchanged(db(), before);
  });

  it('refuses 50 kB of command words in one short answer, however the command is given, and changes nothing', async () => {
    const before = await snapshot(db());
    const huge = `${MARKER}${' <!channel>'.repeat(5_000)}`;
    const asked: Inbound[] = [
      ...['overdue', 'send-report', 'stocktake', 'help'].map((name): Inbound => ({ kind: 'command', caller: { platform: 'slack', userId: PEOPLE.kit.slack.id }, place: { channelId: KENT_CHANNEL, direct: false }, name, args: huge })),
      { kind: 'message', caller: { platform: 'teams', userId: PEOPLE.kit.teams.aadObjectId }, place: { channelId: null, direct: true }, text: `overdue ${huge}` },
    ];
    for (const event of asked) {
      const replies = await inbound(deps, event);
      expect(replies).toHaveLength(1);
      const reply = replies[0]!;
      if (reply.kind !== 'private') throw new Error(`expected a private answer, got ${reply.kind}`);
      expect(renderBlockKit(reply.message)).toHaveLength(1);
      expect(renderAdaptiveCard(reply.message)).toHaveLength(1);
      expect(reply.message.text).toBe(`That command is too long (${huge.length.toLocaleString('en-GB')} characters after its name; at most ${COMMAND_LIMIT}). Try help.`);
    }
    await expectUnchanged(db(), before);
  });

  it(`refuses 50 kB of text in any field with a clear message, records nothing, and offers inputs that stop at ${NOTE_LIMIT.toLocaleString('en-GB')} characters`, async () => {
    const before = await snapshot(db());
    const huge = `${MARKER} ${'x'.repeat(50_000)}`;
    const refused = await kitSubmits({ status: 'red', note: huge, nextSteps: huge, evidenceUrl: `https://evidence.example/${'a'.repeat(50_000)}` });
    const errors = refused.find((r) => r.kind === 'form-errors');
    if (errors?.kind !== 'form-errors') throw new Error(`expected form errors, got ${JSON.stringify(refused).slice(0, 200)}`);
    expect(errors.errors).toEqual({
      note: 'Keep the note to 3,000 characters (it has 50,011).',
      nextSteps: 'Keep the next steps to 2,000 characters.',
      evidenceUrl: 'Give the evidence as a web link starting https://',
    });
    // Both platforms can show the form again with its errors, however much was sent.
    const card = renderFormCard(errors.form!, errors.errors, { note: huge, nextSteps: huge });
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
    await expectUnchanged(db(), before);

    const form = updateForm((await deps.store.updates.actionForUpdate({ programmeId: (await deps.store.programmes.findByName('Kent'))!.id, ref: 'K1' }))!);
    const modal = renderModal({ callbackId: form.id, title: form.title, submitLabel: form.submitLabel, privateMetadata: form.state, blocks: form.blocks });
    const slackLimits = Object.fromEntries(modal.blocks.flatMap((b) => (b.type === 'input' && 'max_length' in b.element ? [[b.block_id, b.element.max_length]] : [])));
    expect(slackLimits).toEqual({ note: NOTE_LIMIT, nextSteps: 2000, evidenceUrl: 500 });
    const teamsLimits = Object.fromEntries(renderFormCard(form).body.flatMap((e) => (e.type === 'Input.Text' ? [[e.id, e.maxLength]] : [])));
    expect(teamsLimits).toEqual({ note: NOTE_LIMIT, nextSteps: 2000, evidenceUrl: 500 });
  });
});

describe('threats: hidden characters in text stored before it was checked', () => {
  it('are dropped by every renderer, so no override reorders what a reader sees', async () => {
    const hidden = `${MARKER} nul\u0000 rtl\u202Eevil\u202C iso\u2066late\u2069 bell\u0007 esc\u001b[31m`;
    const message: Message = {
      text: hidden,
      blocks: [
        { type: 'header', text: hidden },
        { type: 'section', text: hidden },
        { type: 'fields', fields: [{ label: hidden, value: hidden }] },
        { type: 'table', columns: [{ label: 'Ref' }, { label: 'Note' }], rows: [[hidden, hidden]] },
        { type: 'list', items: [hidden] },
        { type: 'context', text: hidden },
      ],
    };
    expectSafeBlockKit(message);
    expectSafeCards(message);
    expectSafeMarkdown(message);
    expectSafeText(message);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: blocksToDocx(message.blocks, { contentWidth: 9000 }) }] }));
    const document = await (await openDocx(docx)).text('word/document.xml');
    expect(document).toContain(MARKER);
    expect(document).not.toMatch(HIDDEN);
  });
});
