import type { Key } from 'react-aria-components';
import {
  Button as AriaButton,
  Dialog,
  DialogTrigger,
  ListBox,
  ListBoxItem,
  Popover,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A filter with several choices: a button saying what is chosen, opening a list where any
 * number of values can be ticked (Space or click); Escape closes it.
 */
export function MultiSelectFilter({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: readonly FilterOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useTranslation();
  const summary =
    selected.length === 0
      ? t('ui.common.filter.any')
      : selected.length === 1
        ? (options.find((option) => option.value === selected[0])?.label ?? selected[0])
        : t('ui.common.filter.selected', { count: selected.length });
  return (
    <DialogTrigger>
      <AriaButton className={`filter-button ${selected.length > 0 ? 'filter-button--active' : ''}`}>
        <span className="filter-button__label">{label}:</span>{' '}
        <span className="filter-button__value">{summary}</span>
        <span aria-hidden="true" className="select__chevron">
          ▾
        </span>
      </AriaButton>
      <Popover className="popover" placement="bottom start">
        <Dialog className="filter-dialog" aria-label={label}>
          {options.length === 0 ? (
            <p className="filter-dialog__empty">{t('ui.common.filter.noOptions')}</p>
          ) : (
            <ListBox
              aria-label={label}
              className="listbox"
              selectionMode="multiple"
              // Escape closes the list (and keeps the choice) rather than clearing it.
              escapeKeyBehavior="none"
              selectedKeys={new Set<Key>(selected)}
              onSelectionChange={(keys) => {
                onChange(
                  keys === 'all'
                    ? options.map((option) => option.value)
                    : [...keys].map((key) => String(key)),
                );
              }}
              items={options.map((option) => ({ ...option, id: option.value }))}
            >
              {(option) => (
                <ListBoxItem
                  id={option.value}
                  textValue={option.label}
                  className="listbox__item listbox__item--check"
                >
                  {({ isSelected }) => (
                    <>
                      <span className="tick" aria-hidden="true">
                        {isSelected ? '✓' : ''}
                      </span>
                      {option.label}
                    </>
                  )}
                </ListBoxItem>
              )}
            </ListBox>
          )}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
