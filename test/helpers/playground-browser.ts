import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { createDemoDatabase } from './demo-database';
import { playgroundApp } from './playground-app';
import type { TestDatabase } from './test-database';

// The playground served on the demo school and a real headless Chromium (Debian's package) to
// look at it. Without Chromium the suites are reported as skipped, never as passed.

const CHROMIUM = '/usr/bin/chromium';
export const describeBrowser = fs.existsSync(CHROMIUM) ? describe : describe.skip;
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TPlaygroundBrowser {
  db: TestDatabase;
  browser: Browser;
  url: string;
}

/** Starts the demo database, the playground and Chromium once for a suite; stops them after it. */
export function usePlaygroundBrowser(): TPlaygroundBrowser {
  const world = {} as TPlaygroundBrowser;
  let server: Server | undefined;
  beforeAll(async () => {
    world.db = await createDemoDatabase();
    const listening = playgroundApp(world.db).listen(0, '127.0.0.1');
    server = listening;
    await new Promise((resolve) => listening.once('listening', resolve));
    world.url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/`;
    world.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await world.browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await world.db?.destroy();
  });
  return world;
}
