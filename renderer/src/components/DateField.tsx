import { parseDate, type CalendarDate } from '@internationalized/date';
import { useContext, useLayoutEffect, useRef, type FocusEvent, type ReactNode } from 'react';
import {
  Button as AriaButton,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateFieldStateContext,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
  Text,
  type DateFieldState,
  type DateSegmentProps,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import './date-field.css';

export interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD, or '' for no date. */
  value?: string;
  onChange?: (value: string) => void;
  onBlur?: (event: FocusEvent) => void;
  description?: ReactNode;
  errorMessage?: string | undefined;
  name?: string | undefined;
  isDisabled?: boolean;
  isRequired?: boolean;
  isReadOnly?: boolean;
  autoFocus?: boolean;
}

/**
 * The locale a date is typed in: the app's language, never the browser's — British English
 * (day first, as the app writes dates: "7 Nov 2026") or Russian. people/format.ts's
 * dateLocale makes the same choice for dates shown.
 */
export function dateInputLocale(language: string): string {
  return language === 'ru' ? 'ru-RU' : 'en-GB';
}

/** '2026-03-31' → the calendar date; anything else (empty, half typed) → no date. */
function calendarDateOf(value: string | undefined): CalendarDate | null {
  if (!value) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/** A two-digit year as people type it ("26") → the nearest century's: 2026, or 1998 for "98". */
export function fullYear(year: number, today: Date = new Date()): number {
  if (year >= 100) return year;
  const century = Math.floor(today.getFullYear() / 100) * 100;
  return century + year > today.getFullYear() + 20 ? century - 100 + year : century + year;
}

/** Some segments typed, others not: a date the field cannot give. */
function isPartial(state: DateFieldState): boolean {
  const editable = state.segments.filter((segment) => segment.isEditable);
  const typed = editable.filter((segment) => !segment.isPlaceholder).length;
  return typed > 0 && typed < editable.length;
}

/**
 * A calendar date as YYYY-MM-DD — the vault's format — typed in segments (day, month, year in
 * the order of the app's language, each one a spin button: digits or arrow keys) or picked
 * from a calendar. The year takes four digits at most; a two-digit year ("26") becomes 2026
 * when the field is left. Empty means no date (''). A date left half typed is cleared when
 * the field is left, so what the field shows is always what the form holds.
 */
export function DateField({
  label,
  value,
  onChange,
  onBlur,
  description,
  errorMessage,
  name,
  isDisabled,
  isRequired,
  isReadOnly,
  autoFocus,
}: DateFieldProps) {
  const { i18n } = useTranslation();
  const fieldState = useRef<DateFieldState | null>(null);
  const leave = (event: FocusEvent) => {
    const state = fieldState.current;
    const date = calendarDateOf(value);
    if (state && isPartial(state)) {
      state.setValue(null);
      if (value) onChange?.('');
    } else if (date && date.year < 100) {
      onChange?.(date.set({ year: fullYear(date.year) }).toString());
    }
    onBlur?.(event);
  };
  return (
    <I18nProvider locale={dateInputLocale(i18n.language)}>
      <DatePicker<CalendarDate>
        className="field date-field"
        value={calendarDateOf(value)}
        onChange={(date) => {
          onChange?.(date ? date.toString() : '');
        }}
        onBlur={leave}
        name={name}
        granularity="day"
        shouldForceLeadingZeros
        isDisabled={isDisabled}
        isRequired={isRequired}
        isReadOnly={isReadOnly}
        autoFocus={autoFocus}
        isInvalid={errorMessage ? true : undefined}
        validationBehavior="aria"
      >
        <Label className="field__label">{label}</Label>
        <Group className="field__control date-field__control">
          <DateInput className="field__input date-field__input">
            {(segment) => (
              <Segment segment={segment} className="date-field__segment" stateRef={fieldState} />
            )}
          </DateInput>
          {/* Named by react-aria in the app's language ("Calendar", "Календарь") and the label. */}
          <AriaButton className="date-field__button">
            <CalendarIcon />
          </AriaButton>
        </Group>
        {description ? (
          <Text slot="description" className="field__description">
            {description}
          </Text>
        ) : null}
        <FieldError className="field__error">{errorMessage}</FieldError>
        <Popover className="popover date-field__popover" placement="bottom start">
          <Dialog className="date-field__dialog">
            <Calendar className="calendar">
              <header className="calendar__header">
                <AriaButton slot="previous" className="calendar__nav">
                  <span aria-hidden="true">‹</span>
                </AriaButton>
                <Heading className="calendar__heading" />
                <AriaButton slot="next" className="calendar__nav">
                  <span aria-hidden="true">›</span>
                </AriaButton>
              </header>
              <CalendarGrid className="calendar__grid">
                {(date) => <CalendarCell date={date} className="calendar__cell" />}
              </CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}

/** A segment that also hands the field's state to DateField (to tell a half-typed date). */
function Segment({
  stateRef,
  ...props
}: DateSegmentProps & { stateRef: { current: DateFieldState | null } }) {
  const state = useContext(DateFieldStateContext);
  useLayoutEffect(() => {
    stateRef.current = state;
  });
  return <DateSegment {...props} />;
}

function CalendarIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}
