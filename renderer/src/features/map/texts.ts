/** The map feature's texts, mounted under ui.map (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  titleAround: 'Map around {{name}}',
  intro:
    'Who we know around a person, and the routes in through the people we are already in touch with. Click a dot to see its details, double-click to centre the map on it; everything on the map is also in the list below.',
  controls: 'Map controls',
  picker: 'Centre on a person',
  pickerPlaceholder: 'Type a name or codename',
  pickerEmpty: 'No one matches',
  showOptions: 'Show matching persons',
  depth: 'Steps from the person',
  depths: { '1': '1 step', '2': '2 steps', '3': '3 steps' },
  whole: 'Whole network',
  loading: 'Loading the map…',
  truncatedFocus:
    'Showing the nearest {{shown}} of {{total}} persons within these steps, the most connected first. Choose fewer steps, or centre the map on someone nearer.',
  truncatedAll:
    'Showing the {{shown}} most connected of {{total}} persons with relationships. Pick a person to centre the map on them.',
  missing: 'This person is no longer in the vault.',
  emptyAll:
    'No relationships are recorded yet. Add them on a person’s page (“who we know around this person”) and the map draws them.',
  summaryFocus_one:
    'Map of {{count}} person and {{edges}} relationships around {{name}}. The same persons and relationships are listed below.',
  summaryFocus_few:
    'Map of {{count}} persons and {{edges}} relationships around {{name}}. The same persons and relationships are listed below.',
  summaryFocus_many:
    'Map of {{count}} persons and {{edges}} relationships around {{name}}. The same persons and relationships are listed below.',
  summaryFocus_other:
    'Map of {{count}} persons and {{edges}} relationships around {{name}}. The same persons and relationships are listed below.',
  summaryAll_one:
    'Map of the whole network: {{count}} person and {{edges}} relationships. The same persons and relationships are listed below.',
  summaryAll_few:
    'Map of the whole network: {{count}} persons and {{edges}} relationships. The same persons and relationships are listed below.',
  summaryAll_many:
    'Map of the whole network: {{count}} persons and {{edges}} relationships. The same persons and relationships are listed below.',
  summaryAll_other:
    'Map of the whole network: {{count}} persons and {{edges}} relationships. The same persons and relationships are listed below.',
  legend: 'Legend',
  legendStages: 'Stages',
  legendShapes: 'Shapes and lines',
  legendPerson: 'Person',
  legendFocus: 'The person the map is centred on',
  legendAgency: 'Agency',
  legendWorksAt: 'works at',
  kind: {
    subordinate_of: 'subordinate of',
    introduced_by: 'introduced by',
    colleague: 'colleague of',
    knows: 'knows',
    influences: 'influences',
    works_at: 'works at',
  },
  reverse: {
    subordinate_of: 'superior of',
    introduced_by: 'introduced',
    colleague: 'colleague of',
    knows: 'knows',
    influences: 'influenced by',
    works_at: 'employs',
  },
  details: 'Details',
  pickNode: 'Select a person on the map or in the list below to see their details here.',
  codename: 'Codename',
  stage: 'Stage',
  agency: 'Agency',
  relationships: 'Relationships on the map',
  noRelationships: 'No relationships on the map.',
  people: 'People on the map',
  centreHere: 'Centre the map here',
  openPerson: 'Open the person’s page',
  openAgency: 'Open the agency’s page',
  isFocus: 'The map is centred on this person.',
  routes: 'Routes in',
  routesIntro:
    'The shortest chains from people we are in touch with (in contact, collaborating, partner, moved on) to {{name}}. Choose one to highlight it on the map.',
  routesNone: 'No one we are in touch with is within {{count}} steps. Try more steps.',
  alreadyInTouch: 'We are already in touch with {{name}} ({{stage}}).',
  via: {
    subordinate: 'Through a subordinate',
    superior: 'Through a superior',
    introducer: 'Through the person who introduced them',
    introduced: 'Through someone they introduced',
    colleague: 'Through a colleague',
    knows: 'Through an acquaintance',
    influencer: 'Through someone with influence on them',
    influenced: 'Through someone they influence',
  },
  steps_one: '{{count}} step',
  steps_few: '{{count}} steps',
  steps_many: '{{count}} steps',
  steps_other: '{{count}} steps',
  clearRoute: 'Clear the highlight',
  allRoutes: 'Show all {{count}} routes',
  list: 'The map as a list',
  listIntro:
    'Every person on the map with their relationships; keyboard and screen-reader friendly.',
  columns: {
    person: 'Person',
    stage: 'Stage',
    agency: 'Agency',
    relationships: 'Relationships',
    actions: 'Actions',
  },
  centreOn: 'Centre the map on {{name}}',
  openPage: 'Open the page of {{name}}',
  centre: 'Centre',
  open: 'Open',
};

const ru: typeof en = {
  titleAround: 'Карта вокруг: {{name}}',
  intro:
    'Кого мы знаем вокруг человека и как выйти на него через тех, с кем мы уже на связи. Щелчок по точке показывает подробности, двойной щелчок — центрирует карту на ней; всё, что есть на карте, есть и в списке ниже.',
  controls: 'Управление картой',
  picker: 'Центрировать на человеке',
  pickerPlaceholder: 'Имя или кодовое имя',
  pickerEmpty: 'Никто не подходит',
  showOptions: 'Показать подходящих людей',
  depth: 'Шагов от человека',
  depths: { '1': '1 шаг', '2': '2 шага', '3': '3 шага' },
  whole: 'Вся сеть',
  loading: 'Загружаем карту…',
  truncatedFocus:
    'Показаны {{shown}} ближайших из {{total}} человек в пределах этих шагов, сначала те, у кого больше связей. Выберите меньше шагов или центрируйте карту на ком-то ближе.',
  truncatedAll:
    'Показаны {{shown}} человек с наибольшим числом связей из {{total}}, у кого есть связи. Выберите человека, чтобы центрировать карту на нём.',
  missing: 'Этого человека больше нет в хранилище.',
  emptyAll:
    'Связи ещё не записаны. Добавьте их на странице человека («кого мы знаем вокруг») — и карта их покажет.',
  summaryFocus_one:
    'Карта вокруг: {{name}}. Людей — {{count}}, связей — {{edges}}. Те же люди и связи перечислены ниже.',
  summaryFocus_few:
    'Карта вокруг: {{name}}. Людей — {{count}}, связей — {{edges}}. Те же люди и связи перечислены ниже.',
  summaryFocus_many:
    'Карта вокруг: {{name}}. Людей — {{count}}, связей — {{edges}}. Те же люди и связи перечислены ниже.',
  summaryFocus_other:
    'Карта вокруг: {{name}}. Людей — {{count}}, связей — {{edges}}. Те же люди и связи перечислены ниже.',
  summaryAll_one:
    'Карта всей сети: людей — {{count}}, связей — {{edges}}. Те же люди и связи перечислены ниже.',
  summaryAll_few:
    'Карта всей сети: людей — {{count}}, связей — {{edges}}. Те же люди и связи перечислены ниже.',
  summaryAll_many:
    'Карта всей сети: людей — {{count}}, связей — {{edges}}. Те же люди и связи перечислены ниже.',
  summaryAll_other:
    'Карта всей сети: людей — {{count}}, связей — {{edges}}. Те же люди и связи перечислены ниже.',
  legend: 'Условные обозначения',
  legendStages: 'Этапы',
  legendShapes: 'Фигуры и линии',
  legendPerson: 'Человек',
  legendFocus: 'Человек в центре карты',
  legendAgency: 'Ведомство',
  legendWorksAt: 'работает в',
  // Verbs and nouns without gender: the names on either side are men and women alike.
  kind: {
    subordinate_of: 'подчиняется',
    introduced_by: 'знакомство через',
    colleague: 'коллега',
    knows: 'знает',
    influences: 'влияет на',
    works_at: 'работает в',
  },
  reverse: {
    subordinate_of: 'руководит',
    introduced_by: 'знакомит с',
    colleague: 'коллега',
    knows: 'знает',
    influences: 'под влиянием',
    works_at: 'место работы',
  },
  details: 'Подробности',
  pickNode: 'Выберите человека на карте или в списке ниже, чтобы увидеть подробности.',
  codename: 'Кодовое имя',
  stage: 'Этап',
  agency: 'Ведомство',
  relationships: 'Связи на карте',
  noRelationships: 'Связей на карте нет.',
  people: 'Люди на карте',
  centreHere: 'Центрировать карту здесь',
  openPerson: 'Открыть страницу человека',
  openAgency: 'Открыть страницу ведомства',
  isFocus: 'Карта центрирована на этом человеке.',
  routes: 'Пути подхода',
  routesIntro:
    'Кратчайшие цепочки от тех, с кем мы на связи (на связи, сотрудничаем, партнёр, на новом месте), до человека: {{name}}. Выберите цепочку, чтобы выделить её на карте.',
  routesNone:
    'В пределах шагов ({{count}}) нет никого, с кем мы на связи. Попробуйте больше шагов.',
  alreadyInTouch: 'Мы уже на связи: {{name}} ({{stage}}).',
  via: {
    subordinate: 'Через подчинённого',
    superior: 'Через руководителя',
    introducer: 'Через того, кто представил',
    introduced: 'Через того, кого представил этот человек',
    colleague: 'Через коллегу',
    knows: 'Через знакомого',
    influencer: 'Через того, кто влияет на этого человека',
    influenced: 'Через того, на кого влияет этот человек',
  },
  steps_one: '{{count}} шаг',
  steps_few: '{{count}} шага',
  steps_many: '{{count}} шагов',
  steps_other: '{{count}} шага',
  clearRoute: 'Снять выделение',
  allRoutes: 'Показать все пути ({{count}})',
  list: 'Карта списком',
  listIntro: 'Все люди на карте и их связи — удобно с клавиатуры и программы экранного доступа.',
  columns: {
    person: 'Человек',
    stage: 'Этап',
    agency: 'Ведомство',
    relationships: 'Связи',
    actions: 'Действия',
  },
  centreOn: 'В центр: {{name}}',
  openPage: 'Открыть страницу: {{name}}',
  centre: 'В центр',
  open: 'Открыть',
};

export const mapTexts: FeatureTexts<typeof en> = { en, ru };
