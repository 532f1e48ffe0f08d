// custom-elements.json for IDEs, Storybook and framework wrappers (`npm run build`).
// Our widgets register with `SilaX.define('sila-x')` (safe when the script loads twice),
// which the analyzer does not know: the plugin below records those tag names. The base
// class is analyzed too, so `endpoint` and `lang` appear on every element.
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
    // The base class's own `customElements.define(tag, this)` is not an element.
    packageLinkPhase({ customElementsManifest }) {
      const base = customElementsManifest.modules.find((module) => module.path.endsWith('core/sila-element.ts'));
      if (!base) return;
      base.exports = base.exports.filter((item) => item.kind !== 'custom-element-definition');
      for (const declaration of base.declarations) delete declaration.customElement;
    },
  };
}

export default {
  globs: ['src/widgets/**/*.ts', 'src/core/sila-element.ts'],
  litelement: true,
  packagejson: false, // package.json already points at custom-elements.json
  plugins: [staticDefineCalls()],
};
