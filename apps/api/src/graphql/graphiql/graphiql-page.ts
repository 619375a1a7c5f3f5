// GraphiQL at GET /graphql (outside production), served whole by the api: React and GraphiQL come
// from their npm packages under /graphiql/, so the page works without internet and under the
// Content-Security-Policy (no inline script, no other origin).
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { type RequestHandler, Router } from 'express';

export const GRAPHIQL_ASSETS_PATH = '/graphiql';

const packageDirectory = (name: string): string => path.dirname(require.resolve(`${name}/package.json`));

/** The files the page loads, by the name it asks for them. */
const ASSET_FILES: ReadonlyMap<string, () => string> = new Map([
  ['react.production.min.js', () => path.join(packageDirectory('react'), 'umd', 'react.production.min.js')],
  [
    'react-dom.production.min.js',
    () => path.join(packageDirectory('react-dom'), 'umd', 'react-dom.production.min.js'),
  ],
  ['graphiql.min.js', () => path.join(packageDirectory('graphiql'), 'graphiql.min.js')],
  ['graphiql.min.css', () => path.join(packageDirectory('graphiql'), 'graphiql.min.css')],
]);

// Started from a file of its own: the Content-Security-Policy allows no inline script. The bearer
// token goes in the headers tab ({"Authorization": "Bearer <token>"}); subscriptions get it too.
const START_SCRIPT = `(() => {
  const url = new URL('/graphql', window.location.href);
  const subscriptionUrl = new URL('/graphql', window.location.href);
  subscriptionUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const fetcher = GraphiQL.createFetcher({ url: url.href, subscriptionUrl: subscriptionUrl.href });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: true,
      defaultHeaders: JSON.stringify({ Authorization: 'Bearer <your API token>' }, null, 2),
    }),
  );
})();
`;

const PAGE_STYLE = 'body { margin: 0; } #graphiql { height: 100vh; }\n';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>GraphiQL: customer-centricity maturity api</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/graphiql.min.css" />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/page.css" />
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="${GRAPHIQL_ASSETS_PATH}/react.production.min.js"></script>
    <script src="${GRAPHIQL_ASSETS_PATH}/react-dom.production.min.js"></script>
    <script src="${GRAPHIQL_ASSETS_PATH}/graphiql.min.js"></script>
    <script src="${GRAPHIQL_ASSETS_PATH}/start.js"></script>
  </body>
</html>
`;

/** The landing page Apollo answers to a browser's GET /graphql. */
export function graphiqlLandingPage(): ApolloServerPlugin {
  return {
    serverWillStart: () => Promise.resolve({ renderLandingPage: () => Promise.resolve({ html: PAGE }) }),
  };
}

/** GET /graphiql/<file>: the page's scripts and styles, from the installed packages. */
export function graphiqlAssets(): RequestHandler {
  const router = Router();
  router.get('/start.js', (_request, response) => {
    response.type('application/javascript').send(START_SCRIPT);
  });
  router.get('/page.css', (_request, response) => {
    response.type('text/css').send(PAGE_STYLE);
  });
  router.get('/:file', (request, response, next) => {
    const file = ASSET_FILES.get(request.params.file);
    if (file === undefined) {
      next();
      return;
    }
    response.sendFile(file(), { maxAge: '1d' });
  });
  return router;
}
