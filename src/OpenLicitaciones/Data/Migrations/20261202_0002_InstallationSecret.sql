CREATE TABLE "InstallationSecrets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InstallationSecrets" PRIMARY KEY,
    "Value" TEXT NOT NULL
);
