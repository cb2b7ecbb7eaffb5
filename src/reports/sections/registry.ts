import { dataQualitySpec } from "./data-quality.js";
import { customerSummarySpec } from "./customer-summary.js";
import { customerValueSpec } from "./customer-value.js";
import { rfmSegmentsSpec } from "./rfm-segments.js";
import { customerClustersSpec } from "./customer-clusters.js";
import { segmentMigrationSpec } from "./segment-migration.js";
import { lifetimeValueSpec } from "./lifetime-value.js";
import { propensitySpec } from "./propensity.js";
import { cohortsRetentionSpec } from "./cohorts-retention.js";
import { crossSellSpec } from "./cross-sell.js";
import { campaignsSpec } from "./campaigns.js";
import { serviceImpactSpec } from "./service-impact.js";
import type { ReportSectionSpec } from "./section-spec.js";

/**
 * The report's sections, in report order: one entry per analysis, under the one name it has
 * everywhere (`crm report --sections`, the report's section id, the Excel sheet, JSON). The
 * report builder, `runReportAnalyses`, `crm report --sections` and its help, the cover and the
 * assumptions all loop over this list. To add a section: one new file in this folder that
 * exports its {@link ReportSectionSpec} (see `defineReportSection`), and one line here; or,
 * from outside the package, pass `registry: [...REPORT_SECTIONS, mySection]`.
 *
 * @example
 * REPORT_SECTIONS.map((s) => s.id);
 * // ["data-quality", "customer-summary", "customer-value", "rfm-segments", "customer-clusters", "segment-migration",
 * //  "lifetime-value", "propensity", "cohorts-retention", "cross-sell", "campaigns", "service-impact"]
 */
export const REPORT_SECTIONS: readonly ReportSectionSpec[] = Object.freeze([
  dataQualitySpec,
  customerSummarySpec,
  customerValueSpec,
  rfmSegmentsSpec,
  customerClustersSpec,
  segmentMigrationSpec,
  lifetimeValueSpec,
  propensitySpec,
  cohortsRetentionSpec,
  crossSellSpec,
  campaignsSpec,
  serviceImpactSpec,
]);
