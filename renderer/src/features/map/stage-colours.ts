/**
 * One colour per stage, shared by the pipeline board and the relationship map so that a
 * stage looks the same everywhere. Each has at least 4.5:1 contrast against white (white
 * text on it, and it on the app's light surfaces), and every place that uses a colour also
 * prints the stage's name: colour is never the only signal.
 */
import type { Stage } from '../../../../shared/domain.ts';

export const STAGE_COLOURS: Readonly<Record<Stage, string>> = {
  watching: '#5f6b7a',
  vetting: '#8a5a00',
  approach_planned: '#b9460b',
  in_contact: '#1f66b3',
  collaborating: '#0f766e',
  partner: '#1b6f35',
  dormant: '#6b4fa3',
  moved_on: '#a3195b',
  closed: '#3f3a36',
};

/** The colour of a stage, for React's style prop (CSSOM, allowed by the CSP). */
export function stageColour(stage: Stage): string {
  return STAGE_COLOURS[stage];
}
