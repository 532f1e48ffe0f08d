// custom-elements.json for IDEs, Storybook and framework wrappers (`npm run build`).
// Our widgets register with `SilaX.define('sila-x')` (safe when the script loads twice),
// which the analyzer does not know: the plugin below records those tag names. The base
// classes are analyzed too, so what the elements inherit (endpoint, lang, heading…)
// appears on each of them.
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
    // The base classes are not elements (SilaElement's own `customElements.define(tag,
    // this)` would otherwise be read as one).
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules.filter((item) => item.path.startsWith('src/core/'))) {
        module.exports = module.exports?.filter((item) => item.kind !== 'custom-element-definition');
        for (const declaration of module.declarations ?? []) delete declaration.customElement;
      }
    },
  };
}

export default {
  globs: ['src/widgets/**/*.ts', 'src/core/sila-element.ts', 'src/core/submission-form-element.ts'],
  litelement: true,
  packagejson: false, // package.json already points at custom-elements.json
  plugins: [staticDefineCalls()],
};
