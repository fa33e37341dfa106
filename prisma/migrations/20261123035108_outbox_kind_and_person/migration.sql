-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'message',
ADD COLUMN     "personId" TEXT;

-- CreateIndex
CREATE INDEX "Outbox_personId_createdAt_idx" ON "Outbox"("personId", "createdAt");
