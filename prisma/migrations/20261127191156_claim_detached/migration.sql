-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "detachedAt" TIMESTAMP(3);
