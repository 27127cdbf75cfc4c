-- AlterTable
ALTER TABLE "AccessLog" ADD COLUMN     "viewerRole" TEXT;

-- AlterTable
ALTER TABLE "OAuthToken" ADD COLUMN     "codeChallenge" TEXT,
ADD COLUMN     "familyId" TEXT,
ADD COLUMN     "redirectUri" TEXT,
ADD COLUMN     "revokedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "studentSelfConsent" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PendingLink" (
    "handle" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PendingLink_pkey" PRIMARY KEY ("handle")
);

-- CreateIndex
CREATE INDEX "PendingLink_expiresAt_idx" ON "PendingLink"("expiresAt");

-- CreateIndex
CREATE INDEX "OAuthToken_familyId_idx" ON "OAuthToken"("familyId");
