/**
 * The web view as one HTML document: the page's script and style, the layout library
 * (Cytoscape.js, from the package's own dependencies: no CDN) and the data, all inline, so the
 * same text is what the server sends and what `graph --format html` writes for offline use.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { LabView } from './view.js';

/** What the page starts from: a server to ask (with its token), or everything inline. */
export type PageInit = { mode: 'server'; token: string } | { mode: 'static'; view: LabView; explains: Record<string, object> | null };

/** The page's own files: beside this module in the sources, beside the CLI bundle in dist/ (tsup's publicDir). */
function asset(name: string): string {
  for (const rel of [`./page/${name}`, `./${name}`]) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
  }
  throw new Error(`nettwin: the web view's ${name} is missing from the installation`);
}

function cytoscapeSource(): string {
  const require = createRequire(import.meta.url);
  return fs.readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), 'utf8');
}

/** JSON safe inside a <script> element: no `</script>` or `<!--` can end it early. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Inline code must not close its own element. */
function inlineScript(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

/** The page's scripts, in order: the parts first, then the main one that calls them. */
const PARTS = ['nettwin-ui-layout.js', 'nettwin-ui-pins.js', 'nettwin-ui-keys.js', 'nettwin-ui.js'];

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function pageHtml(init: PageInit, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>nettwin: ${escapeHtml(title)}</title>
<style>${asset('nettwin-ui.css')}</style>
</head>
<body>
${asset('nettwin-ui.html')}
<script type="application/json" id="nettwin-data">${scriptJson(init)}</script>
<script>${inlineScript(cytoscapeSource())}</script>
${PARTS.map((f) => `<script>${inlineScript(asset(f))}</script>`).join('\n')}
</body>
</html>
`;
}
