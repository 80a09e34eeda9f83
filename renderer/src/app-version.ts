/** The app's version (package.json), set at build time; "development" in unit tests, which are not built. */
export const appVersion: string = (import.meta.env.VITE_APP_VERSION as string | undefined) ?? 'development';
