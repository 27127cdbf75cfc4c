-- AlterTable
ALTER TABLE "SchoolClass" ADD COLUMN     "homeroomTeacherId" TEXT;

-- CreateTable
CREATE TABLE "JournalKey" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "sealedSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "JournalKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentFact" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeploymentFact_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "JournalKey_schoolId_idx" ON "JournalKey"("schoolId");
