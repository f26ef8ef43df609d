import packageJson from '../package.json' with { type: 'json' };

/** Written into every vault at creation; shown by `confidant --version` and `confidant info`. */
export const APP_VERSION: string = packageJson.version;
