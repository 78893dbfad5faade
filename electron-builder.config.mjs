// Packaging (electron-builder): a Windows installer (NSIS) and a Linux AppImage. `npm run package` builds
// the app, then packs it for the machine it runs on (a Windows installer is made on Windows, where npm
// installs the Windows builds of sharp and @napi-rs/canvas).
//
// What a first start needs is inside: the built app (out/), the production dependencies only, the OCR
// language data, the requirement tables and the demo dossiers (resources/ beside app.asar, read as plain
// files by the OCR workers). better-sqlite3 is rebuilt for Electron's own Node (npmRebuild, through
// @electron/rebuild) and every native module is unpacked from the archive, so nothing is downloaded or
// compiled on an office PC.

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'id.go.bpjsketenagakerjaan.claimdesk',
  productName: 'ClaimDesk',
  executableName: 'claimdesk',
  copyright: 'ClaimDesk',
  directories: { output: 'dist', buildResources: 'build' },
  // The app is the build; sources, tests, tools and benches stay out. node_modules are added by the
  // packager from the production dependency tree (devDependencies never ship).
  // The language data packages only feed resources/tessdata at install; the app reads that copy.
  files: ['out/**/*', 'package.json', '!out/.built', '!**/*.map', '!node_modules/@tesseract.js-data/**'],
  extraResources: [
    { from: 'resources/tessdata', to: 'resources/tessdata', filter: ['*.traineddata.gz'] },
    { from: 'resources/requirements', to: 'resources/requirements', filter: ['*.json'] },
    { from: 'resources/demo', to: 'resources/demo' },
  ],
  asar: true,
  // Native code cannot be loaded from inside an archive; the OCR engine's worker and WebAssembly, and the
  // back end's page-reader threads (out/main/reader-thread.js with the chunks it imports), are started
  // from files on disk.
  asarUnpack: [
    'out/main/**',
    '**/*.node',
    'node_modules/sharp/**',
    'node_modules/@img/**',
    'node_modules/@napi-rs/**',
    'node_modules/tesseract.js/**',
    'node_modules/tesseract.js-core/**',
  ],
  npmRebuild: true,
  buildDependenciesFromSource: false,
  // Electron's fuses, flipped in the binary at packaging time (README, "Security of the desktop app"). The
  // back end runs in Electron's utility process, not through ELECTRON_RUN_AS_NODE, so runAsNode can be off.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // No browser-process-specific V8 snapshot is built, so the one shared snapshot is kept.
    loadBrowserProcessSpecificV8Snapshot: false,
    // The renderer is served by the claimdesk:// scheme; nothing is loaded from file://.
    grantFileProtocolExtraPrivileges: false,
  },
  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, artifactName: 'ClaimDesk-Setup-${version}.${ext}' },
  linux: { target: [{ target: 'AppImage', arch: ['x64'] }], category: 'Office', artifactName: 'ClaimDesk-${version}-${arch}.${ext}' },
};

export default config;
