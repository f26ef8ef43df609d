/** The areas of the unlocked app, in the order of the sidebar. Later issues fill them. */
export const AREAS = ['people', 'agencies', 'risk', 'shares', 'backups', 'settings'] as const;
export type Area = (typeof AREAS)[number];
export type PlaceholderArea = Exclude<Area, 'settings'>;
