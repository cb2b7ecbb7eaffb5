export type { BasketLevel, Baskets, FrequentItemset, AssociationRule, RuleMetric } from "./basket-types.js";
export { basketsFromTransactions, type BasketOptions } from "./baskets-from-transactions.js";
export { basketsFromLists } from "./baskets-from-lists.js";
export { fpGrowth, type FpGrowthOptions } from "./fp-growth.js";
export { associationRules, type AssociationRuleOptions } from "./association-rules.js";
export { nextBestProducts, type NextBestOptions, type NextBestProducts } from "./next-best-products.js";
export { basketAnalysis, type BasketAnalysis, type BasketAnalysisOptions } from "./basket-analysis.js";
