-- CreateTable
CREATE TABLE "LessonReminder" (
    "lessonId" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "reasons" TEXT[],
    "foundAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sentAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "LessonReminder_pkey" PRIMARY KEY ("lessonId")
);

-- CreateTable
CREATE TABLE "ReminderScan" (
    "id" INTEGER NOT NULL,
    "scannedUntil" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReminderScan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSettings" (
    "teacherId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "mode" TEXT NOT NULL DEFAULT 'instant',
    "digestTime" TEXT,
    "quietFrom" TEXT NOT NULL DEFAULT '21:00',
    "quietTo" TEXT NOT NULL DEFAULT '08:00',
    "snoozedUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReminderSettings_pkey" PRIMARY KEY ("teacherId")
);

-- CreateIndex
CREATE INDEX "LessonReminder_status_teacherId_idx" ON "LessonReminder"("status", "teacherId");

-- CreateIndex
CREATE INDEX "LessonReminder_teacherId_foundAt_idx" ON "LessonReminder"("teacherId", "foundAt");

-- CreateIndex
CREATE INDEX "Lesson_date_end_idx" ON "Lesson"("date", "end");

-- AddForeignKey
ALTER TABLE "ReminderSettings" ADD CONSTRAINT "ReminderSettings_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
