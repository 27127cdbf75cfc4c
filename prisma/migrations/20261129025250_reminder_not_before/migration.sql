-- DropIndex
DROP INDEX "LessonReminder_status_teacherId_idx";

-- AlterTable
ALTER TABLE "LessonReminder" ADD COLUMN     "notBefore" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "LessonReminder_status_notBefore_idx" ON "LessonReminder"("status", "notBefore");

-- CreateIndex
CREATE INDEX "LessonReminder_status_foundAt_idx" ON "LessonReminder"("status", "foundAt");
