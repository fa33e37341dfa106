import type { types } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { renderHome } from '../../../../adapters/slack/render/home.ts';
import { statusSpan, type Block, type TableColumn } from '../../../../src/chat/message.ts';
import { startFakeSlack } from '../../../support/fake-slack/index.ts';
import { expectViewWithinLimits, textObjects } from './support.ts';

const COLUMNS: TableColumn[] = [{ label: 'Ref' }, { label: 'Action' }, { label: 'Due' }, { label: 'Status' }];

describe('renderHome', () => {
  it('renders a short message as a home tab, inputs dispatching their values', () => {
    const view = renderHome({
      text: 'Your actions',
      blocks: [
        { type: 'header', text: 'Your actions — Hull SEND' },
        { type: 'table', columns: COLUMNS, rows: [['1.2', 'Refresh the protocol', '30 Nov 2023', [statusSpan('amber')]]] },
        { type: 'actions', buttons: [{ id: 'update.open', label: 'Update 1.2', value: '1.2', style: 'primary' }] },
        { type: 'select', id: 'programme', label: 'Programme', options: [{ label: 'Hull SEND', value: 'p1' }] },
      ],
    });
    expectViewWithinLimits(view);
    expect(view.type).toBe('home');
    expect(view.blocks.map((b) => b.type)).toEqual(['header', 'section', 'actions', 'section']);
    const typed: types.HomeView = view;
    expect(typed.blocks).toHaveLength(4);
  });

  it('shows at most 100 blocks and says how many rows were left out and where to see them', () => {
    const blocks: Block[] = [];
    for (let w = 0; w < 120; w++) {
      blocks.push({ type: 'header', text: `Workstream ${w}`, level: 2 });
      blocks.push({ type: 'table', columns: COLUMNS, rows: [[`${w}.1`, 'An action', '30 Nov 2023', [statusSpan('green')]], [`${w}.2`, 'Another', '', [statusSpan('red')]]] });
    }
    const view = renderHome({ text: 'Everything', blocks }, { moreHint: 'Run /overdue or /stocktake my actions.' });
    expectViewWithinLimits(view);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const last = view.blocks[view.blocks.length - 1]!;
    expect(last.type).toBe('context');
    const note = textObjects([last])[0]!.text;
    const shownRows = textObjects(view.blocks).flatMap((t) => t.text.match(/\*\d+\.\d\*/g) ?? []).length;
    const leftOut = Number(/(\d+) more items not shown here/.exec(note)![1]);
    expect(shownRows + leftOut).toBe(240);
    expect(note).toContain('Run /overdue or /stocktake my actions.');
    // The tab does not end on a heading whose table was left out.
    expect(view.blocks[view.blocks.length - 2]!.type).not.toBe('header');
  });

  it('falls back to the message text, and the fake Slack publishes it', async () => {
    const view = renderHome({ text: 'Nothing to do <today>', blocks: [] }, { privateMetadata: 'p1' });
    expect(textObjects(view.blocks)[0]!.text).toBe('Nothing to do &lt;today&gt;');
    const fake = await startFakeSlack();
    try {
      const client = new WebClient(fake.token, { slackApiUrl: fake.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
      await client.views.publish({ user_id: 'U0PRIYA', view });
      expect(fake.homeOf('U0PRIYA')).toMatchObject({ type: 'home', private_metadata: 'p1' });
    } finally {
      await fake.close();
    }
  });
});
