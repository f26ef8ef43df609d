import packageJson from '../package.json' with { type: 'json' };

/** Written into every vault at creation; shown by `confidant info` and the About box. */
export const APP_NAME = 'Confidant';
export const APP_VERSION: string = packageJson.version;
