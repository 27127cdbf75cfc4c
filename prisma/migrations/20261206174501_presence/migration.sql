-- AlterTable
ALTER TABLE "School" ADD COLUMN     "lastPassAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Pass" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "direction" TEXT NOT NULL,
    "place" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pass_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Pass_studentId_at_idx" ON "Pass"("studentId", "at");

-- AddForeignKey
ALTER TABLE "Pass" ADD CONSTRAINT "Pass_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
