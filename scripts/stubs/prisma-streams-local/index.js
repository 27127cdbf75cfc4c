// The prisma CLI depends on @prisma/streams-local (through @prisma/dev) for `prisma dev`'s local
// streams server, which imports node:sqlite and so cannot start on the Node 20 this project runs
// on; its engines field (node >= 22) made every install warn. package.json's overrides put this
// package in its place: `prisma generate` never loads it, and `prisma dev` says why it cannot run.
throw new Error(
  '@prisma/streams-local (prisma dev) needs Node 22; this project runs on Node 20 and does not use prisma dev',
);
