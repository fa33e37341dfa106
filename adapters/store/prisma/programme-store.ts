import type { ProgrammeStore } from '../../../src/app/ports/store.ts';
import type { Brag } from '../../../src/domain/brag.ts';
import type { Programme } from '../../../src/domain/programme.ts';
import type { Nation } from '../../../src/domain/working-days.ts';
import type { PrismaClient } from '../generated/client.ts';
import type { Programme as ProgrammeRow, Nation as DbNation } from '../generated/client.ts';
import { fromDbEnum, toDbEnum } from './columns.ts';

export function toProgramme(row: ProgrammeRow): Programme {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    nation: fromDbEnum<Nation>(row.nation),
    statusWords: (row.statusWords ?? {}) as Record<string, Brag>,
    slackChannelId: row.slackChannelId,
    teamsChannelId: row.teamsChannelId,
  };
}

export function programmeStore(prisma: PrismaClient): ProgrammeStore {
  return {
    async list() {
      return (await prisma.programme.findMany({ orderBy: { name: 'asc' } })).map(toProgramme);
    },
    async findById(id) {
      const row = await prisma.programme.findUnique({ where: { id } });
      return row ? toProgramme(row) : null;
    },
    async findByChannel(platform, channelId) {
      const row = await prisma.programme.findFirst({ where: platform === 'slack' ? { slackChannelId: channelId } : { teamsChannelId: channelId } });
      return row ? toProgramme(row) : null;
    },
    async findByName(name) {
      const row = await prisma.programme.findFirst({ where: { name: { equals: name.trim(), mode: 'insensitive' } } });
      return row ? toProgramme(row) : null;
    },
    async create(name, s) {
      return toProgramme(
        await prisma.programme.create({
          data: { name: name.trim(), ...s, nation: toDbEnum<DbNation>(s.nation) },
        }),
      );
    },
    async update(id, s) {
      const { nation, ...rest } = s;
      return toProgramme(
        await prisma.programme.update({
          where: { id },
          data: { ...rest, ...(nation ? { nation: toDbEnum<DbNation>(nation) } : {}) },
        }),
      );
    },
  };
}
