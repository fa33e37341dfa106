import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_CONSENT_CARD, FILE_INFO_CARD } from '../../../adapters/teams/files/file-consent.ts';
import { BOARD_PAPER } from '../../../src/chat/commands/send-report.ts';
import { bodyElements, openDocx } from '../documents/read-docx.ts';
import { eventually } from '../../support/eventually.ts';
import { personalConversationId, type StoredActivity, type UploadSession } from '../../support/fake-teams/index.ts';
import { MEMBERS, startTeamsHarness, TEAMS_GOVERNANCE, type TeamsHarness } from '../../support/teams-harness.ts';

/**
 * The board paper reaches a Teams user as a file, the way Teams lets a bot send one: a consent card in
 * the 1:1 chat, the upload into the OneDrive session Teams opens when they allow it, then a card that
 * opens the file. All through botbuilder's real adapter against the loopback connector.
 */

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => {
  await h?.stop();
});

type Member = keyof typeof MEMBERS;
const where = (member: Member) => ({ serviceUrl: h.connector.serviceUrl, from: MEMBERS[member] });
const chatWith = (member: Member) => personalConversationId(MEMBERS[member].id);
const attachmentOf = (a: StoredActivity | undefined) => (a?.activity.attachments as { contentType: string; name?: string; contentUrl?: string; content: Record<string, unknown> }[] | undefined)?.[0];
const consentContext = (card: StoredActivity) => attachmentOf(card)!.content.acceptContext as { button: string; value: string };

/** The first activity in a conversation, after `since` of them, that satisfies `match` (a board paper takes seconds to make on a busy machine). */
const next = (conversationId: string, since: number, match: (a: StoredActivity) => boolean) => eventually(() => h.connector.activitiesIn(conversationId).slice(since).find(match), 30_000);

/** Finds an Action.Execute by its verb anywhere in a card. */
function actionIn(value: unknown, verb: string): { verb: string; data: Record<string, unknown> } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const node = value as Record<string, unknown>;
  if (node.type === 'Action.Execute' && node.verb === verb) return node as { verb: string; data: Record<string, unknown> };
  for (const child of Object.values(node)) {
    const found = actionIn(child, verb);
    if (found) return found;
  }
  return undefined;
}

/** The chair asks for the preview and presses "Download board paper" on it, in the 1:1 chat or a channel. */
async function pressDownload(scope: 'personal' | 'channel' = 'personal') {
  const before = h.connector.activitiesIn(chatWith('helen')).length;
  await h.send({ kind: 'message', text: 'send-report', ...where('helen') });
  const preview = await next(chatWith('helen'), before, (a) => actionIn(a.activity, BOARD_PAPER) !== undefined);
  const button = actionIn(preview.activity, BOARD_PAPER)!;
  const res = await h.send({ kind: 'card-action', verb: button.verb, data: button.data, scope, ...where('helen') });
  expect(res.status).toBe(200);
}

/** Presses Download board paper and returns the consent card Teams would show. */
async function consentCard(): Promise<StoredActivity> {
  const before = h.connector.activitiesIn(chatWith('helen')).length;
  await pressDownload();
  return next(chatWith('helen'), before, (a) => attachmentOf(a)?.contentType === FILE_CONSENT_CARD);
}

async function accept(member: Member, context: unknown, session: UploadSession): Promise<Response> {
  return h.send({ kind: 'file-consent', action: 'accept', context, uploadInfo: session, ...where(member) });
}

/** The uploaded board paper's paragraphs and table cells, as text. */
async function paperText(content: Uint8Array): Promise<string> {
  const docx = await openDocx(content);
  return bodyElements(await docx.text('word/document.xml'))
    .map((e) => (e.kind === 'p' ? e.text : e.rows.map((r) => r.map((c) => c.text).join(' | ')).join('\n')))
    .join('\n');
}

describe('the board paper as a Teams file', () => {
  it('offers it on a consent card, uploads it when allowed, and shows the file on a card', async () => {
    const card = await consentCard();
    const offered = attachmentOf(card)!;
    expect(offered.name).toMatch(/^board-paper-send-partnership-board-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(offered.content).toMatchObject({ description: 'SEND Partnership Board board paper', acceptContext: { button: BOARD_PAPER }, declineContext: { button: BOARD_PAPER } });
    expect(offered.content.sizeInBytes).toBeGreaterThan(10_000);
    // What is carried is how to make the paper again (board and as-of), never the paper itself.
    const asOf = offered.name!.slice(-15, -5);
    expect(JSON.parse(consentContext(card).value)).toMatchObject({ b: expect.any(String), a: asOf });
    expect(JSON.stringify(card.activity).length).toBeLessThan(2_000);

    const session = h.connector.uploadSession(offered.name!);
    const before = h.connector.activitiesIn(chatWith('helen')).length;
    const res = await accept('helen', consentContext(card), session);
    expect(res.status).toBe(200);

    const [upload, ...more] = h.connector.uploads;
    expect(more).toEqual([]);
    expect(upload!.headers['content-range']).toBe(`bytes 0-${upload!.content.length - 1}/${upload!.content.length}`);
    const text = await paperText(upload!.content);
    expect(text).toContain('Highlight report');
    expect(text).toContain('SEND Partnership Board');

    const shown = await next(chatWith('helen'), before, (a) => attachmentOf(a)?.contentType === FILE_INFO_CARD);
    expect(attachmentOf(shown)).toEqual({ contentType: FILE_INFO_CARD, contentUrl: session.contentUrl, name: session.name, content: { uniqueId: session.uniqueId, fileType: 'docx' } });
    expect(shown.activity.text).toBe('Here is the SEND Partnership Board board paper, ready to table.');
  });

  it('makes the paper again as of the date on the card, so nothing need be kept between the card and the answer', async () => {
    const card = await consentCard();
    const context = consentContext(card);
    const earlier = { ...context, value: JSON.stringify({ ...JSON.parse(context.value), a: '2024-03-06' }) };
    const uploaded = h.connector.uploads.length;
    expect((await accept('helen', earlier, h.connector.uploadSession('board-paper.docx'))).status).toBe(200);
    expect(h.connector.uploads).toHaveLength(uploaded + 1);
    expect(await paperText(h.connector.uploads.at(-1)!.content)).toContain('Position at 6 Mar 2024');
  });

  it('says so politely when the file is declined, and uploads nothing', async () => {
    const card = await consentCard();
    const uploaded = h.connector.uploads.length;
    const before = h.connector.activitiesIn(chatWith('helen')).length;
    const res = await h.send({ kind: 'file-consent', action: 'decline', context: attachmentOf(card)!.content.declineContext, ...where('helen') });
    expect(res.status).toBe(200);
    const answer = await next(chatWith('helen'), before, (a) => JSON.stringify(a.activity).includes('No problem'));
    expect(answer.activity.text).toBe('No problem: nothing was saved to your OneDrive. Press the button again whenever you want the file.');
    expect(h.connector.uploads).toHaveLength(uploaded);
  });

  it('checks who accepts: someone who is not the chair gets no paper from the chair’s card', async () => {
    const card = await consentCard();
    const uploaded = h.connector.uploads.length;
    const before = h.connector.activitiesIn(chatWith('alex')).length;
    expect((await accept('alex', consentContext(card), h.connector.uploadSession('board-paper.docx'))).status).toBe(200);
    await next(chatWith('alex'), before, (a) => JSON.stringify(a.activity).includes('Only the chair'));
    expect(h.connector.uploads).toHaveLength(uploaded);
  });

  it('uploads only to https (or this machine), whatever the invoke says', async () => {
    const card = await consentCard();
    const uploaded = h.connector.uploads.length;
    const before = h.connector.activitiesIn(chatWith('helen')).length;
    const elsewhere = { ...h.connector.uploadSession('board-paper.docx'), uploadUrl: 'http://files.example.org/upload/1' };
    expect((await accept('helen', consentContext(card), elsewhere)).status).toBe(200);
    const sorry = await next(chatWith('helen'), before, (a) => JSON.stringify(a.activity).includes('could not be saved'));
    expect(sorry.activity.text).toContain('Press the same button again');
    expect(h.connector.uploads).toHaveLength(uploaded);
  });

  it('in a channel, where Teams lets no bot send files, says to use the 1:1 chat instead', async () => {
    const before = h.connector.activitiesIn(TEAMS_GOVERNANCE).length;
    await pressDownload('channel');
    const told = await next(TEAMS_GOVERNANCE, before, (a) => JSON.stringify(a.activity).includes('1:1 chat'));
    expect(told.activity.text).toBe(
      'Teams lets a bot send files only in a 1:1 chat, so the SEND Partnership Board board paper cannot come here. Open your chat with Stocktake, send send-report there and press the same button.',
    );
    expect(h.connector.activities.filter((a) => attachmentOf(a)?.contentType === FILE_CONSENT_CARD && a.conversationId === TEAMS_GOVERNANCE)).toEqual([]);
  });
});
