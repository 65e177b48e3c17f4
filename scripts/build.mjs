// Bundles the entry points with esbuild. Native and large runtime packages stay external:
// onnxruntime-node loads a .node binary and transformers.js resolves its own files at run time.
// --production (npm run package): minified, no source maps.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = {
  cli: 'src/cli/main.ts',
  'engine-worker': 'src/engine/worker.ts',
  extension: 'src/client/extension.ts',
  server: 'src/server/main.ts',
};
const external = ['vscode', 'onnxruntime-node', '@huggingface/transformers', 'sharp'];
const production = process.argv.includes('--production');
const present = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
await build({
  entryPoints: present,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external,
  logLevel: 'warning',
});
// The model taxonomy webview's script: runs in the webview (a browser), not in Node.
if (existsSync('src/webview/taxonomy.ts')) {
  await build({ entryPoints: { 'taxonomy-view': 'src/webview/taxonomy.ts' }, outdir: 'dist', bundle: true, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: !production, minify: production, logLevel: 'warning' });
  present['taxonomy-view'] = 'src/webview/taxonomy.ts';
}
console.log(`built ${Object.keys(present).map((n) => `dist/${n}.js`).join(', ')}`);
