/**
 * Every feature's stylesheet, in one place and in a fixed order. The build emits a single
 * stylesheet (vite.config.ts: cssCodeSplit off) whose order is the order the CSS is imported.
 * App imports this first, and main.tsx imports the global styles (styles/*.css) after App, so
 * the features' rules come before the global ones, as they did when the whole renderer was one
 * chunk. Were each left to its lazily loaded area, it would land after the global rules and
 * win every tie of specificity with them: the note form, the audit trail, the share key and
 * the agency and partner headers would all look different.
 *
 * A new stylesheet goes here too (tests/integration/build.test.ts checks that none is missing).
 * Importing it costs nothing at start: all CSS is in the one file index.html links anyway.
 */
import '../features/backups/backups.css';
import '../components/date-field.css';
import '../features/people/person-pick.css';
import '../features/notes/notes.css';
import '../features/risk-dashboard/risk-dashboard.css';
import '../features/search/search.css';
import '../features/agencies/agencies.css';
import '../features/agencies/org-table.css';
import '../features/audit/audit.css';
import '../features/import/import.css';
import '../features/map/map.css';
import '../features/risk-assessment/risk-assessment.css';
import '../features/disclosures/disclosures.css';
import '../features/partners/partners.css';
import '../features/people/duplicate-warning.css';
import '../features/people/people.css';
import '../features/pipeline/pipeline.css';
import '../features/share-review/share-review.css';
import '../features/shares/shares.css';
import '../features/shell/shell.css';
