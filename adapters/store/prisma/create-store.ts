import type { Store } from '../../../src/app/ports/store.ts';
import type { Database } from '../open-database.ts';
import { auditStore } from './audit-store.ts';
import { boardStore } from './board-store.ts';
import { grantStore } from './grant-store.ts';
import { peopleStore } from './people-store.ts';
import { programmeStore } from './programme-store.ts';
import { registerStore } from './register-store.ts';
import { updateStore } from './update-store.ts';
import { outboxStore } from './outbox-store.ts';
import { runLocks } from './run-locks.ts';

export function createStore(db: Database): Store {
  return {
    programmes: programmeStore(db.prisma),
    register: registerStore(db.prisma, db.pool),
    people: peopleStore(db.prisma),
    boards: boardStore(db.prisma),
    grants: grantStore(db.prisma),
    updates: updateStore(db.prisma),
    audit: auditStore(db.prisma),
    outbox: outboxStore(db.prisma, db.pool),
    locks: runLocks(db.pool),
  };
}
