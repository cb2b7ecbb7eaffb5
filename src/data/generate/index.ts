/** The seeded sample-data generator (see data/sample/README.md). Re-exports only. */
export { generateSample } from "./generate-sample.js";
export { writeSample, type WrittenFile } from "./write-sample.js";
export { SAMPLE_DEFAULTS } from "./defaults.js";
export type {
  CampaignRates,
  GeneratedSample,
  GenerateSampleOptions,
  PlantedModelParams,
  SalesChannel,
  SampleCampaignContacts,
  SampleCustomers,
  SampleLatent,
  SampleServiceEvents,
  SampleTransactions,
  SampleTruth,
  ServiceEffect,
} from "./types.js";
