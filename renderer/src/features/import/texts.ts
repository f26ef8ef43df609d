/** The import feature's texts, mounted under ui.import (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'Import people from a spreadsheet',
  intro:
    'Bring in a list of officials kept in Excel, LibreOffice or Google Sheets. Nothing is written until you press Import, and then every row is imported, or none.',
  file: {
    heading: '1. Choose the file',
    help: 'Save the spreadsheet as CSV first (File → Save as → CSV). The first row must hold the column titles. Russian Excel often saves CSV in the Windows-1251 encoding with semicolons between the columns: both are recognised automatically.',
    choose: 'Choose a CSV file…',
    chooseAnother: 'Choose another file…',
    drop: 'Or drop a CSV file here',
    dropZone: 'Drop a CSV file here',
    none: 'No file chosen yet.',
    chosen: '{{name}}, {{size}}',
    encoding: 'Encoding',
    encodingHelp: 'Leave it on Automatic unless names in the preview look garbled.',
    reading: 'Reading the file…',
  },
  encodings: {
    auto: 'Automatic',
    'utf-8': 'UTF-8',
    'windows-1251': 'Windows-1251 (Cyrillic)',
  },
  delimiters: {
    comma: 'commas',
    semicolon: 'semicolons',
    tab: 'tabs',
    pipe: 'vertical bars',
    other: '“{{char}}”',
  },
  check: {
    heading: '2. Check the columns and the rows',
    detected_one:
      'Read as {{encoding}}, columns separated by {{delimiter}}: {{count}} row under the header.',
    detected_few:
      'Read as {{encoding}}, columns separated by {{delimiter}}: {{count}} rows under the header.',
    detected_many:
      'Read as {{encoding}}, columns separated by {{delimiter}}: {{count}} rows under the header.',
    detected_other:
      'Read as {{encoding}}, columns separated by {{delimiter}}: {{count}} rows under the header.',
    updating: 'Updating the preview…',
  },
  mapping: {
    heading: 'Columns',
    help: 'Which column of the file fills each field of a person. Confidant guessed from the column titles; change any guess that is wrong. The preview follows every change.',
    notImported: 'Not imported',
    column: 'Column {{number}}: {{header}}',
    unnamed: 'Column {{number}} (no title)',
    required: 'Required: every person needs a full name.',
    codenameHelp: 'Left empty, a codename is made up for each person.',
    agencyHelp: 'Agencies not in the vault yet are created.',
  },
  sample: {
    heading_one: 'The first row, as it will be imported',
    heading_few: 'The first {{count}} rows, as they will be imported',
    heading_many: 'The first {{count}} rows, as they will be imported',
    heading_other: 'The first {{count}} rows, as they will be imported',
    table: 'Preview of the rows',
    line: 'Line',
    nothingMapped: 'No column is imported: choose at least the one with the full name.',
  },
  agencies: {
    heading_one: 'This agency will be created',
    heading_few: 'These {{count}} agencies will be created',
    heading_many: 'These {{count}} agencies will be created',
    heading_other: 'These {{count}} agencies will be created',
  },
  problems: {
    heading: 'Rows that cannot be imported',
    table: 'Problems found in the file',
    line: 'Line',
    field: 'Field',
    problem: 'Problem',
    value: 'Value in the file',
    empty: '(empty)',
    more_one: '… and {{count}} more problem, not listed.',
    more_few: '… and {{count}} more problems, not listed.',
    more_many: '… and {{count}} more problems, not listed.',
    more_other: '… and {{count}} more problems, not listed.',
    codes: {
      required: 'empty, but every person needs it',
      tooLong: 'longer than {{limit}} characters',
      invalidDate: 'not a date (use 2026-03-31 or 31.03.2026)',
      unknownValue:
        'not one of the known values (the English or Russian label, as in the person form)',
      invalidCodename:
        'not a usable codename: 2–60 letters, digits, spaces, dots or dashes, starting with a letter or digit',
      duplicateCodename: 'this codename is already taken, in the vault or higher up in the file',
      tooManyTags: 'more than {{limit}} tags',
      invalid: 'not a valid value',
    },
  },
  commit: {
    allOrNothing:
      'The import is all or nothing: if any row cannot be imported, no row is, and the vault stays as it was.',
    blocked_one:
      'Import is not possible: {{count}} problem is listed above. Fix it in the file and choose the file again, or set that column to “Not imported”.',
    blocked_few:
      'Import is not possible: {{count}} problems are listed above. Fix them in the file and choose the file again, or set those columns to “Not imported”.',
    blocked_many:
      'Import is not possible: {{count}} problems are listed above. Fix them in the file and choose the file again, or set those columns to “Not imported”.',
    blocked_other:
      'Import is not possible: {{count}} problems are listed above. Fix them in the file and choose the file again, or set those columns to “Not imported”.',
    blockedMapping:
      'Import is not possible until the preview above is up to date and without errors.',
    ready_one: 'Ready: {{count}} person will be added.',
    ready_few: 'Ready: {{count}} people will be added.',
    ready_many: 'Ready: {{count}} people will be added.',
    ready_other: 'Ready: {{count}} people will be added.',
    button_one: 'Import {{count}} person',
    button_few: 'Import {{count}} people',
    button_many: 'Import {{count}} people',
    button_other: 'Import {{count}} people',
    importing: 'Importing…',
  },
  done: {
    heading: '3. Done',
    imported_one: 'Imported {{count}} person.',
    imported_few: 'Imported {{count}} people.',
    imported_many: 'Imported {{count}} people.',
    imported_other: 'Imported {{count}} people.',
    agencies_one: '{{count}} new agency was created with them.',
    agencies_few: '{{count}} new agencies were created with them.',
    agencies_many: '{{count}} new agencies were created with them.',
    agencies_other: '{{count}} new agencies were created with them.',
    noAgencies: 'No new agency was needed.',
    toPeople: 'Open the people list',
    another: 'Import another file',
  },
};

const ru: FeatureTexts<typeof en>['ru'] = {
  title: 'Импорт людей из таблицы',
  intro:
    'Перенесите список должностных лиц из Excel, LibreOffice или Google Таблиц. Пока вы не нажмёте «Импортировать», ничего не записывается, а затем импортируются либо все строки, либо ни одной.',
  file: {
    heading: '1. Выберите файл',
    help: 'Сначала сохраните таблицу в формате CSV (Файл → Сохранить как → CSV). В первой строке должны быть названия столбцов. Русский Excel часто сохраняет CSV в кодировке Windows-1251 с точкой с запятой между столбцами: и то и другое распознаётся автоматически.',
    choose: 'Выбрать CSV-файл…',
    chooseAnother: 'Выбрать другой файл…',
    drop: 'Или перетащите CSV-файл сюда',
    dropZone: 'Перетащите CSV-файл сюда',
    none: 'Файл ещё не выбран.',
    chosen: '{{name}}, {{size}}',
    encoding: 'Кодировка',
    encodingHelp: 'Оставьте «Автоматически», если имена в предпросмотре читаются нормально.',
    reading: 'Чтение файла…',
  },
  encodings: {
    auto: 'Автоматически',
    'utf-8': 'UTF-8',
    'windows-1251': 'Windows-1251 (кириллица)',
  },
  delimiters: {
    comma: 'запятыми',
    semicolon: 'точкой с запятой',
    tab: 'табуляцией',
    pipe: 'вертикальной чертой',
    other: '«{{char}}»',
  },
  check: {
    heading: '2. Проверьте столбцы и строки',
    detected_one:
      'Прочитано как {{encoding}}, столбцы разделены {{delimiter}}: под заголовком {{count}} строка.',
    detected_few:
      'Прочитано как {{encoding}}, столбцы разделены {{delimiter}}: под заголовком {{count}} строки.',
    detected_many:
      'Прочитано как {{encoding}}, столбцы разделены {{delimiter}}: под заголовком {{count}} строк.',
    detected_other:
      'Прочитано как {{encoding}}, столбцы разделены {{delimiter}}: под заголовком {{count}} строки.',
    updating: 'Предпросмотр обновляется…',
  },
  mapping: {
    heading: 'Столбцы',
    help: 'Какой столбец файла заполняет каждое поле карточки. Confidant угадал это по названиям столбцов; исправьте, если он ошибся. Предпросмотр меняется вместе с выбором.',
    notImported: 'Не импортировать',
    column: 'Столбец {{number}}: {{header}}',
    unnamed: 'Столбец {{number}} (без названия)',
    required: 'Обязательно: у каждого человека должно быть полное имя.',
    codenameHelp: 'Если пусто, кодовое имя будет придумано для каждого.',
    agencyHelp: 'Ведомства, которых ещё нет в хранилище, будут созданы.',
  },
  sample: {
    heading_one: 'Первая строка — так, как она будет импортирована',
    heading_few: 'Первые {{count}} строки — так, как они будут импортированы',
    heading_many: 'Первые {{count}} строк — так, как они будут импортированы',
    heading_other: 'Первые {{count}} строки — так, как они будут импортированы',
    table: 'Предпросмотр строк',
    line: 'Строка',
    nothingMapped: 'Ни один столбец не импортируется: выберите хотя бы столбец с полным именем.',
  },
  agencies: {
    heading_one: 'Будет создано это ведомство',
    heading_few: 'Будут созданы эти {{count}} ведомства',
    heading_many: 'Будут созданы эти {{count}} ведомств',
    heading_other: 'Будут созданы эти {{count}} ведомства',
  },
  problems: {
    heading: 'Строки, которые нельзя импортировать',
    table: 'Ошибки в файле',
    line: 'Строка',
    field: 'Поле',
    problem: 'Что не так',
    value: 'Значение в файле',
    empty: '(пусто)',
    more_one: '… и ещё {{count}} ошибка, не показанная здесь.',
    more_few: '… и ещё {{count}} ошибки, не показанные здесь.',
    more_many: '… и ещё {{count}} ошибок, не показанных здесь.',
    more_other: '… и ещё {{count}} ошибки, не показанные здесь.',
    codes: {
      required: 'пусто, а это поле нужно каждому',
      tooLong: 'длиннее {{limit}} символов',
      invalidDate: 'не дата (пишите 2026-03-31 или 31.03.2026)',
      unknownValue:
        'не из известных значений (название по-русски или по-английски, как в карточке)',
      invalidCodename:
        'не подходит как кодовое имя: 2–60 букв, цифр, пробелов, точек или дефисов, в начале буква или цифра',
      duplicateCodename: 'такое кодовое имя уже занято — в хранилище или выше в файле',
      tooManyTags: 'больше {{limit}} меток',
      invalid: 'недопустимое значение',
    },
  },
  commit: {
    allOrNothing:
      'Импорт проходит целиком или никак: если хотя бы одну строку нельзя импортировать, не импортируется ни одна, и хранилище остаётся прежним.',
    blocked_one:
      'Импорт невозможен: выше показана {{count}} ошибка. Исправьте её в файле и выберите файл снова или отключите этот столбец («Не импортировать»).',
    blocked_few:
      'Импорт невозможен: выше показаны {{count}} ошибки. Исправьте их в файле и выберите файл снова или отключите эти столбцы («Не импортировать»).',
    blocked_many:
      'Импорт невозможен: выше показаны {{count}} ошибок. Исправьте их в файле и выберите файл снова или отключите эти столбцы («Не импортировать»).',
    blocked_other:
      'Импорт невозможен: выше показаны {{count}} ошибки. Исправьте их в файле и выберите файл снова или отключите эти столбцы («Не импортировать»).',
    blockedMapping:
      'Импорт станет возможен, когда предпросмотр выше обновится и в нём не будет ошибок.',
    ready_one: 'Всё готово: будет добавлен {{count}} человек.',
    ready_few: 'Всё готово: будут добавлены {{count}} человека.',
    ready_many: 'Всё готово: будут добавлены {{count}} человек.',
    ready_other: 'Всё готово: будут добавлены {{count}} человека.',
    button_one: 'Импортировать людей: {{count}}',
    button_few: 'Импортировать людей: {{count}}',
    button_many: 'Импортировать людей: {{count}}',
    button_other: 'Импортировать людей: {{count}}',
    importing: 'Импорт…',
  },
  done: {
    heading: '3. Готово',
    imported_one: 'Импортирован {{count}} человек.',
    imported_few: 'Импортированы {{count}} человека.',
    imported_many: 'Импортированы {{count}} человек.',
    imported_other: 'Импортированы {{count}} человека.',
    agencies_one: 'Вместе с ними создано {{count}} новое ведомство.',
    agencies_few: 'Вместе с ними созданы {{count}} новых ведомства.',
    agencies_many: 'Вместе с ними создано {{count}} новых ведомств.',
    agencies_other: 'Вместе с ними создано {{count}} нового ведомства.',
    noAgencies: 'Новых ведомств не понадобилось.',
    toPeople: 'Открыть список людей',
    another: 'Импортировать другой файл',
  },
};

export const importTexts: FeatureTexts<typeof en> = { en, ru };
