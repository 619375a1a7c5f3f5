import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpRequestDuration } from './metrics';

/** A few routes by name; everything else is the dashboard's files, one label for all of them. */
function routeOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  if (path === '/graphql') return '/graphql';
  if (path === '/metrics') return '/metrics';
  if (path.startsWith('/health')) return path.length > 20 ? '/health' : path;
  return 'static';
}

/** Express middleware: every request counted and timed when its response finishes. */
export function httpMetrics(): (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
) => void {
  return (request, response, next) => {
    const stopTimer = httpRequestDuration.startTimer();
    // Read now: routers mounted on a path rewrite request.url while they handle it.
    const route = routeOf(request.url);
    response.once('finish', () => {
      stopTimer({
        method: request.method ?? 'GET',
        route,
        status: String(response.statusCode),
      });
    });
    next();
  };
}
