// What a module built by Vite exports, read from its text: the build writes one final
// `export { a, b as c };`. Shared by the package build (its server entries re-export the same
// names) and the manifest check (each module's listed exports are the file's).

/** The exported names of the final `export { … }` (`c` for `b as c`), or undefined without one. */
export function finalExports(code: string): string[] | undefined {
  const list = /export \{([^}]*)\};?\s*$/.exec(code)?.[1];
  return list?.split(',').map(
    (part) =>
      part
        .trim()
        .split(/\s+as\s+/)
        .pop() ?? '',
  );
}
