// Framework typings generated from custom-elements.json, so each attribute's values and
// each event's type are written once (in the element's code). The generic generators
// were tried and left: custom-element-{jsx,vuejs,svelte}-integration type handlers as
// CustomEvent<SilaXEvent> (our events are Event subclasses with their own `detail`),
// import the shared event classes once per element (duplicate identifiers), and type
// React's `ref` as `unknown`; the Svelte one targets Svelte 4's svelteHTML namespace.
import { dirname, relative } from 'node:path';

const HEADER = '// Generated from custom-elements.json by scripts/editor-data.mjs: do not edit.\n';

/** Where a manifest module's types are: dist/rating.js → dist/types/widgets/rating/rating.d.ts. */
export function typesPathOf(modulePath) {
  const entry = /^dist\/([\w-]+)\.js$/.exec(modulePath);
  return entry ? `dist/types/widgets/${entry[1]}/${entry[1]}.d.ts` : modulePath;
}

/** The manifest's elements with their attributes and typed events, and where each class is declared. */
export function readElements(manifest) {
  const classes = new Map();
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.kind !== 'class') continue;
      classes.set(declaration.name, typesPathOf(module.path));
      if (declaration.customElement && declaration.tagName) elements.push(declaration);
    }
  }
  return { classes, elements };
}

const comment = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '* /').replace(/\n/g, ' ')} */\n` : '');
const cleanType = (text) => text.replace(/\s*\|\s*undefined\b/g, '') || 'string';
const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
const importPath = (from, to) => {
  const path = relative(dirname(from), to).replace(/\.d\.ts$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
};

function imports(file, names, classes) {
  const byPath = new Map();
  for (const name of new Set(names)) {
    const path = classes.get(name);
    if (!path) throw new Error(`no declaration for ${name} in custom-elements.json`);
    byPath.set(path, [...(byPath.get(path) ?? []), name]);
  }
  return [...byPath]
    .map(([path, list]) => `import type { ${list.join(', ')} } from '${importPath(file, path)}';\n`)
    .join('');
}

/** The attributes interface of one element, and its handler props in one naming style. */
function attributesOf(element) {
  return (element.attributes ?? [])
    .map((item) => `${comment(item.description, '  ')}  '${item.name}'?: ${cleanType(item.type?.text ?? 'string')};\n`)
    .join('');
}
function handlersOf(element, propName) {
  return (element.events ?? [])
    .map(
      (event) =>
        `${comment(event.description, '  ')}  '${propName(event.name)}'?: (event: ${event.type.text}) => void;\n`,
    )
    .join('');
}
const eventTypes = (element) => (element.events ?? []).map((event) => event.type.text);

/** dist/types/frameworks/attributes.d.ts: `SilaRatingAttributes` etc., shared by the three. */
export function attributesFile(elements) {
  const body = elements
    .map(
      (element) =>
        `${comment(element.summary ?? element.description, '')}export interface ${element.name}Attributes {\n${attributesOf(element)}}\n`,
    )
    .join('\n');
  return `${HEADER}${body}`;
}

/** dist/types/frameworks/react/<tag>.d.ts: React 19 JSX with ref, key and `on<event>` props. */
export function reactFile(file, element, classes) {
  const attributes = importPath(file, 'dist/types/frameworks/attributes.d.ts');
  return `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports(file, [element.name, ...eventTypes(element)], classes)}import type { ${element.name}Attributes } from '${attributes}';

/** React 19 sets the element's properties and listens to \`on<event>\` props on the client. */
export interface ${element.name}ReactProps extends ${element.name}Attributes {
${handlersOf(element, (name) => `on${name}`)}}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      '${element.tagName}': DetailedHTMLProps<HTMLAttributes<${element.name}>, ${element.name}> & ${element.name}ReactProps;
    }
  }
}
`;
}

/** dist/types/frameworks/vue.d.ts: GlobalComponents, so vue-tsc checks attributes and `@event` handlers. */
export function vueFile(file, elements, classes) {
  const attributes = importPath(file, 'dist/types/frameworks/attributes.d.ts');
  const props = elements
    .map(
      (element) =>
        `type ${element.name}VueProps = ${element.name}Attributes & {\n${handlersOf(element, (name) => camel(`on-${name}`))}};\n`,
    )
    .join('\n');
  const components = elements
    .map((element) => `    '${element.tagName}': DefineComponent<${element.name}VueProps>;\n`)
    .join('');
  return `${HEADER}import type { DefineComponent } from 'vue';
${imports(file, elements.flatMap(eventTypes), classes)}import type { ${elements.map((element) => `${element.name}Attributes`).join(', ')} } from '${attributes}';

${props}
declare module 'vue' {
  interface GlobalComponents {
${components}  }
}
`;
}

/** dist/types/frameworks/svelte.d.ts: Svelte 5's svelte/elements, with `on<event>` attributes. */
export function svelteFile(file, elements, classes) {
  const attributes = importPath(file, 'dist/types/frameworks/attributes.d.ts');
  const tags = elements
    .map(
      (element) =>
        `    '${element.tagName}': HTMLAttributes<${element.name}> & ${element.name}Attributes & {\n${handlersOf(
          element,
          (name) => `on${name}`,
        )
          .replace(/^/gm, '    ')
          .trimEnd()}\n    };\n`,
    )
    .join('');
  return `${HEADER}import type { HTMLAttributes } from 'svelte/elements';
${imports(file, [...elements.map((element) => element.name), ...elements.flatMap(eventTypes)], classes)}import type { ${elements.map((element) => `${element.name}Attributes`).join(', ')} } from '${attributes}';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${tags}  }
}
`;
}

/** dist/types/entries/<entry>.d.ts: the entry's own types plus the React JSX of its elements. */
export function entryFile(file, source, tags) {
  const jsx = tags.map((tag) => `import '${importPath(file, `dist/types/frameworks/react/${tag}.d.ts`)}';\n`).join('');
  return `${HEADER}export * from '${importPath(file, source)}';\n${jsx}`;
}
