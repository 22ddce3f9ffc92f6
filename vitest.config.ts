import { defineConfig } from 'vitest/config';

// Two projects: the pure core (Node) and the React webview (jsdom). `npm run test:unit` and
// `npm run test:webview` select them; scaffold proof tests live in their own config (real servers).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        // @lit/react's Node build drops element properties (disabled, value, icon); test the browser build.
        resolve: { conditions: ['browser'] },
        test: {
          server: { deps: { inline: ['@lit/react', '@vscode-elements/react-elements'] } },
          name: 'webview',
          environment: 'jsdom',
          globals: true,
          include: ['test/webview/**/*.test.{ts,tsx}'],
          setupFiles: ['test/webview/setup.ts'],
        },
      },
    ],
  },
});
