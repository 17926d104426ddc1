// Snippet builder (demo/builder.html): the form's options become attributes and custom
// properties on the live preview and, when they differ from the defaults, the embed code.
// Plain browser JavaScript, no build step, like the rest of the demo.

const CDN_SCRIPT = 'https://cdn.example.org/clinic-locator/clinic-locator.js';
const RADIUS_CHOICES = { mi: [5, 10, 25, 50, 100], km: [10, 20, 40, 80, 160] };
const DEFAULT_RADIUS = { mi: 25, km: 40 };
/** Lines longer than this put each attribute on its own line. */
const MAX_LINE = 80;

/** Demo only (as demo.js): `?tiles=local` keeps the preview on the demo server's tiles. */
const LOCAL_TILES =
  new URLSearchParams(location.search).get('tiles') === 'local'
    ? `${location.origin}/tiles/{z}/{x}/{y}.png`
    : undefined;

const form = /** @type {HTMLFormElement} */ (document.getElementById('options'));
const preview = /** @type {HTMLElement} */ (document.getElementById('preview'));
const snippet = /** @type {HTMLElement} */ (document.getElementById('snippet'));
const copyButton = /** @type {HTMLButtonElement} */ (document.getElementById('copy'));
const copyStatus = /** @type {HTMLElement} */ (document.getElementById('copy-status'));
const radiusSelect = /** @type {HTMLSelectElement} */ (document.getElementById('opt-radius'));
const syncParam = /** @type {HTMLInputElement} */ (document.getElementById('opt-sync-param'));
const servicesBox = /** @type {HTMLElement} */ (document.getElementById('services'));

/** @param {string} name */
function field(name) {
  return /** @type {HTMLInputElement | null} */ (form.elements.namedItem(name));
}

/** @param {string} name */
function text(name) {
  return field(name)?.value.trim() ?? '';
}

/** @param {string} name */
function checked(name) {
  return Boolean(field(name)?.checked);
}

/** @param {string} name */
function radio(name) {
  const checkedInput = form.querySelector(`input[name="${name}"]:checked`);
  return checkedInput instanceof HTMLInputElement ? checkedInput.value : '';
}

/**
 * The element's attributes the options ask for, in the README's order: `null` is a boolean
 * attribute (present, no value). Options left at their defaults are not listed.
 * @returns {[string, string | null][]}
 */
function attributes() {
  /** @type {[string, string | null][]} */
  const attrs = [];
  const units = radio('units');
  const add = (/** @type {string} */ name, /** @type {string | null} */ value) =>
    attrs.push([name, value]);
  if (text('zip')) add('zip', text('zip'));
  if (text('limit')) add('limit', text('limit'));
  if (radiusSelect.value) add('radius', radiusSelect.value);
  if (units === 'km') add('units', 'km');
  if (radio('layout') === 'compact') add('layout', 'compact');
  if (text('lang')) add('lang', text('lang'));
  if (text('tile-url')) add('tile-url', text('tile-url'));
  if (checked('without-map')) add('without-map', null);
  if (text('organization')) add('organization', text('organization'));
  if (checked('structured-data')) add('structured-data', null);
  if (text('insurance')) add('insurance', text('insurance'));
  if (text('languages')) add('languages', text('languages'));
  if (text('report-url')) add('report-url', text('report-url'));
  const services = [...servicesBox.querySelectorAll('input:checked')].map(
    (input) => /** @type {HTMLInputElement} */ (input).value,
  );
  if (services.length) add('services', services.join(','));
  if (checked('sync-url')) add('sync-url', text('sync-param') || null);
  for (const utm of ['utm-source', 'utm-medium', 'utm-campaign']) {
    if (text(utm)) add(utm, text(utm));
  }
  return attrs;
}

/**
 * Custom properties that differ from the widget's defaults.
 * @returns {[string, string][]}
 */
function customProperties() {
  /** @type {[string, string][]} */
  const props = [];
  for (const input of form.querySelectorAll('[data-property]')) {
    const el = /** @type {HTMLInputElement} */ (input);
    const value = el.value.trim();
    if (value && value.toLowerCase() !== el.defaultValue.toLowerCase()) {
      props.push([/** @type {string} */ (el.dataset.property), value]);
    }
  }
  return props;
}

/** @param {string} value */
function escapeAttribute(value) {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The embed code: the script tag and the element with the non-default options. */
function embedCode() {
  const parts = attributes().map(([name, value]) =>
    value === null ? name : `${name}="${escapeAttribute(value)}"`,
  );
  const props = customProperties();
  if (props.length) {
    parts.push(
      `style="${escapeAttribute(props.map(([name, value]) => `${name}: ${value}`).join('; '))}"`,
    );
  }
  const oneLine = `<clinic-locator${parts.map((p) => ` ${p}`).join('')}></clinic-locator>`;
  const element =
    oneLine.length <= MAX_LINE
      ? oneLine
      : `<clinic-locator\n${parts.map((p) => `  ${p}`).join('\n')}\n></clinic-locator>`;
  return `<script src="${CDN_SCRIPT}"></script>\n${element}`;
}

/** The live preview: what the code would give, except the demo's local tiles. */
function applyToPreview() {
  const wanted = new Map(attributes());
  if (!wanted.has('tile-url') && LOCAL_TILES) {
    wanted.set('tile-url', LOCAL_TILES);
    wanted.set('tile-attribution', 'Generated demo tiles');
  }
  const managed = [
    'zip',
    'limit',
    'radius',
    'units',
    'layout',
    'lang',
    'tile-url',
    'tile-attribution',
    'without-map',
    'organization',
    'structured-data',
    'insurance',
    'languages',
    'report-url',
    'services',
    'sync-url',
    'utm-source',
    'utm-medium',
    'utm-campaign',
  ];
  for (const name of managed) {
    const value = wanted.get(name);
    if (value === undefined) preview.removeAttribute(name);
    else if (preview.getAttribute(name) !== (value ?? '')) preview.setAttribute(name, value ?? '');
  }
  const props = new Map(customProperties());
  for (const input of form.querySelectorAll('[data-property]')) {
    const name = /** @type {string} */ (/** @type {HTMLElement} */ (input).dataset.property);
    const value = props.get(name);
    if (value === undefined) preview.style.removeProperty(name);
    else preview.style.setProperty(name, value);
  }
  if (!preview.getAttribute('style')) preview.removeAttribute('style');
}

/** Text fields that would start a search or load files on every keystroke reach the preview
 * when they are committed (Enter or leaving the field); the code follows every keystroke. */
const COMMIT_ON_CHANGE = new Set([
  'zip',
  'organization',
  'tile-url',
  'sync-param',
  'insurance',
  'languages',
  'report-url',
]);

function renderSnippet() {
  snippet.textContent = embedCode();
  copyStatus.textContent = '';
}

function render() {
  renderSnippet();
  applyToPreview();
}

/** The radius choices follow the units; a choice that no longer exists goes back to default. */
function fillRadius() {
  const units = radio('units') === 'km' ? 'km' : 'mi';
  const current = radiusSelect.value;
  const choices = RADIUS_CHOICES[units];
  radiusSelect.replaceChildren(
    new Option(`Default (${DEFAULT_RADIUS[units]} ${units})`, ''),
    ...choices.map((r) => new Option(`${r} ${units}`, String(r))),
  );
  radiusSelect.value = choices.includes(Number(current)) ? current : '';
}

async function loadServices() {
  try {
    const response = await fetch('../data/services.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const services = /** @type {{ id: string, label: string }[]} */ (await response.json());
    servicesBox.replaceChildren(
      ...services.map((service) => {
        const label = document.createElement('label');
        label.className = 'choice';
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.name = 'service';
        input.value = service.id;
        label.append(input, ` ${service.label}`);
        return label;
      }),
    );
  } catch (error) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = `The list of services could not be loaded (${String(error)}).`;
    servicesBox.replaceChildren(p);
  }
}

/** Organization names from the sample clinics, to suggest exact spellings. */
async function loadOrganizations() {
  try {
    const response = await fetch('../data/clinics.csv');
    if (!response.ok) return;
    const rows = parseCsv(await response.text());
    const column = rows[0]?.indexOf('organization') ?? -1;
    if (column < 0) return;
    const names = [...new Set(rows.slice(1).map((row) => row[column] ?? ''))]
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b));
    const list = /** @type {HTMLDataListElement} */ (document.getElementById('organizations'));
    list.replaceChildren(...names.map((name) => new Option(name)));
  } catch {
    // Suggestions only: typing a name works without them.
  }
}

/**
 * A small RFC 4180 CSV reader (quoted fields, doubled quotes, line breaks in quotes).
 * @param {string} source
 */
function parseCsv(source) {
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(value);
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
    } else value += c;
  }
  if (value || row.length) rows.push([...row, value]);
  return rows;
}

async function copy() {
  const code = snippet.textContent ?? '';
  try {
    await navigator.clipboard.writeText(code);
    copyStatus.textContent = 'Copied. Paste it where the widget should appear.';
  } catch {
    // No clipboard access (an http page, a refused permission): select the code instead.
    const range = document.createRange();
    range.selectNodeContents(snippet);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    copyStatus.textContent = 'The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
  }
}

form.addEventListener('input', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.name === 'units') fillRadius();
  if (event.target instanceof HTMLInputElement && event.target.name === 'sync-url') {
    syncParam.disabled = !event.target.checked;
  }
  if (event.target instanceof HTMLInputElement && COMMIT_ON_CHANGE.has(event.target.name)) {
    renderSnippet();
  } else {
    render();
  }
});
form.addEventListener('change', render);
form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('reset', () => {
  // After the browser has put every control back to its default value.
  setTimeout(() => {
    fillRadius();
    syncParam.disabled = true;
    render();
  });
});
copyButton.addEventListener('click', () => void copy());

fillRadius();
render();
void loadServices();
void loadOrganizations();
