/** The risk-dashboard feature's texts, mounted under ui.riskDashboard (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'Risk',
  intro:
    'Who among the persons in contact with us is most exposed, whose assessment needs a review, and what is still missing.',
  loading: 'Loading the risk dashboard…',
  showAll: 'Show all ({{count}})',
  columns: {
    codename: 'Codename',
    name: 'Name',
    stage: 'Stage',
    level: 'Risk level',
    reviewDue: 'Review due',
    state: 'State',
  },
  heatMap: {
    title: 'Risk by likelihood and impact',
    help: 'Each cell counts the persons whose latest assessment falls in it. Select a cell to list them below the chart; in the chart, the arrow keys move from cell to cell.',
    view: 'Show the heat map as',
    chart: 'Chart',
    table: 'Table',
    chartLabel: 'Heat map: likelihood (rows) by impact (columns)',
    likelihood: 'Likelihood',
    impact: 'Impact',
    corner: 'Likelihood / impact',
    likelihoodValue: 'Likelihood {{value}}',
    impactValue: 'Impact {{value}}',
    cell_one: 'Likelihood {{likelihood}}, impact {{impact}}: {{level}}, {{count}} person',
    cell_few: 'Likelihood {{likelihood}}, impact {{impact}}: {{level}}, {{count}} persons',
    cell_many: 'Likelihood {{likelihood}}, impact {{impact}}: {{level}}, {{count}} persons',
    cell_other: 'Likelihood {{likelihood}}, impact {{impact}}: {{level}}, {{count}} persons',
    caption: 'Assessed persons by likelihood (rows) and impact (columns)',
    legend: 'Risk levels:',
    empty:
      'No one has been assessed yet. Open the page of a person in contact with us and assess their risk there: each assessed person is counted here by likelihood and impact.',
    selected_one: 'Likelihood {{likelihood}}, impact {{impact}} ({{level}}): {{count}} person',
    selected_few: 'Likelihood {{likelihood}}, impact {{impact}} ({{level}}): {{count}} persons',
    selected_many: 'Likelihood {{likelihood}}, impact {{impact}} ({{level}}): {{count}} persons',
    selected_other: 'Likelihood {{likelihood}}, impact {{impact}} ({{level}}): {{count}} persons',
    selectedEmpty: 'No one is in this cell.',
    listed_one: '{{count}} person listed below.',
    listed_few: '{{count}} persons listed below.',
    listed_many: '{{count}} persons listed below.',
    listed_other: '{{count}} persons listed below.',
  },
  reviews: {
    title: 'Reviews due',
    help: 'Assessments whose review date has passed, is today, or comes within {{days}} days: the most overdue first.',
    none: 'No review is due in the next {{days}} days.',
    nobody:
      'Nothing to review yet: assessed persons appear here when their review date comes near.',
  },
  unassessed: {
    title: 'Never assessed',
    help: 'In contact with us, but without a risk assessment: assess each one from their page.',
    none: 'Everyone in contact with us has a risk assessment.',
    nobody:
      'No one is in contact with us yet. A person who reaches “In contact” without a risk assessment is listed here.',
  },
  consent: {
    title: 'Consent never asked',
    help: 'In contact with us, but never asked whether they may be named: ask them, then record their answer in their risk assessment.',
    none: 'Everyone in contact with us has been asked about being named.',
    nobody:
      'No one is in contact with us yet. A person in contact whose consent was never asked is listed here.',
  },
  stages: {
    title: 'People by stage',
    caption: 'Persons by stage (archived persons not counted)',
    stage: 'Stage',
    count: 'Persons',
    nobody: 'No persons yet. Add people on the People screen: they are counted here by stage.',
  },
  followUps: {
    title: 'Follow-ups due',
    total_one: '{{count}} person has a follow-up due today or earlier.',
    total_few: '{{count}} persons have a follow-up due today or earlier.',
    total_many: '{{count}} persons have a follow-up due today or earlier.',
    total_other: '{{count}} persons have a follow-up due today or earlier.',
    shown: 'The {{shown}} most overdue are listed.',
    due: 'due {{date}}',
    none: 'No follow-up is due.',
  },
  backup: {
    title: 'Last backup',
    never: 'No backup has been written yet.',
    last: 'Last backup: {{ago}} ({{date}})',
    adviceNever:
      'Write an encrypted backup from the Backups area and keep it away from this computer.',
    adviceOld: 'It is more than {{days}} days old: write a new one from the Backups area.',
  },
  reminder: {
    text_one: '{{count}} risk review is due: {{codenames}}',
    text_few: '{{count}} risk reviews are due: {{codenames}}',
    text_many: '{{count}} risk reviews are due: {{codenames}}',
    text_other: '{{count}} risk reviews are due: {{codenames}}',
    more_one: '{{codenames}} and {{count}} more',
    more_few: '{{codenames}} and {{count}} more',
    more_many: '{{codenames}} and {{count}} more',
    more_other: '{{codenames}} and {{count}} more',
    open: 'Open the risk dashboard',
    later: 'Later',
  },
  badge_one: '{{count}} review due',
  badge_few: '{{count}} reviews due',
  badge_many: '{{count}} reviews due',
  badge_other: '{{count}} reviews due',
  intervals: {
    title: 'Risk review intervals',
    help: 'Days between reviews for each risk level, from {{min}} to {{max}}. A higher level is reviewed at least as often as a lower one.',
    applies: 'A change applies to new assessments: review dates already set stay as they are.',
    critical: 'Critical risk: days between reviews',
    high: 'High risk: days between reviews',
    moderate: 'Moderate risk: days between reviews',
    low: 'Low risk: days between reviews',
    apply: 'Apply review intervals',
    applied: 'Review intervals updated.',
  },
};

const ru: typeof en = {
  title: 'Риски',
  intro:
    'Кто из тех, с кем мы на связи, под наибольшей угрозой, чью оценку пора пересмотреть и чего ещё не хватает.',
  loading: 'Загружаем панель рисков…',
  showAll: 'Показать всех ({{count}})',
  columns: {
    codename: 'Кодовое имя',
    name: 'Имя',
    stage: 'Этап',
    level: 'Уровень риска',
    reviewDue: 'Пересмотр',
    state: 'Состояние',
  },
  heatMap: {
    title: 'Риск: вероятность и последствия',
    help: 'В каждой клетке — число людей, чья последняя оценка в неё попадает. Выберите клетку, чтобы увидеть их список под диаграммой; на диаграмме клавиши со стрелками переходят от клетки к клетке.',
    view: 'Показать тепловую карту как',
    chart: 'Диаграмма',
    table: 'Таблица',
    chartLabel: 'Тепловая карта: вероятность (строки) и последствия (столбцы)',
    likelihood: 'Вероятность',
    impact: 'Последствия',
    corner: 'Вероятность / последствия',
    likelihoodValue: 'Вероятность {{value}}',
    impactValue: 'Последствия {{value}}',
    cell_one:
      'Вероятность {{likelihood}}, последствия {{impact}}: риск {{level}}, {{count}} человек',
    cell_few:
      'Вероятность {{likelihood}}, последствия {{impact}}: риск {{level}}, {{count}} человека',
    cell_many:
      'Вероятность {{likelihood}}, последствия {{impact}}: риск {{level}}, {{count}} человек',
    cell_other:
      'Вероятность {{likelihood}}, последствия {{impact}}: риск {{level}}, {{count}} человека',
    caption: 'Оценённые люди по вероятности (строки) и последствиям (столбцы)',
    legend: 'Уровни риска:',
    empty:
      'Пока никто не оценён. Откройте страницу человека, с которым мы на связи, и оцените риск там: каждый оценённый человек попадает сюда по вероятности и последствиям.',
    selected_one:
      'Вероятность {{likelihood}}, последствия {{impact}} (риск {{level}}): {{count}} человек',
    selected_few:
      'Вероятность {{likelihood}}, последствия {{impact}} (риск {{level}}): {{count}} человека',
    selected_many:
      'Вероятность {{likelihood}}, последствия {{impact}} (риск {{level}}): {{count}} человек',
    selected_other:
      'Вероятность {{likelihood}}, последствия {{impact}} (риск {{level}}): {{count}} человека',
    selectedEmpty: 'В этой клетке никого нет.',
    listed_one: 'Ниже — список: {{count}} человек.',
    listed_few: 'Ниже — список: {{count}} человека.',
    listed_many: 'Ниже — список: {{count}} человек.',
    listed_other: 'Ниже — список: {{count}} человека.',
  },
  reviews: {
    title: 'Пора пересмотреть',
    help: 'Оценки, срок пересмотра которых прошёл, наступает сегодня или наступит в ближайшие {{days}} дней: сначала самые просроченные.',
    none: 'В ближайшие {{days}} дней пересматривать нечего.',
    nobody:
      'Пересматривать пока нечего: оценённые люди появятся здесь, когда подойдёт срок пересмотра.',
  },
  unassessed: {
    title: 'Риск не оценён',
    help: 'Мы с ними на связи, но риск не оценён: оцените его на странице каждого.',
    none: 'У всех, с кем мы на связи, риск оценён.',
    nobody:
      'Пока мы ни с кем не на связи. Здесь появится человек, дошедший до этапа «На связи» без оценки риска.',
  },
  consent: {
    title: 'Согласие не спрошено',
    help: 'Мы с ними на связи, но не спросили, можно ли называть их имя: спросите и запишите ответ в оценке риска.',
    none: 'Всех, с кем мы на связи, спросили, можно ли называть их имя.',
    nobody:
      'Пока мы ни с кем не на связи. Здесь появится человек на связи, которого не спросили о согласии.',
  },
  stages: {
    title: 'Люди по этапам',
    caption: 'Люди по этапам (архивные не учитываются)',
    stage: 'Этап',
    count: 'Людей',
    nobody:
      'Пока никого нет. Добавьте людей в разделе «Люди» — здесь они будут посчитаны по этапам.',
  },
  followUps: {
    title: 'Пора связаться',
    total_one: 'Пора связаться (сегодня или раньше): {{count}} человек.',
    total_few: 'Пора связаться (сегодня или раньше): {{count}} человека.',
    total_many: 'Пора связаться (сегодня или раньше): {{count}} человек.',
    total_other: 'Пора связаться (сегодня или раньше): {{count}} человека.',
    shown: 'Показаны {{shown}} самых просроченных.',
    due: 'срок {{date}}',
    none: 'Связываться пока ни с кем не пора.',
  },
  backup: {
    title: 'Резервная копия',
    never: 'Резервная копия ещё ни разу не создавалась.',
    last: 'Последняя резервная копия: {{ago}} ({{date}})',
    adviceNever:
      'Создайте зашифрованную резервную копию в разделе «Резервные копии» и храните её не на этом компьютере.',
    adviceOld: 'Ей больше {{days}} дней: создайте новую в разделе «Резервные копии».',
  },
  reminder: {
    text_one: '{{count}} оценка риска ждёт пересмотра: {{codenames}}',
    text_few: '{{count}} оценки риска ждут пересмотра: {{codenames}}',
    text_many: '{{count}} оценок риска ждут пересмотра: {{codenames}}',
    text_other: '{{count}} оценки риска ждут пересмотра: {{codenames}}',
    more_one: '{{codenames}} и ещё {{count}}',
    more_few: '{{codenames}} и ещё {{count}}',
    more_many: '{{codenames}} и ещё {{count}}',
    more_other: '{{codenames}} и ещё {{count}}',
    open: 'Открыть панель рисков',
    later: 'Позже',
  },
  badge_one: '{{count}} оценку пора пересмотреть',
  badge_few: '{{count}} оценки пора пересмотреть',
  badge_many: '{{count}} оценок пора пересмотреть',
  badge_other: '{{count}} оценки пора пересмотреть',
  intervals: {
    title: 'Сроки пересмотра оценок риска',
    help: 'Через сколько дней пересматривать оценку на каждом уровне риска, от {{min}} до {{max}}. Более высокий уровень пересматривается не реже, чем более низкий.',
    applies:
      'Изменение действует для новых оценок: уже назначенные даты пересмотра остаются прежними.',
    critical: 'Критический риск: дней между пересмотрами',
    high: 'Высокий риск: дней между пересмотрами',
    moderate: 'Умеренный риск: дней между пересмотрами',
    low: 'Низкий риск: дней между пересмотрами',
    apply: 'Применить сроки пересмотра',
    applied: 'Сроки пересмотра обновлены.',
  },
};

export const riskDashboardTexts: FeatureTexts<typeof en> = { en, ru };
