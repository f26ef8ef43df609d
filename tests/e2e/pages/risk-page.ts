import type { Locator } from 'playwright-core';
import type { RiskFactor, RiskLevel } from '../../../shared/risk.ts';
import { PageObject } from './page-object.ts';

/** The person page's risk section, its guided form and plan, and the Risk dashboard. */
export class RiskPage extends PageObject {
  // The person page -----------------------------------------------------------------------

  section() {
    return this.page.getByRole('region', { name: this.t('ui.riskAssessment.title') });
  }

  /** The level at a glance in the person page's header: "Risk: High". */
  badge(level: RiskLevel) {
    return this.page.getByText(
      this.t('ui.riskAssessment.badge.label', { level: this.levelWord(level) }),
      { exact: true },
    );
  }

  action(key: 'assess' | 'reassess' | 'correct') {
    return this.section().getByRole('button', {
      name: this.t(`ui.riskAssessment.section.${key}`),
      exact: true,
    });
  }

  history() {
    return this.section().getByRole('list', { name: this.t('ui.riskAssessment.history.title') });
  }

  form() {
    return this.page.getByRole('dialog');
  }

  stepHeading(step: 1 | 2 | 3) {
    const name = (['factors', 'consent', 'review'] as const)[step - 1];
    return this.form().getByRole('heading', {
      name: this.t('ui.riskAssessment.form.step', {
        step,
        name: this.t(`ui.riskAssessment.form.stepNames.${name}`),
      }),
    });
  }

  /** Scores a factor by clicking its visible label (react-aria hides the radio input). */
  async score(factor: RiskFactor, score: number) {
    await this.form()
      .getByRole('radiogroup', { name: this.t(`ui.domain.riskFactor.${factor}`) })
      .getByText(String(score), { exact: true })
      .click();
  }

  formButton(key: 'next' | 'back' | 'save' | 'saveCorrection') {
    return this.form().getByRole('button', {
      name: this.t(`ui.riskAssessment.form.${key}`),
      exact: true,
    });
  }

  field(label: string, scope: Locator | null = null) {
    return (scope ?? this.form()).getByLabel(label, { exact: true });
  }

  levelWord(level: RiskLevel) {
    return this.t(`ui.domain.riskLevel.${level}`);
  }

  // The dashboard ---------------------------------------------------------------------------

  heatMapSection() {
    return this.page.getByRole('region', { name: this.t('ui.riskDashboard.heatMap.title') });
  }

  /** A heat-map cell, by the name the chart and the table give it. */
  cell(likelihood: number, impact: number, level: RiskLevel, count: number, language: string) {
    return this.heatMapSection().getByRole('button', {
      name: this.t('ui.riskDashboard.heatMap.cell', {
        likelihood,
        impact,
        level: this.levelWord(level).toLocaleLowerCase(language),
        count,
      }),
      exact: true,
    });
  }

  async showHeatMapAs(view: 'chart' | 'table') {
    await this.heatMapSection()
      .getByRole('radiogroup', { name: this.t('ui.riskDashboard.heatMap.view') })
      .getByText(this.t(`ui.riskDashboard.heatMap.${view}`), { exact: true })
      .click();
  }

  reviewsDue() {
    return this.page.getByRole('table', { name: this.t('ui.riskDashboard.reviews.title') });
  }

  reminder() {
    return this.page.getByRole('status').filter({
      has: this.page.getByRole('button', { name: this.t('ui.riskDashboard.reminder.later') }),
    });
  }
}
