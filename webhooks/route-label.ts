import type { Request, Router } from 'express';

// Metrics name a request by its route's pattern, never by the raw path: every distinct label value
// is a Prometheus series kept for the life of the process, and anyone can request any path.

export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The label of a request: its route's pattern; for a request refused before routing (a body over
 * 1 MiB, say) the path when it is exactly one of the routes' patterns; otherwise "unmatched".
 */
export function routeLabeller(routers: readonly Router[]): (req: Request) => string {
  let patterns: Set<string> | undefined;
  return (req) => {
    const pattern: unknown = req.route?.path;
    if (typeof pattern === 'string') return pattern;
    // Read at the first request, when every router has its routes.
    patterns ??= new Set(
      routers.flatMap((router) =>
        router.stack.flatMap((layer) => (typeof layer.route?.path === 'string' ? [layer.route.path] : [])),
      ),
    );
    return patterns.has(req.path) ? req.path : UNMATCHED_ROUTE;
  };
}
