/** The agencies feature's texts, mounted under ui.agencies (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  intro:
    'The state bodies your people work in. Compare what each one admits with what the public complains about: where the two overlap is the ground for working together.',
  add: 'Add agency',
  filter: 'Find by name',
  sphereFilter: 'Sphere',
  allSpheres: 'All spheres',
  table: 'Agencies',
  columns: {
    name: 'Name',
    sphere: 'Sphere',
    region: 'Region',
    parent: 'Part of',
    people: 'People',
  },
  count_one: '{{count}} agency',
  count_few: '{{count}} agencies',
  count_many: '{{count}} agencies',
  count_other: '{{count}} agencies',
  shown: '{{shown}} of {{total}} shown',
  empty:
    'No agencies yet. Add the first one, or import people from a spreadsheet: the agencies named in it are created with them.',
  noMatch: 'No agency matches this filter.',
  loading: 'Loading…',
  form: {
    addTitle: 'Add an agency',
    editTitle: 'Edit the agency',
    parent: 'Part of (parent agency)',
    noParent: 'None: a top-level agency',
    parentHelp: 'For example, a regional department under its ministry.',
    overlap:
      'Compare what the agency admits with what the public complains about: where they overlap is the area of common interest, where you can offer help it wants.',
    admittedHelp: 'What the agency itself acknowledges: in reports, statements, interviews.',
    complaintsHelp: 'What citizens, lawyers, journalists and NGOs complain about.',
    commonHelp: 'Where the two meet: problems both the agency and the public want solved.',
    create: 'Add agency',
    save: 'Save changes',
    saving: 'Saving…',
  },
  page: {
    loading: 'Agency',
    facts: 'About the agency',
    none: 'Not set',
    parent: 'Part of',
    topLevel: 'None: a top-level agency',
    children: 'Sub-agencies',
    noChildren: 'None',
    overlapTitle: 'Where we can work together',
    overlapIntro:
      'What the agency admits, next to what the public complains about; in the middle, where they overlap.',
    admittedBy: 'They admit',
    complaintsBy: 'The public says',
    overlap: 'Where they meet',
    notWritten: 'Not written yet.',
    people: 'Their people',
    peopleTable: 'People in this agency',
    noPeople: 'Nobody from this agency is in the vault yet.',
    columns: {
      name: 'Name',
      codename: 'Codename',
      position: 'Position',
      stage: 'Stage',
    },
    edit: 'Edit',
    delete: 'Delete',
    deleteTitle: 'Delete the agency “{{name}}”?',
    deletePeople_one:
      'The {{count}} person in it stays in the vault, without an agency; so do their notes.',
    deletePeople_few:
      'The {{count}} people in it stay in the vault, without an agency; so do their notes.',
    deletePeople_many:
      'The {{count}} people in it stay in the vault, without an agency; so do their notes.',
    deletePeople_other:
      'The {{count}} people in it stay in the vault, without an agency; so do their notes.',
    deleteNoPeople: 'Nobody in the vault works there, so no person is affected.',
    deleteChildren: 'Its sub-agencies become top-level agencies.',
    deleteFinal:
      'The admitted problems, public complaints and common interest written here are deleted.',
    deleteConfirm: 'Delete agency',
    deleting: 'Deleting…',
    toList: 'Go to the agencies',
  },
};

const ru: FeatureTexts<typeof en>['ru'] = {
  intro:
    'Государственные органы, в которых работают ваши люди. Сравните, что каждый из них признаёт, с тем, на что жалуются граждане: там, где это совпадает, — почва для совместной работы.',
  add: 'Добавить ведомство',
  filter: 'Найти по названию',
  sphereFilter: 'Сфера',
  allSpheres: 'Все сферы',
  table: 'Ведомства',
  columns: {
    name: 'Название',
    sphere: 'Сфера',
    region: 'Регион',
    parent: 'Входит в',
    people: 'Людей',
  },
  count_one: '{{count}} ведомство',
  count_few: '{{count}} ведомства',
  count_many: '{{count}} ведомств',
  count_other: '{{count}} ведомства',
  shown: 'Показано {{shown}} из {{total}}',
  empty:
    'Ведомств пока нет. Добавьте первое или импортируйте людей из таблицы: указанные в ней ведомства будут созданы вместе с ними.',
  noMatch: 'Ни одно ведомство не подходит под этот фильтр.',
  loading: 'Загрузка…',
  form: {
    addTitle: 'Новое ведомство',
    editTitle: 'Изменить ведомство',
    parent: 'Входит в (вышестоящее ведомство)',
    noParent: 'Нет: ведомство верхнего уровня',
    parentHelp: 'Например, региональное управление в составе министерства.',
    overlap:
      'Сравните, что ведомство признаёт само, с тем, на что жалуются граждане: пересечение — это область общих интересов, где можно предложить помощь, которая ему нужна.',
    admittedHelp: 'Что ведомство признаёт само: в отчётах, заявлениях, интервью.',
    complaintsHelp: 'На что жалуются граждане, адвокаты, журналисты и НКО.',
    commonHelp:
      'Где одно встречается с другим: проблемы, которые хотят решить и ведомство, и общество.',
    create: 'Добавить ведомство',
    save: 'Сохранить',
    saving: 'Сохранение…',
  },
  page: {
    loading: 'Ведомство',
    facts: 'О ведомстве',
    none: 'Не указано',
    parent: 'Входит в',
    topLevel: 'Нет: ведомство верхнего уровня',
    children: 'Подчинённые ведомства',
    noChildren: 'Нет',
    overlapTitle: 'Где можно работать вместе',
    overlapIntro:
      'Что признаёт ведомство — рядом с тем, на что жалуются граждане; посередине — где это совпадает.',
    admittedBy: 'Признают сами',
    complaintsBy: 'Говорят граждане',
    overlap: 'Где они сходятся',
    notWritten: 'Пока не заполнено.',
    people: 'Их люди',
    peopleTable: 'Люди из этого ведомства',
    noPeople: 'Из этого ведомства в хранилище пока никого нет.',
    columns: {
      name: 'Имя',
      codename: 'Кодовое имя',
      position: 'Должность',
      stage: 'Этап',
    },
    edit: 'Изменить',
    delete: 'Удалить',
    deleteTitle: 'Удалить ведомство «{{name}}»?',
    deletePeople_one:
      '{{count}} человек из него останется в хранилище, но без ведомства; записи о нём тоже останутся.',
    deletePeople_few:
      '{{count}} человека из него останутся в хранилище, но без ведомства; записи о них тоже останутся.',
    deletePeople_many:
      '{{count}} человек из него останутся в хранилище, но без ведомства; записи о них тоже останутся.',
    deletePeople_other:
      '{{count}} человека из него останутся в хранилище, но без ведомства; записи о них тоже останутся.',
    deleteNoPeople: 'Никто из хранилища там не работает, так что людей это не затронет.',
    deleteChildren: 'Подчинённые ведомства станут ведомствами верхнего уровня.',
    deleteFinal:
      'Записанные здесь признанные проблемы, жалобы граждан и общие интересы будут удалены.',
    deleteConfirm: 'Удалить ведомство',
    deleting: 'Удаление…',
    toList: 'К списку ведомств',
  },
};

export const agenciesTexts: FeatureTexts<typeof en> = { en, ru };
