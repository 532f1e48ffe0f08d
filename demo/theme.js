// Theme presets, live token editing and the copy-paste snippet. Every change is applied
// to the widgets exactly as the snippet shows it: a theme attribute and a style
// attribute of --sila-* custom properties on each element.
import { onLanguageChange, pageLanguage, t } from './i18n.js';

const PRESETS = {
  default: { theme: undefined, tokens: {} },
  dark: { theme: 'dark', tokens: {} },
  // Deep green and gold: the gold passes 4.5:1 on white, so it can draw the focus ring.
  green: {
    theme: undefined,
    tokens: {
      '--sila-color-accent': '#0b5d3b',
      '--sila-color-focus': '#8a6100',
      '--sila-color-star': '#8a6100',
      '--sila-color-surface-alt': '#f7f1df',
      '--sila-radius': '4px',
    },
  },
  // Navy and orange: navy buttons, an orange focus ring and stars.
  navy: {
    theme: undefined,
    tokens: {
      '--sila-color-accent': '#1b2f6b',
      '--sila-color-focus': '#c2410c',
      '--sila-color-star': '#c2410c',
      '--sila-color-surface-alt': '#eef1f8',
      '--sila-radius': '16px',
    },
  },
};

/** What the controls show when a preset sets nothing (the widgets' built-in defaults). */
const DEFAULTS = { accent: '#0f766e', darkAccent: '#2dd4bf', radius: 8, fontSize: 16 };

const ALL_TOKENS = [
  '--sila-color-accent',
  '--sila-color-focus',
  '--sila-color-star',
  '--sila-color-surface-alt',
  '--sila-radius',
  '--sila-font-size',
];

/** The four widgets of the mock site, in the order a webmaster would paste them. */
const SNIPPET_WIDGETS = [
  { tag: 'sila-request-form', attributes: { 'status-url': '/demo/' } },
  { tag: 'sila-complaint-form', attributes: { 'status-url': '/demo/' } },
  { tag: 'sila-status-lookup', attributes: {} },
  { tag: 'sila-rating', attributes: { scale: 'csat', display: 'faces' } },
];

const accentInput = document.getElementById('token-accent');
const radiusInput = document.getElementById('token-radius');
const radiusOutput = document.getElementById('token-radius-value');
const fontInput = document.getElementById('token-font-size');
const fontOutput = document.getElementById('token-font-size-value');
const resetButton = document.getElementById('tokens-reset');
const snippetCode = document.getElementById('snippet');
const copyButton = document.getElementById('snippet-copy');
const copyStatus = document.getElementById('snippet-status');

let presetName = 'default';
/** Tokens the person changed with the inputs, on top of the preset. */
let edits = {};

function currentTokens() {
  return { ...PRESETS[presetName].tokens, ...edits };
}

function pxOf(value, fallback) {
  const number = Number.parseFloat(value ?? '');
  if (Number.isNaN(number)) return fallback;
  return value.endsWith('rem') ? number * 16 : number;
}

function syncControls() {
  const tokens = currentTokens();
  const preset = PRESETS[presetName];
  accentInput.value =
    tokens['--sila-color-accent'] ?? (preset.theme === 'dark' ? DEFAULTS.darkAccent : DEFAULTS.accent);
  radiusInput.value = String(pxOf(tokens['--sila-radius'], DEFAULTS.radius));
  fontInput.value = String(pxOf(tokens['--sila-font-size'], DEFAULTS.fontSize));
  radiusOutput.textContent = `${radiusInput.value} px`;
  fontOutput.textContent = `${fontInput.value} px`;
}

function applyToWidgets() {
  const { theme } = PRESETS[presetName];
  const tokens = currentTokens();
  document.documentElement.dataset.preset = presetName;
  for (const element of document.querySelectorAll(
    'sila-request-form, sila-complaint-form, sila-status-lookup, sila-rating',
  )) {
    element.setAttribute('theme', theme ?? 'light');
    for (const name of ALL_TOKENS) element.style.removeProperty(name);
    for (const [name, value] of Object.entries(tokens)) element.style.setProperty(name, value);
  }
}

/** One declaration a line: newlines inside an attribute value are valid HTML and easier to edit. */
function styleAttribute(tokens) {
  const entries = Object.entries(tokens);
  if (entries.length === 0) return '';
  return `${entries.map(([name, value]) => `\n    ${name}: ${value};`).join('')}\n  `;
}

function escapeAttribute(value) {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The HTML a webmaster pastes for what the page shows now. */
function snippetText() {
  const origin = location.origin;
  const { theme } = PRESETS[presetName];
  const style = styleAttribute(currentTokens());
  const lines = [
    '<!-- All four widgets. A page with only one can load its own smaller file instead,',
    `     e.g. ${origin}/dist/sila-rating.iife.js (see the README). -->`,
    `<script src="${origin}/dist/sila.iife.js" defer></script>`,
    '',
  ];
  for (const widget of SNIPPET_WIDGETS) {
    const attributes = { endpoint: origin, ...widget.attributes };
    if (attributes['status-url']) attributes['status-url'] = `${origin}${attributes['status-url']}`;
    // Arabic is the widgets' default; an English page says so.
    if (pageLanguage() === 'en') attributes.lang = 'en';
    if (theme) attributes.theme = theme;
    if (style) attributes.style = style;
    const text = Object.entries(attributes)
      .map(([name, value]) => `\n  ${name}="${escapeAttribute(value)}"`)
      .join('');
    lines.push(`<${widget.tag}${text}\n></${widget.tag}>`);
  }
  return lines.join('\n');
}

function render() {
  applyToWidgets();
  snippetCode.textContent = snippetText();
  copyStatus.textContent = '';
}

for (const radio of document.querySelectorAll('input[name="preset"]')) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    presetName = radio.value in PRESETS ? radio.value : 'default';
    edits = {};
    syncControls();
    render();
  });
}

accentInput.addEventListener('input', () => {
  edits['--sila-color-accent'] = accentInput.value;
  render();
});
radiusInput.addEventListener('input', () => {
  edits['--sila-radius'] = `${radiusInput.value}px`;
  radiusOutput.textContent = `${radiusInput.value} px`;
  render();
});
fontInput.addEventListener('input', () => {
  // rem, so the widgets still grow with the reader's own browser text size.
  edits['--sila-font-size'] = `${Number(fontInput.value) / 16}rem`;
  fontOutput.textContent = `${fontInput.value} px`;
  render();
});
resetButton.addEventListener('click', () => {
  edits = {};
  syncControls();
  render();
});

/** Clipboard API where allowed (https, localhost); otherwise select the code for Ctrl+C. */
copyButton.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippetCode.textContent ?? '');
    copyStatus.textContent = t({ ar: 'تم نسخ الشيفرة.', en: 'Code copied.' });
  } catch {
    const range = document.createRange();
    range.selectNodeContents(snippetCode);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    copyStatus.textContent = t({
      ar: 'تعذّر النسخ التلقائي؛ الشيفرة محددة، انسخها بـ Ctrl+C.',
      en: 'Could not copy automatically; the code is selected, copy it with Ctrl+C.',
    });
  }
});

onLanguageChange(render);
syncControls();
render();
