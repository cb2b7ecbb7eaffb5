/**
 * Customer and channel value: lifetime sales, gross margin contribution, discounts, freight and
 * handling, average selling price, returns, cost to serve, net contribution, the profitability
 * (whale) curve and Pareto/ABC classes. See `src/value/README.md` for the rules.
 *
 * @example
 * import { customerValue, valueByGroup } from "./value/index.js";
 */
export type {
  ValueSums, ValueRates, ValueTotals, ServiceCostKey, ServiceCostTable, WhalePoint, WhaleCurve,
  AbcClass, AbcClassSummary, CustomerValueColumns, GroupValueColumns, GroupValue, CustomerValueResult,
} from "./types.js";
export { DEFAULT_SERVICE_COSTS, SERVICE_COST_KEYS, serviceCostTable } from "./lines/service-cost-table.js";
export { loadServiceCostTableFile } from "./lines/load-service-cost-table.js";
export { lineCostOfGoods, type LineCostOfGoods } from "./lines/line-cost-of-goods.js";
export { lineValues, type LineValues } from "./lines/line-values.js";
export { orderCodes, type OrderCodes } from "./lines/order-codes.js";
export { lineCostToServe, type LineCostToServe } from "./lines/line-cost-to-serve.js";
export { sumValueByKey, valueTotals, type ValueSumColumns } from "./sum-value-by-key.js";
export { prepareValue, type ValueOptions, type PreparedValue } from "./value-options.js";
export { rankOrder } from "./rank-order.js";
export { whaleCurve } from "./whale-curve.js";
export { abcClasses, type AbcThresholds } from "./abc-classes.js";
export { valueByGroup, groupValueOf } from "./value-by-group.js";
export { customerValue } from "./customer-value.js";
export { customerValueToCsv, groupValueToCsv } from "./value-to-csv.js";
