/** The Shares area's frame (ui.shares): its tabs. ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  tabsLabel: 'Shares',
  tabs: {
    review: 'New share',
    log: 'Disclosure log',
    received: 'Received',
    key: 'Our share key',
  },
};

export const sharesTexts: FeatureTexts<typeof en> = {
  en,
  ru: {
    tabsLabel: 'Передача',
    tabs: {
      review: 'Новая передача',
      log: 'Журнал раскрытий',
      received: 'Полученное',
      key: 'Наш ключ обмена',
    },
  },
};
