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
  values: {
    heading: 'Values not on the lists',
    help: 'These cells are none of the values Confidant knows for their field. Choose what each one means, or leave the field empty (those people get the field’s default). Where the meaning is clear a suggestion is already chosen: check it.',
    value: '“{{value}}”',
    rows_one: 'In {{count}} row.',
    rows_few: 'In {{count}} rows.',
    rows_many: 'In {{count}} rows.',
    rows_other: 'In {{count}} rows.',
    suggested: 'Suggested: {{value}}.',
    choose: 'Choose…',
    leaveEmpty: 'Leave empty (the default)',
    undecided: 'Choose what it means, or leave it empty: until then these rows cannot be imported.',
    consentHelp:
      'Consent is never guessed towards sharing: “Trusted partners” and “Public” are only ever your choice.',
  },
  otherColumns: {
    heading: 'Other columns',
    help: 'No field of a person takes these columns. Rather than drop them, Confidant keeps each person’s cells from them in a note on the person page, titled “{{title}}”. The note is restricted: it never leaves the vault.',
    unnamed: 'Column {{number}} (no title)',
    keep: 'Keep these columns in a note on each person',
    dropped: 'These columns will not be imported.',
  },
  duplicates: {
    heading: 'Already in the vault',
    help_one:
      '{{count}} row has the full name of a person already in the vault, or of a row higher up in the file (capitals, ё/е and extra spaces aside).',
    help_few:
      '{{count}} rows have the full name of a person already in the vault, or of a row higher up in the file (capitals, ё/е and extra spaces aside).',
    help_many:
      '{{count}} rows have the full name of a person already in the vault, or of a row higher up in the file (capitals, ё/е and extra spaces aside).',
    help_other:
      '{{count}} rows have the full name of a person already in the vault, or of a row higher up in the file (capitals, ё/е and extra spaces aside).',
    mode: 'What to do with these rows',
    skip: 'Skip them',
    skipHelp:
      'The person stays as they are. Importing the same file again adds nobody a second time.',
    merge: 'Merge into the existing person',
    mergeHelp:
      'Only the person’s empty fields are filled from the row (position, rank, agency, follow-up, tags, texts). Nothing already there is overwritten; the codename, sphere, stage and consent stay as they are.',
    table: 'Rows that are already in the vault',
    line: 'Line',
    name: 'Full name in the file',
    sameAs: 'Same person as',
    existing: '{{fullName}} ({{codename}}), in the vault',
    sameAsLine: 'Line {{line}} of this file',
    more_one: '… and {{count}} more such row, not listed.',
    more_few: '… and {{count}} more such rows, not listed.',
    more_many: '… and {{count}} more such rows, not listed.',
    more_other: '… and {{count}} more such rows, not listed.',
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
        'not one of the known values: choose what it means under “Values not on the lists” above',
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
    readyNone: 'Ready: nobody new will be added.',
    button_one: 'Import {{count}} person',
    button_few: 'Import {{count}} people',
    button_many: 'Import {{count}} people',
    button_other: 'Import {{count}} people',
    merged_one: '{{count}} row will be merged into a person already in the vault.',
    merged_few: '{{count}} rows will be merged into people already in the vault.',
    merged_many: '{{count}} rows will be merged into people already in the vault.',
    merged_other: '{{count}} rows will be merged into people already in the vault.',
    skipped_one: '{{count}} row already in the vault will be skipped.',
    skipped_few: '{{count}} rows already in the vault will be skipped.',
    skipped_many: '{{count}} rows already in the vault will be skipped.',
    skipped_other: '{{count}} rows already in the vault will be skipped.',
    nothing:
      'Nothing to import: every row is already in the vault. To fill their empty fields from the file, choose “Merge into the existing person” above.',
    buttonRows_one: 'Import {{count}} row',
    buttonRows_few: 'Import {{count}} rows',
    buttonRows_many: 'Import {{count}} rows',
    buttonRows_other: 'Import {{count}} rows',
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
    merged_one: 'Merged {{count}} row into a person already in the vault (empty fields only).',
    merged_few: 'Merged {{count}} rows into people already in the vault (empty fields only).',
    merged_many: 'Merged {{count}} rows into people already in the vault (empty fields only).',
    merged_other: 'Merged {{count}} rows into people already in the vault (empty fields only).',
    skipped_one: 'Skipped {{count}} row already in the vault.',
    skipped_few: 'Skipped {{count}} rows already in the vault.',
    skipped_many: 'Skipped {{count}} rows already in the vault.',
    skipped_other: 'Skipped {{count}} rows already in the vault.',
    notes_one: 'The other columns were kept in {{count}} restricted note, on the person page.',
    notes_few: 'The other columns were kept in {{count}} restricted notes, on the person pages.',
    notes_many: 'The other columns were kept in {{count}} restricted notes, on the person pages.',
    notes_other: 'The other columns were kept in {{count}} restricted notes, on the person pages.',
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
  values: {
    heading: 'Значения не из списков',
    help: 'Этих значений Confidant не знает для их поля. Выберите, что означает каждое, или оставьте поле пустым (у этих людей будет значение по умолчанию). Где смысл ясен, подсказка уже выбрана: проверьте её.',
    value: '«{{value}}»',
    rows_one: 'В {{count}} строке.',
    rows_few: 'В {{count}} строках.',
    rows_many: 'В {{count}} строках.',
    rows_other: 'В {{count}} строках.',
    suggested: 'Подсказка: {{value}}.',
    choose: 'Выберите…',
    leaveEmpty: 'Оставить пустым (по умолчанию)',
    undecided:
      'Выберите, что это значит, или оставьте пустым: до тех пор эти строки нельзя импортировать.',
    consentHelp:
      'Согласие никогда не угадывается в сторону огласки: «Доверенным партнёрам» и «Публично» выбираете только вы.',
  },
  otherColumns: {
    heading: 'Другие столбцы',
    help: 'Этих столбцов нет среди полей карточки. Чтобы они не пропали, Confidant сохранит значения каждого человека из них в закрытой записи на странице этого человека под заголовком «{{title}}»: такая запись никогда не покидает хранилище.',
    unnamed: 'Столбец {{number}} (без названия)',
    keep: 'Сохранить эти столбцы в записи у каждого человека',
    dropped: 'Эти столбцы не будут импортированы.',
  },
  duplicates: {
    heading: 'Уже есть в хранилище',
    help_one:
      '{{count}} строка содержит полное имя человека, который уже есть в хранилище, или строки выше в файле (без учёта регистра, ё/е и лишних пробелов).',
    help_few:
      '{{count}} строки содержат полное имя человека, который уже есть в хранилище, или строки выше в файле (без учёта регистра, ё/е и лишних пробелов).',
    help_many:
      '{{count}} строк содержат полное имя человека, который уже есть в хранилище, или строки выше в файле (без учёта регистра, ё/е и лишних пробелов).',
    help_other:
      '{{count}} строки содержат полное имя человека, который уже есть в хранилище, или строки выше в файле (без учёта регистра, ё/е и лишних пробелов).',
    mode: 'Что сделать с этими строками',
    skip: 'Пропустить',
    skipHelp:
      'Карточка человека остаётся как есть. Повторный импорт того же файла никого не добавит дважды.',
    merge: 'Объединить с существующей карточкой',
    mergeHelp:
      'Из строки заполняются только пустые поля карточки (должность, звание, ведомство, следующий контакт, метки, тексты). Ничто уже заполненное не перезаписывается; кодовое имя, сфера, этап и согласие не меняются.',
    table: 'Строки, которые уже есть в хранилище',
    line: 'Строка',
    name: 'Полное имя в файле',
    sameAs: 'Тот же человек, что',
    existing: '{{fullName}} ({{codename}}), в хранилище',
    sameAsLine: 'строка {{line}} этого файла',
    more_one: '… и ещё {{count}} такая строка, не показанная здесь.',
    more_few: '… и ещё {{count}} такие строки, не показанные здесь.',
    more_many: '… и ещё {{count}} таких строк, не показанных здесь.',
    more_other: '… и ещё {{count}} такие строки, не показанные здесь.',
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
        'не из известных значений: выберите, что оно означает, в разделе «Значения не из списков» выше',
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
    readyNone: 'Всё готово: новых людей не будет.',
    button_one: 'Импортировать людей: {{count}}',
    button_few: 'Импортировать людей: {{count}}',
    button_many: 'Импортировать людей: {{count}}',
    button_other: 'Импортировать людей: {{count}}',
    merged_one: '{{count}} строка будет объединена с карточкой, которая уже есть в хранилище.',
    merged_few: '{{count}} строки будут объединены с карточками, которые уже есть в хранилище.',
    merged_many: '{{count}} строк будут объединены с карточками, которые уже есть в хранилище.',
    merged_other: '{{count}} строки будут объединены с карточками, которые уже есть в хранилище.',
    skipped_one: '{{count}} строка, которая уже есть в хранилище, будет пропущена.',
    skipped_few: '{{count}} строки, которые уже есть в хранилище, будут пропущены.',
    skipped_many: '{{count}} строк, которые уже есть в хранилище, будут пропущены.',
    skipped_other: '{{count}} строки, которые уже есть в хранилище, будут пропущены.',
    nothing:
      'Импортировать нечего: все строки уже есть в хранилище. Чтобы заполнить их пустые поля из файла, выберите выше «Объединить с существующей карточкой».',
    buttonRows_one: 'Импортировать строк: {{count}}',
    buttonRows_few: 'Импортировать строк: {{count}}',
    buttonRows_many: 'Импортировать строк: {{count}}',
    buttonRows_other: 'Импортировать строк: {{count}}',
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
    merged_one:
      'Объединена {{count}} строка с карточкой, которая уже была в хранилище (только пустые поля).',
    merged_few:
      'Объединены {{count}} строки с карточками, которые уже были в хранилище (только пустые поля).',
    merged_many:
      'Объединено {{count}} строк с карточками, которые уже были в хранилище (только пустые поля).',
    merged_other:
      'Объединено {{count}} строки с карточками, которые уже были в хранилище (только пустые поля).',
    skipped_one: 'Пропущена {{count}} строка, которая уже была в хранилище.',
    skipped_few: 'Пропущены {{count}} строки, которые уже были в хранилище.',
    skipped_many: 'Пропущено {{count}} строк, которые уже были в хранилище.',
    skipped_other: 'Пропущено {{count}} строки, которые уже были в хранилище.',
    notes_one: 'Другие столбцы сохранены в {{count}} закрытой записи, на странице человека.',
    notes_few: 'Другие столбцы сохранены в {{count}} закрытых записях, на страницах людей.',
    notes_many: 'Другие столбцы сохранены в {{count}} закрытых записях, на страницах людей.',
    notes_other: 'Другие столбцы сохранены в {{count}} закрытых записях, на страницах людей.',
    toPeople: 'Открыть список людей',
    another: 'Импортировать другой файл',
  },
};

export const importTexts: FeatureTexts<typeof en> = { en, ru };
