// Builds the page's front end (main.js and what it imports) into one script and one stylesheet,
// the template's static/page.js and static/page.css: `make front-end`, or
// `node infoshare_widgets/app/front_end/build.mjs [folder]` to build them elsewhere (the test
// that checks the committed files are this build's). Serving the app needs no Node.
import { build } from "esbuild";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const folder = resolve(process.argv[2] || join(here, "..", "share", "jupyter", "voila",
  "templates", "infoshare", "static"));

await build({
  entryPoints: [join(here, "main.js")],
  outfile: join(folder, "page.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "eof",
  logLevel: "warning",
});
