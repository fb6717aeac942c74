import { escapeUTF8 } from 'entities';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { assetResponse, IMMUTABLE, once, staticAsset, type StaticAsset } from './static-assets.js';

/**
 * GraphiQL served by this server alone, so that it works offline: yoga's own page loads its
 * script, styles and Monaco workers from unpkg. @graphql-yoga/render-graphiql bundles them
 * (about 9 MB), but its renderGraphiQL inlines all of it into the HTML of every page load; here
 * the page is a few kB and each bundle is a separate, content-hashed URL under ASSETS_PATH,
 * cached for good by the browser and gzipped once, on first use.
 */
export const ASSETS_PATH = '/graphiql/assets/';

interface Asset extends StaticAsset {
  /** `<name>.<hash>.<ext>`, the path below ASSETS_PATH. */
  file: string;
}

interface Assets {
  js: Asset;
  css: Asset;
  favicon: Asset;
  /** Monaco's workers by the label it asks for them with (getWorkerUrl). */
  workers: Record<'editorWorkerService' | 'json' | 'graphql', Asset>;
  byFile: Map<string, Asset>;
}

async function asset(name: string, ext: string, type: string, body: Buffer): Promise<Asset> {
  const made = await staticAsset(type, body, IMMUTABLE);
  return { ...made, file: `${name}.${made.hash}.${ext}` };
}

async function loadAssets(): Promise<Assets> {
  const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
  const script = (name: string, text: string) => asset(name, 'js', 'text/javascript; charset=utf-8', Buffer.from(text));
  const icon = /^data:([^;,]+);base64,(.*)$/s.exec(bundle.favicon);
  const [js, css, favicon, editorWorkerService, json, graphql] = await Promise.all([
    script('graphiql', bundle.js),
    asset('graphiql', 'css', 'text/css; charset=utf-8', Buffer.from(bundle.css)),
    asset('favicon', 'ico', icon?.[1] ?? 'image/x-icon', Buffer.from(icon?.[2] ?? '', 'base64')),
    script('editor.worker', bundle.editorWorkerService),
    script('json.worker', bundle.jsonWorker),
    script('graphql.worker', bundle.graphqlWorker),
  ]);
  const workers = { editorWorkerService, json, graphql };
  const all = [js, css, favicon, ...Object.values(workers)];
  return { js, css, favicon, workers, byFile: new Map(all.map((one) => [one.file, one])) };
}

/** Read and compressed once per process, when first asked for. */
const graphiqlAssets = once(loadAssets);

const url = (one: Asset) => ASSETS_PATH + one.file;
/** JSON that cannot end the <script> it sits in. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The GraphiQL page (yoga's `renderGraphiQL`): a few kB that point at the assets. */
export async function renderGraphiQLPage(options: GraphiQLOptions = {}): Promise<string> {
  const assets = await graphiqlAssets();
  const title = escapeUTF8(options.title || 'GraphiQL');
  const workerUrls = Object.fromEntries(Object.entries(assets.workers).map(([label, one]) => [label, url(one)]));
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${options.favicon ? escapeUTF8(options.favicon) : url(assets.favicon)}" />
    <link rel="stylesheet" href="${url(assets.css)}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root">Loading ${title}...</div>
    <script>
      const workerUrls = ${scriptJson(workerUrls)};
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: (moduleId, label) => new URL(workerUrls[label] ?? workerUrls.editorWorkerService, location.href).href,
      };
    </script>
    <script src="${url(assets.js)}"></script>
    <script>
      const options = ${scriptJson(options)};
      // GraphiQL 5 opens the first of defaultTabs with an empty variables editor: it takes the
      // initial variables from storage only. On a first visit (no tabs stored yet), put them there.
      try {
        const first = options.defaultTabs && options.defaultTabs[0];
        if (first && first.variables && localStorage.getItem('graphiql:tabState') === null) {
          localStorage.setItem('graphiql:variables', first.variables);
        }
      } catch {}
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), options);
    </script>
  </body>
</html>
`;
}

/** Serves the assets the page names: GET and HEAD, immutable, gzipped when the client takes it. */
export function useGraphiQLAssets(): Plugin {
  return {
    async onRequest({ request, url: requestUrl, fetchAPI, endResponse }) {
      if (!requestUrl.pathname.startsWith(ASSETS_PATH)) return;
      const found = (await graphiqlAssets()).byFile.get(requestUrl.pathname.slice(ASSETS_PATH.length));
      endResponse(found ? assetResponse(request, found, fetchAPI.Response) : new fetchAPI.Response(null, { status: 404 }));
    },
  };
}
