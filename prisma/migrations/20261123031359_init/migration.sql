-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Brag" AS ENUM ('blue', 'green', 'amber', 'red', 'grey');

-- CreateEnum
CREATE TYPE "DuePrecision" AS ENUM ('day', 'month');

-- CreateEnum
CREATE TYPE "Nation" AS ENUM ('england_wales', 'scotland', 'northern_ireland');

-- CreateEnum
CREATE TYPE "RoleName" AS ENUM ('lead', 'delegate', 'workstream_lead', 'chair', 'programme_manager', 'admin');

-- CreateEnum
CREATE TYPE "UpdateSource" AS ENUM ('slack', 'teams', 'cli', 'import', 'scheduler');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('pending', 'sending', 'sent', 'failed', 'unknown');

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/London',
    "nation" "Nation" NOT NULL DEFAULT 'england_wales',
    "statusWords" JSONB NOT NULL DEFAULT '{}',
    "slackChannelId" TEXT,
    "teamsChannelId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workstream" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "parentId" TEXT,
    "ref" TEXT,
    "name" TEXT NOT NULL,
    "matchKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workstream_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "workstreamId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "refGenerated" BOOLEAN NOT NULL DEFAULT false,
    "matchKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "successCriteria" TEXT,
    "impactMeasures" TEXT,
    "startDate" DATE,
    "startPrecision" "DuePrecision",
    "dueDate" DATE,
    "duePrecision" "DuePrecision",
    "originalDueDate" DATE,
    "originalDuePrecision" "DuePrecision",
    "dueRevisions" INTEGER NOT NULL DEFAULT 0,
    "milestones" JSONB NOT NULL DEFAULT '[]',
    "links" TEXT[],
    "leadsText" TEXT NOT NULL DEFAULT '',
    "status" "Brag" NOT NULL DEFAULT 'grey',
    "statusWord" TEXT NOT NULL DEFAULT '',
    "statusAt" TIMESTAMP(3),
    "importedStatusWord" TEXT NOT NULL DEFAULT '',
    "inRegister" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL,
    "sourceRow" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionLead" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "personId" TEXT,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ActionLead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "jobTitle" TEXT,
    "aliases" TEXT[],
    "slackUserId" TEXT,
    "teamsUserId" TEXT,
    "teamsConversation" JSONB,
    "lastPlatform" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusUpdate" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "onBehalfOfId" TEXT,
    "status" "Brag" NOT NULL,
    "statusWord" TEXT NOT NULL,
    "note" TEXT,
    "nextSteps" TEXT,
    "evidenceUrl" TEXT,
    "revisedDueDate" DATE,
    "source" "UpdateSource" NOT NULL,
    "meetingId" TEXT,
    "correctsId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Board" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "meetingRule" TEXT,
    "askDays" INTEGER NOT NULL DEFAULT 5,
    "askTime" TEXT NOT NULL DEFAULT '09:30',
    "chaseDays" INTEGER NOT NULL DEFAULT 2,
    "cutoffDays" INTEGER NOT NULL DEFAULT 2,
    "cutoffTime" TEXT NOT NULL DEFAULT '12:00',
    "slackChannelId" TEXT,
    "teamsChannelId" TEXT,
    "autoPostReport" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Board_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "movedFrom" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "RoleName" NOT NULL,
    "programmeId" TEXT NOT NULL,
    "boardId" TEXT,
    "workstreamId" TEXT,
    "forPersonId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "delegateId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "programmeId" TEXT,
    "platform" TEXT NOT NULL,
    "recipient" JSONB NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "OutboxState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "platformMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "programmeId" TEXT,
    "verb" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "sheet" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "removed" INTEGER NOT NULL,
    "warnings" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunLock" (
    "key" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RunLock_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Programme_name_key" ON "Programme"("name");

-- CreateIndex
CREATE INDEX "Workstream_parentId_idx" ON "Workstream"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Workstream_programmeId_matchKey_key" ON "Workstream"("programmeId", "matchKey");

-- CreateIndex
CREATE INDEX "Action_programmeId_matchKey_idx" ON "Action"("programmeId", "matchKey");

-- CreateIndex
CREATE INDEX "Action_programmeId_dueDate_idx" ON "Action"("programmeId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Action_programmeId_ref_key" ON "Action"("programmeId", "ref");

-- CreateIndex
CREATE INDEX "ActionLead_personId_idx" ON "ActionLead"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionLead_actionId_position_key" ON "ActionLead"("actionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slackUserId_key" ON "Person"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_teamsUserId_key" ON "Person"("teamsUserId");

-- CreateIndex
CREATE INDEX "StatusUpdate_actionId_createdAt_idx" ON "StatusUpdate"("actionId", "createdAt");

-- CreateIndex
CREATE INDEX "StatusUpdate_meetingId_idx" ON "StatusUpdate"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "Board_programmeId_name_key" ON "Board"("programmeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_boardId_date_key" ON "Meeting"("boardId", "date");

-- CreateIndex
CREATE INDEX "RoleGrant_personId_idx" ON "RoleGrant"("personId");

-- CreateIndex
CREATE INDEX "RoleGrant_programmeId_idx" ON "RoleGrant"("programmeId");

-- CreateIndex
CREATE INDEX "Absence_personId_idx" ON "Absence"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Outbox_key_key" ON "Outbox"("key");

-- CreateIndex
CREATE INDEX "Outbox_state_nextAttemptAt_idx" ON "Outbox"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditEntry_programmeId_at_idx" ON "AuditEntry"("programmeId", "at");

-- AddForeignKey
ALTER TABLE "Workstream" ADD CONSTRAINT "Workstream_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workstream" ADD CONSTRAINT "Workstream_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Workstream"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionLead" ADD CONSTRAINT "ActionLead_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionLead" ADD CONSTRAINT "ActionLead_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Board" ADD CONSTRAINT "Board_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_forPersonId_fkey" FOREIGN KEY ("forPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
