import { expect } from 'vitest';
import { createStore } from '../../../../adapters/store/prisma/create-store.ts';
import type { Database } from '../../../../adapters/store/open-database.ts';
import { describeEachDatabase, it } from '../../../support/databases.ts';

async function person(db: Database, name: string): Promise<string> {
  return (await db.prisma.person.create({ data: { name, email: `${name.toLowerCase()}@council.example` } })).id;
}

const nudge = (key: string, personId: string) => ({ key, kind: 'nudge', programmeId: null, personId, platform: 'slack' as const, recipient: { personId }, payload: {} });

describeEachDatabase('the outbox store', (db) => {
  it('counts each person’s rows of a kind since their own instant, in one read, and zero for the unmessaged', async () => {
    const store = createStore(db());
    const [ann, ben, cat] = [await person(db(), 'Ann'), await person(db(), 'Ben'), await person(db(), 'Cat')];
    await store.outbox.enqueue([nudge('nudge:1', ann), nudge('nudge:2', ben)], new Date('2024-03-01T09:00:00Z'));
    await store.outbox.enqueue([nudge('nudge:3', ann), { ...nudge('chase:1', ann), kind: 'chase' }], new Date('2024-03-08T09:00:00Z'));

    const counts = await store.outbox.countsSince('nudge', [
      { personId: ann, since: new Date('2024-03-01T09:00:00Z') },
      { personId: ben, since: null },
      { personId: cat, since: null },
    ]);

    // Ann: only the nudge after her instant (strictly after), not the chase; Ben: every nudge ever; Cat: none.
    expect(Object.fromEntries([ann, ben, cat].map((id) => [id, counts.get(id)]))).toEqual({ [ann]: 1, [ben]: 1, [cat]: 0 });
  });

  it('queues a whole fan-out at once, each key once: a key already queued, or repeated in the batch, is left alone', async () => {
    const store = createStore(db());
    const [ann, ben] = [await person(db(), 'Ann'), await person(db(), 'Ben')];
    const at = new Date('2024-03-01T09:30:00Z');
    const payload = { message: { text: 'Progress on 1.1 “Tell us”: <b>&amp;', blocks: [{ type: 'section', text: 'née' }] } };
    expect(await store.outbox.enqueue([{ ...nudge('prompt:m1:ann', ann), kind: 'prompt', payload }], at)).toBe(1);
    const again = [{ ...nudge('prompt:m1:ann', ann), payload: { changed: true } }, nudge('prompt:m1:ben', ben), nudge('prompt:m1:ben', ben)];
    expect(await store.outbox.enqueue(again, new Date('2024-03-01T09:35:00Z'))).toBe(1);

    const rows = await store.outbox.claim(new Date('2024-03-01T10:00:00Z'), 10);
    expect(rows.map((r) => [r.key, r.kind, r.personId, r.createdAt.toISOString()])).toEqual([
      ['prompt:m1:ann', 'prompt', ann, '2024-03-01T09:30:00.000Z'],
      ['prompt:m1:ben', 'nudge', ben, '2024-03-01T09:35:00.000Z'],
    ]);
    expect(rows[0]).toMatchObject({ payload, recipient: { personId: ann }, platform: 'slack', attempts: 1 });
  });

  it('counts nobody when asked about nobody', async () => {
    expect((await createStore(db()).outbox.countsSince('nudge', [])).size).toBe(0);
  });
});
