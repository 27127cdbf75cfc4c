-- AlterTable
ALTER TABLE "LinkCode" ADD COLUMN     "reusable" BOOLEAN NOT NULL DEFAULT false;
