import type { Route } from '../../app/navigation.ts';

/** The areas of the unlocked app, in the order of the sidebar. */
export const AREAS = [
  'people',
  'pipeline',
  'map',
  'agencies',
  'partners',
  'risk',
  'shares',
  'backups',
  'audit',
  'settings',
] as const;
export type Area = (typeof AREAS)[number];

/** Which sidebar item a route belongs to (a person page is under People). */
export function areaOf(route: Route): Area | null {
  switch (route.area) {
    case 'person':
    case 'import':
      return 'people';
    case 'agency':
      return 'agencies';
    case 'partner':
      return 'partners';
    case 'search':
      return null;
    default:
      return route.area;
  }
}

/** The route a sidebar item opens. */
export function routeOf(area: Area): Route {
  return area === 'map' ? { area: 'map', focusPersonId: null } : { area };
}
