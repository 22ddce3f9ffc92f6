// An esbuild plugin for the extension host's bundle (scripts/build.mjs).
import path from 'node:path';

/**
 * The extension host loads TypeScript on first use, like the analyzer: `import ts from 'typescript'` (the
 * quick fixes) becomes the loader's on-demand module, and the loader's own require stays external (it finds
 * dist/typescript.js beside the bundle). Without this the host's bundle holds the whole compiler (3.4 of
 * 4.4 MB), compiled at every activation.
 * @param {string} root the repository
 * @returns {import('esbuild').Plugin}
 */
export function typescriptOnDemand(root) {
  const loader = path.join(root, 'src', 'core', 'analysis', 'runtime', 'typescriptLoader.ts');
  return {
    name: 'typescript-on-demand',
    setup(build) {
      build.onResolve({ filter: /^typescript$/ }, (args) =>
        args.importer === loader ? { path: 'typescript', external: true } : { path: 'typescript-on-demand', namespace: 'typescript-on-demand' },
      );
      build.onLoad({ filter: /.*/, namespace: 'typescript-on-demand' }, () => ({
        contents: `module.exports = require(${JSON.stringify(loader)}).typescriptOnDemand;`,
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}
