/** The partners feature's texts, mounted under ui.partners (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  intro:
    'International and domestic allies: a jurists’ commission abroad, a human-rights federation, a UN office. They are the usual recipients when names are shared, and the organisations offers are made through. Nothing is shared from this screen.',
  add: 'Add partner',
  filter: 'Find by name, country or theme',
  table: 'Partner organisations',
  columns: {
    name: 'Name',
    country: 'Country',
    kind: 'Kind',
    themes: 'Themes',
    trust: 'Trust',
    offers: 'Offers',
  },
  count_one: '{{count}} partner organisation',
  count_few: '{{count}} partner organisations',
  count_many: '{{count}} partner organisations',
  count_other: '{{count}} partner organisations',
  shown: '{{shown}} of {{total}} shown',
  empty:
    'No partner organisations yet. Add the organisations you work with: offers can then name the partner they go through.',
  noMatch: 'No partner organisation matches this filter.',
  loading: 'Loading…',
  openHint:
    'Press Enter on a row, or click it, to edit the partner; open its page, with its share key and what we have told them, from its name.',
  trustLabel: 'Trust: {{level}}',
  form: {
    addTitle: 'Add a partner organisation',
    editTitle: 'Edit the partner organisation',
    kindHelp: 'International: abroad or an international body. Domestic: in your own country.',
    themesHelp: 'What they work on, e.g. “fair trial, juvenile justice”.',
    trustHelp:
      'How much you trust them with sensitive information. Later, sharing names with them will weigh this.',
    create: 'Add partner',
    save: 'Save changes',
    saving: 'Saving…',
    delete: 'Delete partner…',
  },
  delete: {
    title: 'Delete the partner organisation “{{name}}”?',
    offers_one: 'The {{count}} offer made through them stays, without a partner organisation.',
    offers_few: 'The {{count}} offers made through them stay, without a partner organisation.',
    offers_many: 'The {{count}} offers made through them stay, without a partner organisation.',
    offers_other: 'The {{count}} offers made through them stay, without a partner organisation.',
    noOffers: 'No offer goes through them, so no offer is affected.',
    confirm: 'Delete partner',
    deleting: 'Deleting…',
  },
};

const ru: FeatureTexts<typeof en>['ru'] = {
  intro:
    'Международные и местные союзники: зарубежная комиссия юристов, правозащитная федерация, офис ООН. Обычно именно им передают имена, и через них делаются предложения. С этого экрана ничего не передаётся.',
  add: 'Добавить партнёра',
  filter: 'Найти по названию, стране или теме',
  table: 'Организации-партнёры',
  columns: {
    name: 'Название',
    country: 'Страна',
    kind: 'Тип',
    themes: 'Темы',
    trust: 'Доверие',
    offers: 'Предложений',
  },
  count_one: '{{count}} организация-партнёр',
  count_few: '{{count}} организации-партнёра',
  count_many: '{{count}} организаций-партнёров',
  count_other: '{{count}} организации-партнёра',
  shown: 'Показано {{shown}} из {{total}}',
  empty:
    'Организаций-партнёров пока нет. Добавьте тех, с кем вы работаете: тогда в предложениях можно будет указать, через кого они идут.',
  noMatch: 'Ни одна организация не подходит под этот фильтр.',
  loading: 'Загрузка…',
  openHint:
    'Чтобы изменить партнёра, нажмите Enter на строке или щёлкните по ней; страница партнёра с его ключом обмена и тем, что мы ему передали, открывается по названию.',
  trustLabel: 'Доверие: {{level}}',
  form: {
    addTitle: 'Новая организация-партнёр',
    editTitle: 'Изменить организацию-партнёра',
    kindHelp: 'Международная — за рубежом или международный орган. Местная — в вашей стране.',
    themesHelp: 'Чем они занимаются, например «справедливый суд, ювенальная юстиция».',
    trustHelp:
      'Насколько вы доверяете им чувствительные сведения. Когда появится передача имён, это будет учитываться.',
    create: 'Добавить партнёра',
    save: 'Сохранить',
    saving: 'Сохранение…',
    delete: 'Удалить партнёра…',
  },
  delete: {
    title: 'Удалить организацию-партнёра «{{name}}»?',
    offers_one: '{{count}} предложение, сделанное через неё, останется, но без партнёра.',
    offers_few: '{{count}} предложения, сделанные через неё, останутся, но без партнёра.',
    offers_many: '{{count}} предложений, сделанных через неё, останутся, но без партнёра.',
    offers_other: '{{count}} предложения, сделанные через неё, останутся, но без партнёра.',
    noOffers: 'Через неё не идёт ни одно предложение, так что их это не затронет.',
    confirm: 'Удалить партнёра',
    deleting: 'Удаление…',
  },
};

export const partnersTexts: FeatureTexts<typeof en> = { en, ru };
