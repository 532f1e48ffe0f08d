// custom-elements.json for IDEs, Storybook and framework typings (`npm run build`; the
// editor data and typings are generated from it by scripts/editor-data.mjs).
// Our widgets register with `SilaX.define('sila-x')` (safe when the script loads twice),
// which the analyzer does not know: the plugin below records those tag names. The base
// classes are analyzed too, so what the elements inherit (endpoint, lang, heading…)
// appears on each of them. The manifest must be valid against the schema and describe
// the package as shipped: events named and typed, attribute types written out
// ('csat' | 'nps' | 'ces', not RatingScale), module paths into dist/.
import { expandTypesPlugin, getTsProgram } from 'cem-plugin-expanded-types';

function staticDefineCalls() {
  return {
    name: 'sila:static-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isExpressionStatement(node) || !ts.isCallExpression(node.expression)) return;
      const { expression: callee, arguments: args } = node.expression;
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'define') return;
      if (!ts.isIdentifier(callee.expression) || !args[0] || !ts.isStringLiteral(args[0])) return;
      const className = callee.expression.text;
      const tagName = args[0].text;
      const declaration = moduleDoc.declarations.find((item) => item.name === className);
      if (!declaration) return;
      declaration.tagName = tagName;
      declaration.customElement = true;
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tagName,
        declaration: { name: className, module: moduleDoc.path },
      });
    },
    // The base classes are not elements (SilaElement's own `registry.define(tag, this)`
    // would otherwise be read as one).
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules.filter((item) => item.path.startsWith('src/core/'))) {
        module.exports = module.exports?.filter((item) => item.kind !== 'custom-element-definition');
        for (const declaration of module.declarations ?? []) delete declaration.customElement;
      }
    },
  };
}

/**
 * Events as the schema wants them (a name and a type): the names come from the JSDoc
 * `@event` tags, the types from our Event subclasses (`super('sila-x', …)`); the
 * analyzer's unnamed entries for `dispatchEvent(new SilaXEvent())` are dropped.
 */
function typedEvents() {
  const classOf = new Map();
  return {
    name: 'sila:typed-events',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const base = node.heritageClauses?.[0]?.types[0]?.expression;
      if (!base || !ts.isIdentifier(base) || base.text !== 'Event') return;
      const visit = (child) => {
        if (
          ts.isCallExpression(child) &&
          child.expression.kind === ts.SyntaxKind.SuperKeyword &&
          ts.isStringLiteral(child.arguments[0])
        ) {
          classOf.set(child.arguments[0].text, node.name.text);
        }
        ts.forEachChild(child, visit);
      };
      ts.forEachChild(node, visit);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (!declaration.events) continue;
        declaration.events = declaration.events.filter((event) => event.name);
        for (const event of declaration.events) {
          const type = classOf.get(event.name);
          if (!type) throw new Error(`${declaration.name}: no Event class fires ${event.name}`);
          event.type = { text: type };
        }
      }
    },
  };
}

/** Attribute and field types written out (the expanded union replaces the alias). */
function expandedTypesInPlace() {
  return {
    name: 'sila:expanded-types-in-place',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
          if (item.expandedType?.text) item.type = { ...item.type, text: item.expandedType.text };
          delete item.expandedType;
        }
      }
    },
  };
}

/**
 * Module paths into the package as shipped: an element's module is the entry that
 * registers it (dist/rating.js); any other module is its declaration file in dist/types.
 * Modules without a class (helpers of one widget) are internal and left out.
 */
function shippedPaths() {
  const shipped = (path) => {
    const source = path.replace(/^\//, '').replace(/\.js$/, '.ts');
    const entry = /^src\/widgets\/([\w-]+)\/\1\.ts$/.exec(source);
    if (entry) return `dist/${entry[1]}.js`;
    return source.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
  };
  const rewrite = (reference) => {
    if (reference?.module) reference.module = shipped(reference.module);
  };
  return {
    name: 'sila:shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      const manifest = customElementsManifest;
      manifest.modules = manifest.modules.filter((module) =>
        module.declarations?.some((item) => item.kind === 'class'),
      );
      for (const module of manifest.modules) {
        module.path = shipped(module.path);
        for (const item of module.exports ?? []) rewrite(item.declaration);
        for (const declaration of module.declarations ?? []) {
          rewrite(declaration.superclass);
          for (const member of [
            ...(declaration.attributes ?? []),
            ...(declaration.members ?? []),
            ...(declaration.events ?? []),
          ]) {
            rewrite(member.inheritedFrom);
          }
        }
      }
    },
  };
}

export default {
  globs: [
    'src/widgets/**/*.ts',
    'src/core/sila-element.ts',
    'src/core/submission-form-element.ts',
    'src/core/events.ts',
  ],
  litelement: true,
  packagejson: false, // package.json already points at custom-elements.json
  // The expanded-types plugin reads types with a program over our tsconfig, and finds
  // aliases (RatingScale, ComplaintKind…) only in files it analyzes: the contract too
  // (those modules have no classes, so shippedPaths() leaves them out of the manifest).
  overrideModuleCreation: ({ ts, globs }) => {
    const program = getTsProgram(ts, globs, 'tsconfig.json');
    const wanted = (name) =>
      name.includes('/src/contract/') || globs.some((glob) => name.endsWith(glob.replace(/^\.\//, '')));
    return program.getSourceFiles().filter((file) => wanted(file.fileName));
  },
  plugins: [
    staticDefineCalls(),
    typedEvents(),
    expandTypesPlugin({ hideLogs: true }),
    expandedTypesInPlace(),
    shippedPaths(),
  ],
};
