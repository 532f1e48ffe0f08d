// Expands <template data-repeat="N">…{n}…</template> into N copies (n = 1…N), so the
// 50-ratings pages are plain static HTML in every variant (no JS-built DOM for some only).
const BLOCK = /<template data-repeat="(\d+)">([\s\S]*?)<\/template>/g;

export function expandRepeats(html) {
  return html.replace(BLOCK, (_, count, body) =>
    Array.from({ length: Number(count) }, (_unused, i) => body.replaceAll('{n}', String(i + 1))).join(''),
  );
}
