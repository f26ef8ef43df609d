/** The audit trail's texts, mounted under ui.audit (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  intro:
    'Everything done in this vault, newest first. The trail can only grow: entries are never changed or removed, and persons are named by codename only.',
  filters: {
    categories: 'Categories',
    subject: 'Codename contains',
    from: 'From',
    to: 'To',
  },
  categories: {
    vault: 'Vault',
    person: 'People',
    relationship: 'Relationships',
    note: 'Notes',
    offer: 'Offers',
    agency: 'Agencies',
    partner: 'Partners',
    risk: 'Risk assessments',
    plan: 'Engagement plans',
    settings: 'Settings',
    import: 'Import',
    share: 'Shares and disclosures',
    backup: 'Backups',
    demo: 'Demo data',
  },
  count_one: '{{shown}} of {{count}} entry',
  count_few: '{{shown}} of {{count}} entries',
  count_many: '{{shown}} of {{count}} entries',
  count_other: '{{shown}} of {{count}} entries',
  caption: 'Audit trail entries, newest first',
  columns: {
    at: 'When',
    action: 'What',
    subject: 'Who',
    detail: 'Details',
  },
  noSubject: '—',
  yes: 'yes',
  no: 'no',
  empty: 'No entries match these filters.',
  loading: 'Loading the audit trail…',
  page: 'Page {{page}} of {{pages}}',
  previous: 'Previous page',
  next: 'Next page',
  pages: 'Pages of the audit trail',
  actions: {
    vault: {
      created: 'Vault created',
      unlocked: 'Vault unlocked',
      locked: 'Vault locked',
      passphrase_changed: 'Passphrase changed',
      rekeyed: 'Keys replaced (new passphrase and recovery key)',
    },
    settings: {
      changed: 'Settings changed',
    },
    person: {
      created: 'Person created',
      updated: 'Person updated',
      'stage-changed': 'Stage changed',
      archived: 'Person archived',
      restored: 'Person restored',
      deleted: 'Person deleted',
      'name-copied': 'Name copied to the clipboard',
    },
    relationship: {
      created: 'Relationship added',
      deleted: 'Relationship removed',
    },
    note: {
      created: 'Note added',
      updated: 'Note edited',
      deleted: 'Note deleted',
    },
    offer: {
      created: 'Offer added',
      updated: 'Offer updated',
      deleted: 'Offer deleted',
    },
    agency: {
      created: 'Agency added',
      updated: 'Agency updated',
      deleted: 'Agency deleted',
    },
    partner: {
      created: 'Partner added',
      updated: 'Partner updated',
      deleted: 'Partner deleted',
      'share-key-set': 'Partner’s share key stored',
      'share-key-removed': 'Partner’s share key removed',
    },
    share: {
      written: 'Shared (written out of the vault)',
      imported: 'Package imported',
      'key-created': 'Our share key made',
    },
    backup: {
      written: 'Backup written and verified',
      failed: 'Automatic backup failed',
      restored: 'Vault restored from a backup',
      'settings-changed': 'Backup settings changed',
      'passphrase-set': 'Separate backup passphrase set',
      'passphrase-removed': 'Separate backup passphrase removed',
    },
    risk: {
      assessed: 'Risk assessed',
    },
    plan: {
      saved: 'Engagement plan saved',
    },
    import: {
      completed: 'Import completed',
    },
    demo: {
      filled: 'Demo data added',
    },
  },
};

const ru: FeatureTexts<typeof en>['ru'] = {
  intro:
    'Всё, что делалось в этом хранилище, начиная с последнего. Журнал только пополняется: записи никогда не меняются и не удаляются, а люди названы только кодовыми именами.',
  filters: {
    categories: 'Разделы',
    subject: 'Кодовое имя содержит',
    from: 'С',
    to: 'По',
  },
  categories: {
    vault: 'Хранилище',
    person: 'Люди',
    relationship: 'Связи',
    note: 'Заметки',
    offer: 'Предложения',
    agency: 'Ведомства',
    partner: 'Партнёры',
    risk: 'Оценки риска',
    plan: 'Планы взаимодействия',
    settings: 'Настройки',
    import: 'Импорт',
    share: 'Передача и раскрытия',
    backup: 'Резервные копии',
    demo: 'Демо-данные',
  },
  count_one: '{{shown}} из {{count}} записи',
  count_few: '{{shown}} из {{count}} записей',
  count_many: '{{shown}} из {{count}} записей',
  count_other: '{{shown}} из {{count}} записи',
  caption: 'Записи журнала действий, сначала последние',
  columns: {
    at: 'Когда',
    action: 'Что',
    subject: 'Кто',
    detail: 'Подробности',
  },
  noSubject: '—',
  yes: 'да',
  no: 'нет',
  empty: 'Нет записей, подходящих под эти фильтры.',
  loading: 'Загрузка журнала действий…',
  page: 'Страница {{page}} из {{pages}}',
  previous: 'Предыдущая страница',
  next: 'Следующая страница',
  pages: 'Страницы журнала действий',
  actions: {
    vault: {
      created: 'Создано хранилище',
      unlocked: 'Хранилище открыто',
      passphrase_changed: 'Пароль изменён',
      rekeyed: 'Ключи заменены (новый пароль и ключ восстановления)',
      locked: 'Хранилище заблокировано',
    },
    settings: {
      changed: 'Изменены настройки',
    },
    person: {
      created: 'Добавлен человек',
      updated: 'Изменены данные человека',
      'stage-changed': 'Изменён этап',
      archived: 'Человек перенесён в архив',
      restored: 'Человек возвращён из архива',
      deleted: 'Человек удалён',
      'name-copied': 'Имя скопировано в буфер обмена',
    },
    relationship: {
      created: 'Добавлена связь',
      deleted: 'Удалена связь',
    },
    note: {
      created: 'Добавлена заметка',
      updated: 'Изменена заметка',
      deleted: 'Удалена заметка',
    },
    offer: {
      created: 'Добавлено предложение',
      updated: 'Изменено предложение',
      deleted: 'Удалено предложение',
    },
    agency: {
      created: 'Добавлено ведомство',
      updated: 'Изменено ведомство',
      deleted: 'Удалено ведомство',
    },
    partner: {
      created: 'Добавлен партнёр',
      updated: 'Изменён партнёр',
      deleted: 'Удалён партнёр',
      'share-key-set': 'Сохранён ключ обмена партнёра',
      'share-key-removed': 'Удалён ключ обмена партнёра',
    },
    share: {
      written: 'Передано (записано за пределы хранилища)',
      imported: 'Импортирован пакет',
      'key-created': 'Создан наш ключ обмена',
    },
    backup: {
      written: 'Резервная копия записана и проверена',
      failed: 'Автоматическое резервное копирование не удалось',
      restored: 'Хранилище восстановлено из резервной копии',
      'settings-changed': 'Изменены настройки резервного копирования',
      'passphrase-set': 'Задан отдельный пароль резервных копий',
      'passphrase-removed': 'Удалён отдельный пароль резервных копий',
    },
    risk: {
      assessed: 'Оценён риск',
    },
    plan: {
      saved: 'Сохранён план взаимодействия',
    },
    import: {
      completed: 'Импорт завершён',
    },
    demo: {
      filled: 'Добавлены демо-данные',
    },
  },
};

export const auditTexts: FeatureTexts<typeof en> = { en, ru };
