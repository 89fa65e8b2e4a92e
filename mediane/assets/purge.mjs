// Purges the DSFR stylesheets of every rule that no page of the site can use (PurgeCSS), for
// `manage.py build_assets` (mediane/assets/build.py), which writes the plan this script reads:
//
//   node mediane/assets/purge.mjs plan.json
//
// plan.json: {"stylesheets": [{"path": "…", "prefix": "utility/"}], "content": ["…"], "elements": ["h4", …],
//             "core_script": "…",
//             "components": [{"name": "modal", "stylesheet": "…" or null, "script": "…" or null}],
//             "font_faces": {"Marianne": ["400 normal", "700 normal"]}, "output": "…"}.
// Each stylesheet's url() addresses are rewritten from its own folder to the output's (`prefix` is its folder seen
// from the output's). `content` lists every file a class name can come from, `elements` the elements that templates
// name while rendering (`<h{{ level }}>`). The DSFR's scripts write class and
// attribute names while the page runs: its core's, and those of each component that the pages use (a component
// that the content writes). Prints, as JSON, what the output's url() addresses point to (fonts and icons), relative
// to the output's folder, and the components with a script that the content writes.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

import postcss from "postcss";
import { PurgeCSS } from "purgecss";

const DSFR_PREFIX = "fr";
const URL = /url\((["']?)([^"')]+)\1\)/g;
const WORD = /[A-Za-z0-9_-]+/g;

// The DSFR's scripts name classes and attributes at run time from short names and its prefix:
// `ns.selector("collapse")` is `.fr-collapse`, an opened disclosure gets its selector, `--` and its state
// (`fr-collapse--expanded`, `fr-modal--opened`: the states are the core's), an instance marks its element
// `data-fr-js-<name>` (`data-fr-js-collapse-button`), `ns.attr("scrolling")` is `data-fr-scrolling`. None of these
// names is written whole in a script: each of its words also stands for the names it becomes.
function disclosureStates(core) {
  const states = [...core.matchAll(/\{id:"([a-z]+)",ariaState:/g)].map((match) => match[1]);
  if (states.length === 0) {
    throw new Error(
      "Les états des éléments dépliables (expanded, opened…) sont introuvables dans le cœur du script du DSFR : " +
        "sa version a changé, adaptez disclosureStates dans mediane/assets/purge.mjs.",
    );
  }
  return states;
}

function runtimeNames(script, states) {
  const names = new Set();
  for (const word of new Set(script.match(WORD))) {
    const kebab = word.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
    for (const stem of new Set([word, kebab, word.replace(/^-+/, "")])) {
      names.add(stem);
      for (const name of [`${DSFR_PREFIX}-${stem}`, `data-${DSFR_PREFIX}-${stem}`, `data-${DSFR_PREFIX}-js-${stem}`]) {
        names.add(name);
      }
      for (const state of states) {
        names.add(`${DSFR_PREFIX}-${stem}--${state}`);
      }
    }
  }
  return [...names];
}

// An address written from a stylesheet's folder, written again from the output's folder.
function moveUrls(css, prefix) {
  if (prefix === "./") {
    return css;
  }
  const root = postcss.parse(css);
  root.walkDecls((declaration) => {
    declaration.value = declaration.value.replace(URL, (whole, quote, address) => {
      if (/^(data:|[a-z]+:\/\/|\/)/.test(address)) {
        return whole;
      }
      return `url(${quote}${path.posix.normalize(path.posix.join(prefix, address))}${quote})`;
    });
  });
  return root.toString();
}

// After the purge: the rules that only Internet Explorer reads (`@media … (min-width:0\0)`, a parsing hack no other
// browser matches; the DSFR's script needs ES modules, which it lacks), and the faces of a font family that the
// plan does not keep (`{"Marianne": ["400 normal", "700 normal"]}`: a browser draws the other weights and styles
// from these, and never downloads them).
function trimmed(css, fontFaces) {
  const root = postcss.parse(css);
  root.walkAtRules("media", (rule) => {
    if (rule.params.includes("\\0")) {
      rule.remove();
    }
  });
  root.walkAtRules("font-face", (rule) => {
    const value = (property) => rule.nodes.find((node) => node.prop === property)?.value.replace(/["']/g, "");
    const kept = fontFaces[value("font-family")];
    if (kept && !kept.includes(`${value("font-weight") ?? "400"} ${value("font-style") ?? "normal"}`)) {
      rule.remove();
    }
  });
  return root.toString();
}

function addresses(css) {
  const found = new Set();
  postcss.parse(css).walkDecls((declaration) => {
    for (const [, , address] of declaration.value.matchAll(URL)) {
      if (!/^(data:|[a-z]+:\/\/|\/)/.test(address)) {
        found.add(address.split(/[?#]/)[0]);
      }
    }
  });
  return [...found].sort();
}

const plan = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const stylesheets = plan.stylesheets.map(({ path: file, prefix }) => moveUrls(readFileSync(file, "utf-8"), prefix));
const contentWords = new Set(plan.content.flatMap((file) => readFileSync(file, "utf-8").match(WORD) ?? []));
// A component's script acts only on the elements that carry its classes: a component the pages never write (the
// range slider, the tabs…) adds nothing to them. A component is written when the content has a class of its own
// block (`fr-modal…` for the folder `modal`) or a class that no other component's stylesheet has (`fr-nav__link`
// for `navigation`); shared classes such as `fr-label` say nothing. A component without a stylesheet (the display
// settings) is always read.
const classesOf = (stylesheet) =>
  new Set([...readFileSync(stylesheet, "utf-8").matchAll(/\.(fr-[A-Za-z0-9_-]+)/g)].map(([, name]) => name));
const components = plan.components.map((component) => ({
  ...component,
  block: `${DSFR_PREFIX}-${component.name}`,
  classes: component.stylesheet ? classesOf(component.stylesheet) : null,
}));
const sharing = new Map();
for (const { classes } of components) {
  for (const name of classes ?? []) {
    sharing.set(name, (sharing.get(name) ?? 0) + 1);
  }
}
const written = ({ block, classes }) =>
  !classes ||
  [...classes].some(
    (name) => contentWords.has(name) && (name.split(/__|--/)[0] === block || sharing.get(name) === 1),
  );
const scripted = components.filter((component) => component.script && written(component));
const scripts = [plan.core_script, ...scripted.map(({ script }) => script)];
const states = disclosureStates(readFileSync(plan.core_script, "utf-8"));
const [result] = await new PurgeCSS().purge({
  css: [{ raw: stylesheets.join("\n"), name: "dsfr" }],
  content: [
    ...plan.content,
    { raw: plan.elements.join(" "), extension: "html" },
    ...scripts.map((file) => ({ raw: readFileSync(file, "utf-8"), extension: "dsfr-runtime" })),
  ],
  extractors: [{ extensions: ["dsfr-runtime"], extractor: (script) => runtimeNames(script, states) }],
  // @font-face, @keyframes and custom properties that no kept rule uses go too. The DSFR's script reads custom
  // properties by name only for its colour API (`dsfr.colors.getColor`, for charts), which the site does not call;
  // those that our own files name (`var(--…)`) stay.
  fontFace: true,
  keyframes: true,
  variables: true,
  safelist: { variables: [...contentWords].filter((word) => word.startsWith("--")) },
});
const css = trimmed(result.css, plan.font_faces);
const partial = `${plan.output}.partial`;
writeFileSync(partial, css);
renameSync(partial, plan.output);
process.stdout.write(
  JSON.stringify({ addresses: addresses(css), components: scripted.map(({ name }) => name) }),
);
