/** What the build gives the scripts that run in the reader's browser (pipeline/render/inline-scripts.ts). */
declare const OFFLINE_STORAGE: typeof import('./offline/storage').offlineStorage;
