// The lint for our browser code (make test runs it through tests/test_frontend_lint.py).
// Widget front ends are ES modules: every name they use is imported or is the browser's own
// (no helper globals: a name defined in one file and used in another fails no-undef).
// The page's front end (app/front_end/) is ES modules too, bundled (make front-end).
// The room pages' scripts are plain scripts; the room pages
// share one global, `Room` (common.js defines it, room.js and host.js use it).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["infoshare_widgets/**/*.js"],
    ignores: ["infoshare_widgets/app/**"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.browser } },
    rules: { "no-undef": "error", "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }] },
  },
  {
    files: ["infoshare_widgets/app/**/*.js"],
    languageOptions: { sourceType: "script", ecmaVersion: 2022, globals: { ...globals.browser } },
    rules: { "no-undef": "error", "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }] },
  },
  {
    // the page's front end (app/front_end/): ES modules, bundled by esbuild into the template's
    // static/page.js (make front-end), which is built code and not linted
    files: ["infoshare_widgets/app/front_end/**/*.js"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.browser } },
  },
  {
    // its build script runs in Node
    files: ["infoshare_widgets/app/front_end/build.mjs"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.node } },
    rules: { "no-undef": "error", "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }] },
  },
  {
    files: ["infoshare_widgets/app/room/static/room.js", "infoshare_widgets/app/room/static/host.js"],
    languageOptions: { globals: { Room: "readonly" } },
  },
  {
    // the tests' own OpenID provider (tests/app/oidc_test_provider.js) runs in Node
    files: ["tests/**/*.js"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.node } },
    rules: { "no-undef": "error", "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }] },
  },
  { ignores: ["infoshare_widgets/app/share/jupyter/voila/templates/infoshare/static/**", "node_modules/**", ".venv/**", ".tools/**", "build/**", "benchmarks/**", "docs/**"] },
];
