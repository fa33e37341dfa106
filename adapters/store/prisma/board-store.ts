import type { BoardStore } from '../../../src/app/ports/store.ts';
import type { Board } from '../../../src/domain/programme.ts';
import type { PrismaClient, Board as BoardRow } from '../generated/client.ts';
import { fromDbDate, toDbDate } from './columns.ts';

const toBoard = ({ createdAt: _c, updatedAt: _u, ...b }: BoardRow): Board => b;

export function boardStore(prisma: PrismaClient): BoardStore {
  return {
    async list(programmeId) {
      const rows = await prisma.board.findMany({
        where: { programmeId },
        orderBy: { name: 'asc' },
        include: {
          meetings: { where: { cancelled: false }, orderBy: { date: 'asc' } },
          grants: { where: { role: 'chair' }, include: { person: { select: { name: true } } } },
        },
      });
      return rows.map(({ meetings, grants, ...b }) => ({
        ...toBoard(b),
        meetings: meetings.map((m) => fromDbDate(m.date)),
        chairs: grants.map((g) => g.person.name),
      }));
    },
    async findById(id) {
      const row = await prisma.board.findUnique({ where: { id } });
      return row ? toBoard(row) : null;
    },
    async findByChannel(platform, channelId) {
      const row = await prisma.board.findFirst({ where: platform === 'slack' ? { slackChannelId: channelId } : { teamsChannelId: channelId } });
      return row ? toBoard(row) : null;
    },
    async findByName(programmeId, name) {
      const row = await prisma.board.findFirst({ where: { programmeId, name: { equals: name.trim(), mode: 'insensitive' } } });
      return row ? toBoard(row) : null;
    },
    async create(programmeId, input) {
      return toBoard(await prisma.board.create({ data: { programmeId, ...input } }));
    },
    async update(id, patch) {
      return toBoard(await prisma.board.update({ where: { id }, data: patch }));
    },
    async remove(id) {
      await prisma.board.delete({ where: { id } });
    },
    async meetings(boardId) {
      const rows = await prisma.meeting.findMany({ where: { boardId, cancelled: false }, orderBy: { date: 'asc' } });
      return rows.map((m) => fromDbDate(m.date));
    },
    async meetingRecords(boardId, from) {
      const rows = await prisma.meeting.findMany({ where: { boardId, cancelled: false, date: { gte: toDbDate(from) } }, orderBy: { date: 'asc' } });
      return rows.map((m) => ({ id: m.id, date: fromDbDate(m.date), movedFrom: m.movedFrom ? fromDbDate(m.movedFrom) : null }));
    },
    async addMeetings(boardId, dates) {
      await prisma.meeting.createMany({ data: dates.map((d) => ({ boardId, date: toDbDate(d) })), skipDuplicates: true });
    },
  };
}
