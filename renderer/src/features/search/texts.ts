/** The search feature's texts, mounted under ui.search (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  label: 'Search',
  placeholder: 'Search people, agencies, notes',
  shortcut: 'Ctrl+K',
  shortcutMac: '⌘K',
  suggestions: 'Suggestions',
  seeAll: 'See all results for “{{text}}”',
  noMatches: 'Nothing matches “{{text}}”.',
  searching: 'Searching…',
  found_one: '{{count}} match',
  found_few: '{{count}} matches',
  found_many: '{{count}} matches',
  found_other: '{{count}} matches',
  title: 'Search results for “{{text}}”',
  titleEmpty: 'Search',
  refine: 'Search again',
  submit: 'Search',
  results: 'Results',
  typeToSearch: 'Type a name, a codename, an agency or words from a note.',
  nothingFound: 'Nothing matches “{{text}}”.',
  nothingFoundHelp:
    'Every word is searched as the start of a word, in names, codenames, agencies and notes. Try fewer or shorter words.',
  limited: 'Showing the best {{count}} matches: add a word to narrow the search.',
  kind: { person: 'Person', agency: 'Agency', note: 'Note' },
  untitledNote: 'Untitled note',
  restricted: 'Restricted',
};

const ru: FeatureTexts<typeof en>['ru'] = {
  label: 'Поиск',
  placeholder: 'Поиск по людям, ведомствам, записям',
  shortcut: 'Ctrl+K',
  shortcutMac: '⌘K',
  suggestions: 'Подсказки',
  seeAll: 'Все результаты по «{{text}}»',
  noMatches: 'Ничего не найдено по «{{text}}».',
  searching: 'Ищем…',
  found_one: '{{count}} совпадение',
  found_few: '{{count}} совпадения',
  found_many: '{{count}} совпадений',
  found_other: '{{count}} совпадения',
  title: 'Результаты поиска по «{{text}}»',
  titleEmpty: 'Поиск',
  refine: 'Искать снова',
  submit: 'Найти',
  results: 'Результаты',
  typeToSearch: 'Введите имя, кодовое имя, ведомство или слова из записи.',
  nothingFound: 'Ничего не найдено по «{{text}}».',
  nothingFoundHelp:
    'Каждое слово ищется как начало слова — в именах, кодовых именах, ведомствах и записях. Попробуйте меньше слов или более короткие.',
  limited: 'Показаны {{count}} лучших совпадений: добавьте слово, чтобы сузить поиск.',
  kind: { person: 'Человек', agency: 'Ведомство', note: 'Запись' },
  untitledNote: 'Запись без заголовка',
  restricted: 'Закрытая',
};

export const searchTexts: FeatureTexts<typeof en> = { en, ru };
