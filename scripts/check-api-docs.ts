// Do the README's API tables agree with custom-elements.json (generated from the element's JSDoc
// by `npm run analyze`)? One table each, found by its first column's heading:
//
//   | attribute | property | …    attributes, and the property each sets (`–` for none)
//   | property | …               public properties with no attribute
//   | method | …                 public methods (`search(text)`: the name before the bracket)
//   | event | …                  events (`@fires`)
//   | slot | …                   slots (`@slot`; `(default)` for the unnamed one)
//   | part | …                   CSS parts (`@csspart`)
//   | custom property | default  CSS custom properties (`@cssproperty`), and their defaults
//
// Prints one `ok`/`FAIL` line per table, every difference under a FAIL (a README row for
// something the manifest lacks, and the other way round), then notes on manifest entries that
// have no JSDoc description. Exits 1 when any table disagrees.
//
//   npx tsx scripts/check-api-docs.ts [README.md] [custom-elements.json]
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { finalExports } from './lib/exports.ts';

const TAG = 'clinic-locator';
const [readmeFile = 'README.md', manifestFile = 'custom-elements.json'] = process.argv.slice(2);

interface Described {
  name?: string;
  description?: string;
  summary?: string;
  default?: string;
  type?: { text: string };
}
interface Attribute extends Described {
  fieldName?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  attribute?: string;
}
interface Element {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  members?: Member[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Manifest {
  modules: { path: string; declarations?: Element[] }[];
}

/** One README row: its name (first code span of the first cell) and its cells. */
interface Row {
  name: string;
  cells: string[];
  line: number;
}

/** Every Markdown table of the README, by its first column's heading (lower case). */
export function readmeTables(markdown: string): Map<string, Row[]> {
  const tables = new Map<string, Row[]>();
  const lines = markdown.split('\n');
  const cellsOf = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.trim().startsWith('|') || lines[i - 1]?.trim().startsWith('|')) continue;
    const heading = (cellsOf(lines[i] ?? '')[0] ?? '').toLowerCase();
    const rows: Row[] = [];
    // The heading row, then the |---| row, then the body.
    for (let j = i + 2; lines[j]?.trim().startsWith('|'); j++) {
      const cells = cellsOf(lines[j] ?? '');
      const name = /`([^`]+)`/.exec(cells[0] ?? '')?.[1] ?? cells[0] ?? '';
      rows.push({ name: name.replace(/\(.*$/, ''), cells, line: j + 1 });
    }
    if (!tables.has(heading)) tables.set(heading, rows);
  }
  return tables;
}

/** The element's declaration in the manifest. */
export function findElement(manifest: Manifest): Element | undefined {
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (
        declaration.kind === 'class' &&
        declaration.customElement &&
        declaration.tagName === TAG
      ) {
        return declaration;
      }
    }
  }
  return undefined;
}

const code = (text: string | undefined) => /`([^`]+)`/.exec(text ?? '')?.[1];
/** Manifest defaults are source text: `'mi'`, `"x"`; README defaults are code spans. */
const unquote = (text: string | undefined) => text?.replace(/^(['"])(.*)\1$/, '$2');

interface Table {
  /** What the README calls the table (its first column's heading). */
  heading: string;
  title: string;
  /** The manifest's entries: name, and what else must agree with the README row. */
  entries: { name: string; extra?: (row: Row) => string | undefined; described: boolean }[];
}

export function compare(
  readme: Map<string, Row[]>,
  element: Element,
): { title: string; problems: string[] }[] {
  const publicMembers = (element.members ?? []).filter(
    (m) => !m.static && (m.privacy ?? 'public') === 'public' && !m.name?.startsWith('#'),
  );
  const described = (d: Described) => Boolean(d.description?.trim() || d.summary?.trim());
  const tables: Table[] = [
    {
      heading: 'attribute',
      title: 'Attributes',
      entries: (element.attributes ?? []).map((a) => ({
        name: a.name ?? '',
        described: described(a),
        extra: (row) => {
          const readmeField = code(row.cells[1]);
          return readmeField === a.fieldName
            ? undefined
            : `attribute \`${a.name}\` sets property ${a.fieldName ? `\`${a.fieldName}\`` : '(none)'}, README says ${readmeField ? `\`${readmeField}\`` : '(none)'} (README.md:${row.line})`;
        },
      })),
    },
    {
      heading: 'property',
      title: 'Properties',
      entries: publicMembers
        .filter((m) => m.kind === 'field' && !m.attribute)
        .map((m) => ({ name: m.name ?? '', described: described(m) })),
    },
    {
      heading: 'method',
      title: 'Methods',
      entries: publicMembers
        .filter((m) => m.kind === 'method')
        .map((m) => ({ name: m.name ?? '', described: described(m) })),
    },
    {
      heading: 'event',
      title: 'Events',
      entries: (element.events ?? [])
        .filter((e) => e.name)
        .map((e) => ({ name: e.name ?? '', described: described(e) })),
    },
    {
      heading: 'slot',
      title: 'Slots',
      entries: (element.slots ?? []).map((s) => ({
        name: s.name || '(default)',
        described: described(s),
      })),
    },
    {
      heading: 'part',
      title: 'CSS parts',
      entries: (element.cssParts ?? []).map((p) => ({
        name: p.name ?? '',
        described: described(p),
      })),
    },
    {
      heading: 'custom property',
      title: 'CSS custom properties',
      entries: (element.cssProperties ?? []).map((p) => ({
        name: p.name ?? '',
        described: described(p),
        extra: (row) => {
          const readmeDefault = code(row.cells[1]);
          return readmeDefault === unquote(p.default)
            ? undefined
            : `\`${p.name}\` defaults to ${p.default ? `\`${p.default}\`` : '(nothing)'} in the JSDoc, README says ${readmeDefault ? `\`${readmeDefault}\`` : '(nothing)'} (README.md:${row.line})`;
        },
      })),
    },
  ];

  return tables.map(({ heading, title, entries }) => {
    const rows = readme.get(heading);
    const problems: string[] = [];
    if (!rows) {
      if (entries.length) problems.push(`README has no table whose first column is "${heading}"`);
      return { title, problems };
    }
    const names = new Set(entries.map((e) => e.name));
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.name))
        problems.push(`README row \`${row.name}\` appears twice (README.md:${row.line})`);
      seen.add(row.name);
      if (!names.has(row.name)) {
        problems.push(
          `README row \`${row.name}\` is not in custom-elements.json (README.md:${row.line}): add its JSDoc`,
        );
      }
    }
    for (const entry of entries) {
      const row = rows.find((r) => r.name === entry.name);
      if (!row)
        problems.push(`custom-elements.json has \`${entry.name}\`, the README has no row for it`);
      else {
        const mismatch = entry.extra?.(row);
        if (mismatch) problems.push(mismatch);
      }
    }
    return { title, problems };
  });
}

/** Manifest entries with nothing for the README to agree with: no name or no description. */
export function notes(element: Element): string[] {
  const out: string[] = [];
  for (const e of element.events ?? []) {
    if (!e.name)
      out.push(
        `an event of type ${e.type?.text ?? '?'} is dispatched but has no \`@fires\` in the JSDoc`,
      );
  }
  const lists: [string, Described[] | undefined][] = [
    ['attribute', element.attributes],
    ['event', element.events?.filter((e) => e.name)],
    ['slot', element.slots],
    ['CSS part', element.cssParts],
    ['CSS custom property', element.cssProperties],
  ];
  for (const [kind, list] of lists) {
    for (const d of list ?? []) {
      if (!d.description?.trim() && !d.summary?.trim())
        out.push(`${kind} \`${d.name || '(default)'}\` has no JSDoc description`);
    }
  }
  return out;
}

/** package.json, for what the manifest must agree with. */
interface PackageJson {
  files?: string[];
  exports?: Record<string, unknown>;
  customElements?: string;
}

/**
 * Is the manifest true to the package? It validates against the Custom Elements Manifest schema
 * (the `custom-elements-manifest` package, the version of its `schemaVersion`); every module is a
 * file the package ships (under `files`) and that the build wrote; every event has a name and a
 * type that is a class the package exports; package.json names it (`customElements`) and exports
 * it (`./custom-elements.json`). Returns the problems found.
 */
export function manifestProblems(manifest: Manifest & { schemaVersion?: string }): string[] {
  const problems: string[] = [];
  const schema: object = createRequire(import.meta.url)('custom-elements-manifest/schema.json');
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (!validate(manifest)) {
    for (const e of validate.errors ?? []) problems.push(`schema: ${e.instancePath} ${e.message}`);
  }
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
  const shipped = (path: string) =>
    (pkg.files ?? []).some((f) => path === f || path.startsWith(f.endsWith('/') ? f : `${f}/`));
  for (const mod of manifest.modules) {
    if (!shipped(mod.path)) problems.push(`module ${mod.path} is not in package.json's files`);
    if (!existsSync(mod.path)) problems.push(`module ${mod.path} does not exist (run the build)`);
  }
  // A module's listed exports are what the built file exports (its final `export { … }`).
  for (const mod of manifest.modules as {
    path: string;
    exports?: { kind: string; name: string }[];
  }[]) {
    if (!existsSync(mod.path)) continue;
    const exported = finalExports(readFileSync(mod.path, 'utf8'));
    const built = new Set(exported);
    const listed = new Set((mod.exports ?? []).filter((e) => e.kind === 'js').map((e) => e.name));
    for (const name of listed) {
      if (!built.has(name)) problems.push(`${mod.path} does not export ${name}`);
    }
    for (const name of exported ?? []) {
      if (!listed.has(name)) problems.push(`${mod.path} exports ${name}, the manifest omits it`);
    }
  }
  const element = findElement(manifest);
  const index = manifest.modules.find((m) => m.declarations?.some((d) => d.name === element?.name));
  const exported = new Set(
    (index as { exports?: { name: string }[] } | undefined)?.exports?.map((e) => e.name),
  );
  for (const event of element?.events ?? []) {
    if (!event.name) problems.push(`an event has no name (${event.type?.text ?? 'no type'})`);
    else if (!event.type?.text) problems.push(`event ${event.name} has no type`);
    else if (!exported.has(event.type.text)) {
      problems.push(`event ${event.name}: its type ${event.type.text} is not exported`);
    }
  }
  // The JSX types (src/jsx/attributes.ts) name every attribute and event, and nothing else.
  const jsx = readFileSync('src/jsx/attributes.ts', 'utf8');
  const keysOf = (name: string) => {
    const body = new RegExp(`interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(jsx)?.[1] ?? '';
    return [...body.matchAll(/^\s*'?([\w-]+)'?\??:/gm)].map((m) => m[1] ?? '');
  };
  const same = (what: string, typed: string[], listed: (string | undefined)[]) => {
    const want = new Set(listed.filter((n): n is string => Boolean(n)));
    for (const n of typed)
      if (!want.has(n)) problems.push(`JSX types: ${what} ${n} is not in the manifest`);
    for (const n of want) if (!typed.includes(n)) problems.push(`JSX types lack the ${what} ${n}`);
  };
  same(
    'attribute',
    keysOf('ClinicLocatorAttributes'),
    (element?.attributes ?? []).map((a) => a.name),
  );
  same(
    'event',
    keysOf('ClinicLocatorEventMap'),
    (element?.events ?? []).map((e) => e.name),
  );
  if (pkg.customElements !== manifestFile) {
    problems.push(`package.json's customElements is not ${manifestFile}`);
  }
  if (!pkg.exports?.[`./${manifestFile}`]) {
    problems.push(`package.json does not export ./${manifestFile}`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const truth = manifestProblems(manifest);
  console.log(`${truth.length ? 'FAIL' : 'ok  '} ${manifestFile} is true to the package`);
  for (const problem of truth) console.log(`     ${problem}`);
  const element = findElement(manifest);
  if (!element) {
    console.log(`FAIL ${manifestFile} declares <${TAG}>`);
    process.exit(1);
  }
  const results = compare(readmeTables(readFileSync(readmeFile, 'utf8')), element);
  for (const { title, problems } of results) {
    console.log(
      `${problems.length ? 'FAIL' : 'ok  '} README ${title} table agrees with ${manifestFile}`,
    );
    for (const problem of problems) console.log(`     ${problem}`);
  }
  for (const note of notes(element)) console.log(`note: ${note}`);
  const failed = results.filter((r) => r.problems.length).length + (truth.length ? 1 : 0);
  console.log(failed === 0 ? 'API docs: all tables agree' : `API docs: ${failed} tables disagree`);
  process.exit(failed === 0 ? 0 : 1);
}
