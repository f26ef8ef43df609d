/**
 * The domain's words (shared/domain.ts lists) in both languages: stages, spheres, kinds of
 * notes … Every feature labels these values from here, so a stage is called the same on the
 * list, the board, the map and the person page. Mounted under `ui.domain`.
 */
import type {
  CLOSED_REASONS,
  CONSENT_LEVELS,
  NOTE_KINDS,
  OFFER_KINDS,
  OFFER_STATUSES,
  PARTNER_KINDS,
  PARTNER_TRUST,
  REFORM_ORIENTATIONS,
  RELATIONSHIP_KINDS,
  SPHERES,
  STAGES,
  STANCES,
} from '../../../shared/domain.ts';
import type { RELATIONSHIP_ROLES } from '../../../shared/records.ts';
import { en } from '../../../shared/i18n/en.ts';
import { ru } from '../../../shared/i18n/ru.ts';
import { SPHERE_LABELS } from '../../../shared/i18n/spheres.ts';
import {
  PLAN_CONSIDERATIONS,
  RISK_FACTORS,
  type APPROACH_ROUTES,
  type MITIGATIONS,
  type PLAN_DECISIONS,
  type REVIEW_STATES,
  type RISK_LEVELS,
} from '../../../shared/risk.ts';

type Labels<T extends readonly string[]> = Record<T[number], string>;

/**
 * Labels already written as field names (shared/i18n: validation errors name the field), so
 * a risk factor is called the same in the form, the history and an error message.
 */
function labelsFrom<K extends keyof typeof en.fields>(
  fields: Record<K, string>,
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, fields[key]])) as Record<K, string>;
}

export interface DomainLabels {
  sphere: Labels<typeof SPHERES>;
  stage: Labels<typeof STAGES>;
  closedReason: Labels<typeof CLOSED_REASONS>;
  reformOrientation: Labels<typeof REFORM_ORIENTATIONS>;
  consent: Labels<typeof CONSENT_LEVELS>;
  relationshipKind: Labels<typeof RELATIONSHIP_KINDS>;
  /** What the other person is to the one whose page this is. */
  relationshipRole: Labels<typeof RELATIONSHIP_ROLES>;
  noteKind: Labels<typeof NOTE_KINDS>;
  stance: Labels<typeof STANCES>;
  offerKind: Labels<typeof OFFER_KINDS>;
  offerStatus: Labels<typeof OFFER_STATUSES>;
  partnerKind: Labels<typeof PARTNER_KINDS>;
  partnerTrust: Labels<typeof PARTNER_TRUST>;
  riskLevel: Labels<typeof RISK_LEVELS>;
  riskFactor: Labels<typeof RISK_FACTORS>;
  reviewState: Labels<typeof REVIEW_STATES>;
  mitigation: Labels<typeof MITIGATIONS>;
  approachRoute: Labels<typeof APPROACH_ROUTES>;
  planDecision: Labels<typeof PLAN_DECISIONS>;
  planConsideration: Labels<typeof PLAN_CONSIDERATIONS>;
}

export const domainEn: DomainLabels = {
  sphere: SPHERE_LABELS.en,
  stage: {
    watching: 'Watching',
    vetting: 'Vetting',
    approach_planned: 'Approach planned',
    in_contact: 'In contact',
    collaborating: 'Collaborating',
    partner: 'Partner',
    dormant: 'Dormant',
    moved_on: 'Moved on',
    closed: 'Closed',
  },
  closedReason: { cynic: 'Career-minded cynic', hostile: 'Hostile', unresponsive: 'Unresponsive' },
  reformOrientation: {
    reformer: 'Reformer',
    pragmatic: 'Pragmatic',
    unknown: 'Unknown',
    status_quo: 'Status quo',
    hostile: 'Hostile',
  },
  consent: {
    not_asked: 'Not asked',
    internal: 'Internal only',
    trusted_partners: 'Trusted partners',
    public: 'Public',
  },
  relationshipKind: {
    introduced_by: 'was introduced by',
    subordinate_of: 'is a subordinate of',
    superior_of: 'is a superior of',
    colleague: 'is a colleague of',
    knows: 'knows',
    influences: 'influences',
  },
  relationshipRole: {
    introducer: 'Introduced us',
    introduced: 'We were introduced through this person',
    superior: 'Superior',
    subordinate: 'Subordinate',
    colleague: 'Colleague',
    knows: 'Knows',
    influencer: 'Has influence on',
    influenced: 'Influenced by this person',
  },
  noteKind: {
    meeting: 'Meeting',
    seminar: 'Seminar or round table',
    conference: 'Conference',
    reception: 'Reception',
    letter_sent: 'Letter sent',
    letter_received: 'Letter received',
    call: 'Call',
    court_hearing: 'Court hearing attended',
    public_statement: 'Public statement observed',
    trip: 'Trip or internship',
    materials: 'Materials or translation provided',
    introduction: 'Introduction made',
  },
  stance: { supportive: 'Supportive', mixed: 'Mixed', neutral: 'Neutral', opposed: 'Opposed' },
  offerKind: {
    international_seminar: 'International seminar',
    domestic_seminar: 'Domestic seminar',
    internship: 'Internship',
    study_trip: 'Study trip',
    translation: 'Translation',
    training_materials: 'Training materials',
    introduction: 'Introduction',
    funding: 'Funding arranged',
    legal_support: 'Legal support',
  },
  offerStatus: {
    idea: 'Idea',
    proposed: 'Proposed',
    accepted: 'Accepted',
    done: 'Done',
    declined: 'Declined',
  },
  partnerKind: { international: 'International', domestic: 'Domestic' },
  partnerTrust: { high: 'High', medium: 'Medium', low: 'Low' },
  riskLevel: { low: 'Low', moderate: 'Moderate', high: 'High', critical: 'Critical' },
  riskFactor: labelsFrom(en.fields, RISK_FACTORS),
  reviewState: {
    current: 'Current',
    'due-soon': 'Review due soon',
    due: 'Review due today',
    overdue: 'Review overdue',
  },
  mitigation: {
    meet_privately: 'Meet privately',
    codename_only: 'Codename only',
    never_in_publications: 'Never in publications',
    secure_channel: 'Secure channel only',
  },
  approachRoute: {
    public_event: 'Introduction at a public event',
    letter_invitation: 'Letter with an invitation',
    through_subordinates: 'Through subordinates',
    through_superiors: 'Through superiors',
    introduction: 'Introduction by someone we know',
    other: 'Other',
  },
  planDecision: { undecided: 'Not decided', go: 'Go', hold: 'Hold' },
  planConsideration: labelsFrom(en.fields, PLAN_CONSIDERATIONS),
};

export const domainRu: DomainLabels = {
  sphere: SPHERE_LABELS.ru,
  stage: {
    watching: 'Наблюдаем',
    vetting: 'Проверяем',
    approach_planned: 'Подход спланирован',
    in_contact: 'На связи',
    collaborating: 'Сотрудничаем',
    partner: 'Партнёр',
    dormant: 'Пауза',
    moved_on: 'На новом месте',
    closed: 'Закрыто',
  },
  closedReason: {
    cynic: 'Карьерист-циник',
    hostile: 'Враждебная позиция',
    unresponsive: 'Не отвечает',
  },
  reformOrientation: {
    reformer: 'Реформатор',
    pragmatic: 'Прагматик',
    unknown: 'Неизвестно',
    status_quo: 'За статус-кво',
    hostile: 'Враждебная позиция',
  },
  consent: {
    not_asked: 'Не спрашивали',
    internal: 'Только внутри',
    trusted_partners: 'Доверенным партнёрам',
    public: 'Публично',
  },
  relationshipKind: {
    introduced_by: 'знакомство через',
    subordinate_of: 'подчинённый',
    superior_of: 'руководитель',
    colleague: 'коллега',
    knows: 'знакомство с',
    influences: 'влияет на',
  },
  relationshipRole: {
    introducer: 'Кто нас познакомил',
    introduced: 'Через этого человека мы познакомились',
    superior: 'Руководитель',
    subordinate: 'Подчинённый',
    colleague: 'Коллега',
    knows: 'Знакомые',
    influencer: 'Кто влияет на этого человека',
    influenced: 'Под влиянием этого человека',
  },
  noteKind: {
    meeting: 'Встреча',
    seminar: 'Семинар или круглый стол',
    conference: 'Конференция',
    reception: 'Приём',
    letter_sent: 'Письмо отправлено',
    letter_received: 'Письмо получено',
    call: 'Звонок',
    court_hearing: 'Посещение заседания',
    public_statement: 'Публичное заявление',
    trip: 'Поездка или стажировка',
    materials: 'Материалы или перевод',
    introduction: 'Знакомство',
  },
  stance: {
    supportive: 'Поддерживает',
    mixed: 'Неоднозначно',
    neutral: 'Нейтрально',
    opposed: 'Против',
  },
  offerKind: {
    international_seminar: 'Международный семинар',
    domestic_seminar: 'Семинар в стране',
    internship: 'Стажировка',
    study_trip: 'Учебная поездка',
    translation: 'Перевод',
    training_materials: 'Учебные материалы',
    introduction: 'Знакомство с коллегами',
    funding: 'Финансирование',
    legal_support: 'Юридическая помощь',
  },
  offerStatus: {
    idea: 'Идея',
    proposed: 'Предложено',
    accepted: 'Принято',
    done: 'Выполнено',
    declined: 'Отклонено',
  },
  partnerKind: { international: 'Международная', domestic: 'Местная' },
  partnerTrust: { high: 'Высокое', medium: 'Среднее', low: 'Низкое' },
  riskLevel: { low: 'Низкий', moderate: 'Умеренный', high: 'Высокий', critical: 'Критический' },
  riskFactor: labelsFrom(ru.fields, RISK_FACTORS),
  reviewState: {
    current: 'Актуальна',
    'due-soon': 'Скоро пересмотр',
    due: 'Пересмотр сегодня',
    overdue: 'Пересмотр просрочен',
  },
  mitigation: {
    meet_privately: 'Встречаться наедине',
    codename_only: 'Только кодовое имя',
    never_in_publications: 'Никогда в публикациях',
    secure_channel: 'Только защищённая связь',
  },
  approachRoute: {
    public_event: 'Знакомство на публичном мероприятии',
    letter_invitation: 'Письмо с приглашением',
    through_subordinates: 'Через подчинённых',
    through_superiors: 'Через руководство',
    introduction: 'Через знакомого',
    other: 'Другое',
  },
  planDecision: { undecided: 'Не решено', go: 'Начинать', hold: 'Отложить' },
  planConsideration: labelsFrom(ru.fields, PLAN_CONSIDERATIONS),
};
