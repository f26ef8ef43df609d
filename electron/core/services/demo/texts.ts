/**
 * The words of the demo data, in English and Russian: plainly fictional provinces, agencies,
 * partner organisations, and the pieces case notes are assembled from. Nothing here names a
 * real person or office; the provinces ("Northern Province", "Приозёрная область") exist
 * nowhere, so a demo vault can never be mistaken for real notes.
 */
import type { NoteKind, Sphere } from '../../../../shared/domain.ts';

export type DemoLanguage = 'en' | 'ru';
type Both<T> = Record<DemoLanguage, T>;

/** Provinces: English name; Russian name and its genitive ("по Северной области"). */
export const PROVINCES: readonly { en: string; ru: string; ruGenitive: string }[] = [
  { en: 'Northern Province', ru: 'Северная область', ruGenitive: 'Северной области' },
  { en: 'Southern Province', ru: 'Южная область', ruGenitive: 'Южной области' },
  { en: 'Western Province', ru: 'Западная область', ruGenitive: 'Западной области' },
  { en: 'Eastern Province', ru: 'Восточная область', ruGenitive: 'Восточной области' },
  { en: 'Lakeside Province', ru: 'Приозёрная область', ruGenitive: 'Приозёрной области' },
  { en: 'Riverside Province', ru: 'Заречная область', ruGenitive: 'Заречной области' },
  { en: 'Steppe Province', ru: 'Степная область', ruGenitive: 'Степной области' },
  { en: 'Highland Province', ru: 'Горная область', ruGenitive: 'Горной области' },
  { en: 'Forest Province', ru: 'Лесная область', ruGenitive: 'Лесной области' },
  { en: 'Coastal Province', ru: 'Приморская область', ruGenitive: 'Приморской области' },
  { en: 'Capital District', ru: 'Столичный округ', ruGenitive: 'Столичного округа' },
  { en: 'Mountain Republic', ru: 'Горная республика', ruGenitive: 'Горной республики' },
];

/** The national body each sphere's regional offices answer to. */
export const NATIONAL_AGENCIES: Partial<Record<Sphere, Both<string>>> = {
  police: { en: 'Ministry of Internal Affairs', ru: 'Министерство внутренних дел' },
  prosecution: { en: "Prosecutor General's Office", ru: 'Генеральная прокуратура' },
  judiciary: { en: 'Judicial Department of the Supreme Court', ru: 'Судебный департамент' },
  migration: { en: 'State Migration Service', ru: 'Государственная миграционная служба' },
  juvenile_justice: {
    en: 'National Commission for Juvenile Affairs',
    ru: 'Национальная комиссия по делам несовершеннолетних',
  },
  military_courts: { en: 'Military Collegium', ru: 'Военная коллегия' },
  armed_forces: { en: 'Ministry of Defence', ru: 'Министерство обороны' },
  police_education: {
    en: 'Police Academy of the Ministry of Internal Affairs',
    ru: 'Академия МВД',
  },
  legislature: { en: 'National Assembly', ru: 'Национальное собрание' },
  executive: { en: 'Office of the Government', ru: 'Аппарат правительства' },
  international_organisation: {
    en: 'Regional Office for Human Rights Cooperation',
    ru: 'Региональное бюро по сотрудничеству в области прав человека',
  },
};

/** Regional offices; {p} is the province (Russian: in the genitive). */
export const REGIONAL_AGENCIES: Record<Sphere, Both<readonly string[]>> = {
  police: {
    en: ['Regional Police Directorate, {p}', 'Criminal Investigation Department, {p}'],
    ru: ['Управление полиции по {p}', 'Управление уголовного розыска по {p}'],
  },
  prosecution: {
    en: [
      "Regional Prosecutor's Office, {p}",
      "Prosecutor's Office for Penitentiary Oversight, {p}",
    ],
    ru: ['Прокуратура {p}', 'Прокуратура по надзору за исправительными учреждениями {p}'],
  },
  judiciary: {
    en: ['Regional Court, {p}', 'Administrative Court, {p}'],
    ru: ['Областной суд {p}', 'Административный суд {p}'],
  },
  migration: {
    en: [
      'Regional Directorate of the Migration Service, {p}',
      'Temporary Accommodation Centre for Asylum Seekers, {p}',
    ],
    ru: [
      'Управление миграционной службы по {p}',
      'Центр временного размещения лиц, ищущих убежища, {p}',
    ],
  },
  juvenile_justice: {
    en: ['Juvenile Affairs Commission, {p}', 'Juvenile Court Chamber, {p}'],
    ru: ['Комиссия по делам несовершеннолетних {p}', 'Коллегия по делам несовершеннолетних {p}'],
  },
  military_courts: {
    en: ['Garrison Military Court, {p}', 'District Military Court, {p}'],
    ru: ['Гарнизонный военный суд {p}', 'Окружной военный суд {p}'],
  },
  armed_forces: {
    en: ['Military Commissariat, {p}', 'Military Police Command, {p}'],
    ru: ['Военный комиссариат {p}', 'Командование военной полиции {p}'],
  },
  police_education: {
    en: ['Police College, {p}', 'Training Centre of the Police Directorate, {p}'],
    ru: ['Полицейский колледж {p}', 'Учебный центр управления полиции {p}'],
  },
  legislature: {
    en: ['Legislative Council, {p}', 'Human Rights Committee of the Council, {p}'],
    ru: ['Законодательное собрание {p}', 'Комитет по правам человека собрания {p}'],
  },
  executive: {
    en: ['Office of the Governor, {p}', 'Department of Social Protection, {p}'],
    ru: ['Администрация {p}', 'Департамент социальной защиты {p}'],
  },
  international_organisation: {
    en: ['Field Office for Rule of Law, {p}', 'Refugee Agency Field Office, {p}'],
    ru: [
      'Полевой офис программы верховенства права, {p}',
      'Полевой офис агентства по беженцам, {p}',
    ],
  },
  other: {
    en: ['Ombudsman’s Representative, {p}', 'Public Monitoring Commission, {p}'],
    ru: ['Представительство омбудсмена по {p}', 'Общественная наблюдательная комиссия {p}'],
  },
};

export const AGENCY_TEXTS: Both<{
  admitted: readonly string[];
  complaints: readonly string[];
  common: readonly string[];
}> = {
  en: {
    admitted: [
      'The leadership admits a backlog of cases older than a year and a shortage of trained staff.',
      'Officials acknowledge that detention conditions fall short of the national standard.',
      'The annual report names low public trust and outdated procedures as the main problems.',
      'Staff turnover is high; junior officers receive almost no training on procedural rights.',
      'The agency admits it lacks interpreters and cannot process applications on time.',
      'Internal audits found inconsistent record-keeping and delays in responding to complaints.',
    ],
    complaints: [
      'Lawyers complain of being denied access to clients during the first hours of detention.',
      'Residents report rude treatment and unexplained refusals at reception desks.',
      'Applicants wait months for decisions and receive no written reasons.',
      'Families of detainees say they are not informed of transfers.',
      'Local media report pressure on witnesses and leaks of investigation materials.',
      'Human-rights defenders describe hearings closed to the public without justification.',
    ],
    common: [
      'Both sides want shorter waiting times and clear written procedures.',
      'Training on international standards would help the staff and the public alike.',
      'A joint review of complaint handling could restore some public trust.',
      'Translated guidance for frontline staff is wanted by the agency and by applicants.',
      'Better access for lawyers would reduce appeals and save the agency work.',
    ],
  },
  ru: {
    admitted: [
      'Руководство признаёт накопившиеся дела старше года и нехватку подготовленных сотрудников.',
      'Официально признано, что условия содержания не соответствуют национальному стандарту.',
      'В годовом отчёте главными проблемами названы низкое доверие граждан и устаревшие процедуры.',
      'Высокая текучесть кадров; младшие сотрудники почти не обучаются процессуальным правам.',
      'Ведомство признаёт нехватку переводчиков и срывы сроков рассмотрения заявлений.',
      'Внутренняя проверка выявила небрежный учёт и задержки с ответами на жалобы.',
    ],
    complaints: [
      'Адвокаты жалуются, что их не допускают к подзащитным в первые часы задержания.',
      'Жители сообщают о грубом обращении и необъяснённых отказах в приёмных.',
      'Заявители месяцами ждут решений и не получают письменных мотивов отказа.',
      'Родственники задержанных говорят, что их не извещают о переводах.',
      'Местные СМИ пишут о давлении на свидетелей и утечках материалов следствия.',
      'Правозащитники описывают закрытые без оснований судебные заседания.',
    ],
    common: [
      'Обе стороны хотят сократить сроки ожидания и закрепить понятные письменные процедуры.',
      'Обучение международным стандартам полезно и сотрудникам, и гражданам.',
      'Совместный анализ работы с жалобами может вернуть часть доверия.',
      'Переведённые методички для сотрудников нужны и ведомству, и заявителям.',
      'Лучший доступ адвокатов сократит число обжалований и сбережёт ведомству силы.',
    ],
  },
};

export const PARTNERS: readonly {
  name: string;
  country: string;
  kind: 'international' | 'domestic';
  themes: string;
  trust: 'high' | 'medium' | 'low';
}[] = [
  {
    name: 'Commission of Jurists for Fair Trials (fictional)',
    country: 'Switzerland',
    kind: 'international',
    themes: 'judicial independence, fair trial, training of judges',
    trust: 'high',
  },
  {
    name: 'Nordic Police Ethics Network (fictional)',
    country: 'Norway',
    kind: 'international',
    themes: 'police ethics, community policing, exchanges',
    trust: 'high',
  },
  {
    name: 'Federation for Human Rights Cooperation (fictional)',
    country: 'France',
    kind: 'international',
    themes: 'advocacy, monitoring, reports to UN bodies',
    trust: 'medium',
  },
  {
    name: 'Regional Office of the UN Refugee Programme (fictional)',
    country: 'Austria',
    kind: 'international',
    themes: 'asylum procedures, detention of migrants',
    trust: 'high',
  },
  {
    name: 'Centre for Juvenile Justice Studies (fictional)',
    country: 'Netherlands',
    kind: 'international',
    themes: 'juvenile justice, diversion, child-friendly courts',
    trust: 'medium',
  },
  {
    name: 'Институт правовых реформ (вымышленный)',
    country: '',
    kind: 'domestic',
    themes: 'законопроекты, экспертиза, круглые столы',
    trust: 'high',
  },
  {
    name: 'Ассоциация адвокатов за права задержанных (вымышленная)',
    country: '',
    kind: 'domestic',
    themes: 'доступ к адвокату, пытки, жалобы',
    trust: 'medium',
  },
  {
    name: 'Центр общественного мониторинга (вымышленный)',
    country: '',
    kind: 'domestic',
    themes: 'мониторинг мест лишения свободы',
    trust: 'medium',
  },
  {
    name: 'Фонд поддержки независимой журналистики (вымышленный)',
    country: '',
    kind: 'domestic',
    themes: 'публикации, доступ к судам',
    trust: 'low',
  },
  {
    name: 'European Academy of Law Enforcement Training (fictional)',
    country: 'Germany',
    kind: 'international',
    themes: 'curricula, study visits, internships',
    trust: 'medium',
  },
];

/** The leaders who hold the relationships. */
export const OWNERS = [
  'Анна Громова',
  'Максим Орлов',
  'Елена Соколова',
  'David Mercer',
  'Ирина Лебедева',
] as const;

export const POSITIONS: Both<readonly string[]> = {
  en: [
    'Head of Department',
    'Deputy Head',
    'Senior Inspector',
    'Judge',
    'Deputy Prosecutor',
    'Head of Unit',
    'Chief of Staff',
    'Senior Investigator',
    'Legal Adviser',
    'Director',
    'Committee Member',
    'Training Officer',
  ],
  ru: [
    'Начальник управления',
    'Заместитель начальника',
    'Старший инспектор',
    'Судья',
    'Заместитель прокурора',
    'Начальник отдела',
    'Руководитель аппарата',
    'Старший следователь',
    'Юрисконсульт',
    'Директор',
    'Член комитета',
    'Преподаватель',
  ],
};

export const RANKS: Both<readonly string[]> = {
  en: ['Colonel', 'Lieutenant Colonel', 'Major', 'Captain', 'Counsellor of Justice', ''],
  ru: ['Полковник', 'Подполковник', 'Майор', 'Капитан', 'Советник юстиции', ''],
};

export const TAGS: Both<readonly string[]> = {
  en: ['reform', 'asylum', 'detention', 'training', 'torture prevention', 'youth', 'courts'],
  ru: ['реформа', 'убежище', 'задержание', 'обучение', 'профилактика пыток', 'молодёжь', 'суды'],
};

export const NEEDS: Both<readonly string[]> = {
  en: [
    'Translated commentaries on the European Convention for the staff.',
    'Contacts with colleagues abroad who reformed complaint handling.',
    'A place on an international seminar on detention standards.',
    'Support in drafting internal instructions on access to lawyers.',
    'Training materials for young officers.',
  ],
  ru: [
    'Переведённые комментарии к Европейской конвенции для сотрудников.',
    'Контакты с зарубежными коллегами, реформировавшими работу с жалобами.',
    'Место на международном семинаре по стандартам содержания под стражей.',
    'Помощь в подготовке внутренней инструкции о доступе адвокатов.',
    'Учебные материалы для молодых сотрудников.',
  ],
};

export const SINCERITY: Both<readonly string[]> = {
  en: [
    'Speaks of reform in public but has blocked two inspections; may be a career-minded cynic.',
    'Colleagues say the interest in our seminars started with his bid for promotion.',
  ],
  ru: [
    'Публично говорит о реформе, но сорвал две проверки; возможно, карьерист-циник.',
    'Коллеги говорят, что интерес к семинарам появился вместе с борьбой за повышение.',
  ],
};

export const ABOUT: Both<readonly string[]> = {
  en: [
    'Came to the service from the bar; respected by the staff for fairness.',
    'Long career in the region; cautious, keeps contact through his deputy.',
    'Studied abroad; open to international standards, wary of publicity.',
    'Known for a dissenting opinion on pre-trial detention.',
  ],
  ru: [
    'Пришёл в ведомство из адвокатуры; сотрудники уважают за справедливость.',
    'Долго работает в регионе; осторожен, связь держит через заместителя.',
    'Учился за рубежом; открыт международным стандартам, но избегает публичности.',
    'Известен особым мнением по делу о продлении ареста.',
  ],
};

// ---------------------------------------------------------------------------------------------
// Case notes: a title, and a markdown body assembled from an opening, details and next steps.
// {a} is an agency, {t} a topic, {e} an event, {p} a province.

export const TOPICS: Both<readonly string[]> = {
  en: [
    'access to lawyers in the first hours of detention',
    'conditions in temporary detention centres',
    'processing times for asylum applications',
    'diversion for juvenile offenders',
    'handling of complaints against officers',
    'open court hearings',
    'training on the prohibition of torture',
    'the draft law on public oversight commissions',
    'interpretation for foreign detainees',
    'video recording of interrogations',
  ],
  ru: [
    'доступ к адвокату в первые часы задержания',
    'условия в изоляторах временного содержания',
    'сроки рассмотрения заявлений об убежище',
    'альтернативы наказанию для несовершеннолетних',
    'работа с жалобами на сотрудников',
    'открытость судебных заседаний',
    'обучение по запрету пыток',
    'законопроект об общественных наблюдательных комиссиях',
    'перевод для иностранных задержанных',
    'видеозапись допросов',
  ],
};

export const EVENTS: Both<readonly string[]> = {
  en: [
    'the round table on detention standards',
    'the regional press conference',
    'the seminar with foreign judges',
    'the reception at the embassy',
    'the annual conference of the bar association',
  ],
  ru: [
    'круглом столе по стандартам содержания',
    'региональной пресс-конференции',
    'семинаре с зарубежными судьями',
    'приёме в посольстве',
    'ежегодной конференции адвокатской палаты',
  ],
};

export const NOTE_TITLES: Both<Record<NoteKind, readonly string[]>> = {
  en: {
    meeting: ['Meeting on {t}', 'Follow-up meeting at {a}'],
    seminar: ['Round table: {t}', 'Seminar on {t}'],
    conference: ['Conference in {p}', 'Panel on {t}'],
    reception: ['Reception after {e}'],
    letter_sent: ['Letter with an invitation', 'Letter on {t}'],
    letter_received: ['Reply from {a}', 'Letter from the deputy head'],
    call: ['Call about {t}', 'Short call'],
    court_hearing: ['Hearing attended in {p}'],
    public_statement: ['Statement on {t}', 'Interview on {t}'],
    trip: ['Study trip', 'Internship abroad'],
    materials: ['Translated materials sent', 'Training materials on {t}'],
    introduction: ['Introduction to foreign colleagues'],
  },
  ru: {
    meeting: ['Встреча: {t}', 'Повторная встреча в ведомстве'],
    seminar: ['Круглый стол: {t}', 'Семинар: {t}'],
    conference: ['Конференция, {p}', 'Панель: {t}'],
    reception: ['Приём после мероприятия'],
    letter_sent: ['Письмо с приглашением', 'Письмо: {t}'],
    letter_received: ['Ответ из ведомства', 'Письмо от заместителя'],
    call: ['Звонок: {t}', 'Короткий звонок'],
    court_hearing: ['Судебное заседание, {p}'],
    public_statement: ['Заявление: {t}', 'Интервью: {t}'],
    trip: ['Учебная поездка', 'Стажировка за рубежом'],
    materials: ['Отправлены переведённые материалы', 'Учебные материалы: {t}'],
    introduction: ['Знакомство с зарубежными коллегами'],
  },
};

export const NOTE_OPENINGS: Both<readonly string[]> = {
  en: [
    'Met at {a} to discuss {t}. The conversation was frank and lasted over an hour.',
    'We spoke after {e}. The main subject was {t}.',
    'Short exchange at {e}; agreed to continue the discussion of {t} in private.',
    'Phone call initiated by them: they want to understand our position on {t}.',
    'Observed at {e}. Comments on {t} were more open than in previous years.',
    'Second meeting this quarter. The agenda: {t}, and the seminar in {p}.',
  ],
  ru: [
    'Встретились в ведомстве ({a}), обсуждали тему: {t}. Разговор был откровенным, больше часа.',
    'Поговорили на {e}. Главная тема: {t}.',
    'Короткий разговор на {e}; договорились продолжить обсуждение ({t}) без посторонних.',
    'Звонок по их инициативе: хотят понять нашу позицию, тема: {t}.',
    'Наблюдали выступление на {e}. Высказывания о теме «{t}» были откровеннее, чем раньше.',
    'Вторая встреча в этом квартале. Повестка: {t}; семинар, {p}.',
  ],
};

export const NOTE_DETAILS: Both<readonly string[]> = {
  en: [
    '- They acknowledged the problem openly and asked for examples from other countries.',
    '- Concerned about how superiors would see contact with an NGO.',
    '- Mentioned that two colleagues share the same views and could join.',
    '- Asked us not to mention the meeting in any publication.',
    '- Prepared to circulate our recommendations internally, without attribution.',
    '- Raised the lack of funds for interpreters and training.',
    '- Sceptical about the draft law but willing to comment on it.',
    '- Gave figures on complaints received this year (not for publication).',
  ],
  ru: [
    '- Открыто признали проблему и попросили примеры из других стран.',
    '- Беспокоятся, как руководство воспримет контакты с НКО.',
    '- Упомянули двух коллег с такими же взглядами, которые могли бы присоединиться.',
    '- Попросили нигде не упоминать встречу в публикациях.',
    '- Готовы распространить наши рекомендации внутри ведомства, без ссылки на нас.',
    '- Говорили о нехватке средств на переводчиков и обучение.',
    '- Скептически оценивают законопроект, но готовы дать замечания.',
    '- Назвали число жалоб за этот год (не для публикации).',
  ],
};

export const NOTE_NEXT: Both<readonly string[]> = {
  en: [
    '**Next:** send the translated materials and propose dates for the seminar.',
    '**Next:** introduce them to the foreign colleagues we discussed.',
    '**Next:** wait for their reply; do not push before the board meeting.',
    '**Next:** prepare a short memo on {t} for their staff.',
    '**Risk:** keep contact through the secure channel only.',
  ],
  ru: [
    '**Дальше:** отправить переведённые материалы и предложить даты семинара.',
    '**Дальше:** познакомить с зарубежными коллегами, о которых говорили.',
    '**Дальше:** ждать ответа; не торопить до заседания коллегии.',
    '**Дальше:** подготовить короткую записку по теме «{t}» для сотрудников.',
    '**Риск:** связь только по защищённому каналу.',
  ],
};

export const ASKED_FOR: Both<readonly string[]> = {
  en: [
    'Examples of internal instructions from other countries',
    'An invitation to the international seminar',
    'Comments on their draft regulation',
    'Training for new staff',
  ],
  ru: [
    'Примеры внутренних инструкций из других стран',
    'Приглашение на международный семинар',
    'Замечания к их проекту положения',
    'Обучение для новых сотрудников',
  ],
};

export const OFFERED: Both<readonly string[]> = {
  en: [
    'Translated training materials',
    'A place on the study trip',
    'An introduction to a foreign judge',
    'A joint round table in the spring',
  ],
  ru: [
    'Переведённые учебные материалы',
    'Место в учебной поездке',
    'Знакомство с зарубежным судьёй',
    'Совместный круглый стол весной',
  ],
};

export const SOURCES: Both<readonly string[]> = {
  en: ['Press conference', 'Regional TV interview', 'Official website', 'Newspaper column'],
  ru: ['Пресс-конференция', 'Интервью региональному ТВ', 'Официальный сайт', 'Колонка в газете'],
};

export const OFFER_DESCRIPTIONS: Both<readonly string[]> = {
  en: [
    'Place at the autumn seminar on detention standards',
    'Two-week internship with a partner court',
    'Translation of the commentary on Article 5',
    'Study visit to a police training centre',
  ],
  ru: [
    'Место на осеннем семинаре по стандартам содержания',
    'Двухнедельная стажировка в суде-партнёре',
    'Перевод комментария к статье 5',
    'Учебный визит в полицейский учебный центр',
  ],
};

export const RELATIONSHIP_NOTES: Both<readonly string[]> = {
  en: ['Worked together for years', 'Introduced us at a seminar', 'Former student', ''],
  ru: ['Много лет работали вместе', 'Познакомил нас на семинаре', 'Бывший ученик', ''],
};

export const RISK_TEXTS: Both<{
  narratives: readonly string[];
  objectives: readonly string[];
  commonInterest: readonly string[];
  answers: readonly string[];
}> = {
  en: {
    narratives: [
      'Their deputy asked colleagues who "talks to the NGO". No direct pressure yet.',
      'Meets us only at public events; the department head is openly hostile to civil society.',
      'A colleague in the same office was transferred after speaking at our round table.',
      'Low profile so far: contacts go through the partner federation.',
    ],
    objectives: [
      'Joint training on detention standards for the regional office',
      'A working group on juvenile cases with the court',
      'Invite to the spring seminar and gauge interest in a joint project',
    ],
    commonInterest: [
      'Both want fewer complaints about pre-trial detention',
      'The agency admits case backlogs; citizens complain about delays',
    ],
    answers: [
      'Discussed at the leadership meeting; acceptable with codename only.',
      'Benefit outweighs risk if contact stays at public events for now.',
      'Agreed: at least two years of work expected.',
      'The board supports it.',
    ],
  },
  ru: {
    narratives: [
      'Заместитель спрашивал коллег, кто «общается с НКО». Прямого давления пока нет.',
      'Встречается с нами только на публичных мероприятиях; начальник управления открыто враждебен к общественникам.',
      'Коллегу из того же отдела перевели после выступления на нашем круглом столе.',
      'Пока незаметен: контакты идут через федерацию-партнёра.',
    ],
    objectives: [
      'Совместное обучение стандартам содержания для областного управления',
      'Рабочая группа с судом по делам несовершеннолетних',
      'Пригласить на весенний семинар и понять интерес к совместному проекту',
    ],
    commonInterest: [
      'Обе стороны хотят меньше жалоб на содержание под стражей',
      'Ведомство признаёт затяжку дел; граждане жалуются на сроки',
    ],
    answers: [
      'Обсудили на собрании руководства; допустимо только под кодовым именем.',
      'Польза выше риска, если пока встречаться только на публичных мероприятиях.',
      'Согласны: рассчитываем минимум на два года работы.',
      'Правление поддерживает.',
    ],
  },
};
