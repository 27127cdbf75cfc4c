-- CreateIndex
CREATE INDEX "Lesson_updatedAt_idx" ON "Lesson"("updatedAt");
