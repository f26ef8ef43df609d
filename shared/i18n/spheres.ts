/**
 * The spheres (shared/domain.ts) in both languages, written once: the app labels them through
 * renderer/src/i18n/domain.ts, and the documents a share produces
 * (electron/core/services/share/document-texts.ts) through the same words.
 */
import type { Sphere } from '../domain.ts';

export const SPHERE_LABELS: Record<'en' | 'ru', Record<Sphere, string>> = {
  en: {
    judiciary: 'Judiciary',
    military_courts: 'Military courts',
    police: 'Police',
    prosecution: 'Prosecution',
    migration: 'Migration',
    juvenile_justice: 'Juvenile justice',
    armed_forces: 'Armed forces',
    police_education: 'Police education',
    legislature: 'Legislature',
    executive: 'Executive',
    international_organisation: 'International organisation',
    other: 'Other',
  },
  ru: {
    judiciary: 'Судебная система',
    military_courts: 'Военные суды',
    police: 'Полиция',
    prosecution: 'Прокуратура',
    migration: 'Миграция',
    juvenile_justice: 'Ювенальная юстиция',
    armed_forces: 'Вооружённые силы',
    police_education: 'Полицейское образование',
    legislature: 'Законодательная власть',
    executive: 'Исполнительная власть',
    international_organisation: 'Международная организация',
    other: 'Другое',
  },
};
