import type { TConfig } from './config';

// Where the HTTP server listens. The demo's playground lets anyone who reaches it ask as any demo
// person, with no sign-in: fine on the machine it runs on, not on a network. So with DEMO on the
// server listens on loopback unless HOST says otherwise; without it, on all interfaces as before
// (a production server sits behind its proxy or load balancer).

export const DEMO_HOST = '127.0.0.1';

/** The host to listen on; undefined = every interface. */
export function listenHost(config: Pick<TConfig, 'HOST' | 'DEMO'>): string | undefined {
  return config.HOST ?? (config.DEMO ? DEMO_HOST : undefined);
}
