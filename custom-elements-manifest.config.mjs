// custom-elements.json, generated from the elements' JSDoc (`npm run build`, scripts/build.mjs):
// the one description of the public contract that the types, docs/, README tables, the WordPress
// blocks and the demo configurator are checked against (test/node/contract.test.mjs).

/** What the analyzer reads as the element API but is not: Lit's internal state, protected helpers. */
function publicOnly() {
  return {
    name: 'mobilizon-public-only',
    packageLinkPhase({ customElementsManifest: manifest }) {
      for (const mod of manifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.kind !== 'class') continue;
          const hidden = new Set((d.members ?? []).filter((m) => m.privacy && m.privacy !== 'public').map((m) => m.name));
          d.members = (d.members ?? []).filter((m) => !hidden.has(m.name) && !m.static);
          d.attributes = (d.attributes ?? []).filter((a) => !hidden.has(a.fieldName));
          for (const a of d.attributes) {
            const field = d.members.find((m) => m.name === a.fieldName);
            if (field?.default !== undefined) a.default ??= field.default;
            if (field?.description && !a.description) a.description = field.description;
          }
          // emit()'s own parameter is not an event.
          d.events = (d.events ?? []).filter((e) => e.name?.startsWith('mobilizon-'));
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/*/mobilizon-*.ts', 'src/elements/shared/base.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json's "customElements" is ours (the tests run the analyzer into temporary folders).
  packagejson: false,
  plugins: [publicOnly()],
};
