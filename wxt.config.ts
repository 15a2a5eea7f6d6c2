import { defineConfig } from 'wxt';

// See ../shared/notes/toolchain.md for the versions and flags verified on these machines.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'assets/public',
  // Parallel work (and the benchmarks) can build into a separate folder: REPORT_LENS_OUT=.output-x.
  outDir: process.env.REPORT_LENS_OUT ?? '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Report Lens',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // activeTab + scripting handle any page on request; *.gov.cn is matched by the content scripts.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    // Unlisted scripts (entrypoints/content-script.ts, wake.ts) declared here, not through
    // defineContentScript, whose wrapper posts a message naming the extension to every page it runs in.
    content_scripts: [
      { matches: ['*://*.gov.cn/*'], js: ['wake.js'], run_at: 'document_start' },
      { matches: ['*://*.gov.cn/*'], js: ['content-script.js'], run_at: 'document_idle' },
    ],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Chromium assigns a suggested key only when it is none of its own shortcuts (Alt+Shift+R, and
    // Alt+Shift+T, which focuses the toolbar, are): tests/e2e/plumbing checks each command gets its key.
    commands: {
      'annotate-page': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_cmdAnnotate__',
      },
      'toggle-script': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_cmdToggleScript__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'report-lens@example.org',
              strict_min_version: '142.0',
              // The extension collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
