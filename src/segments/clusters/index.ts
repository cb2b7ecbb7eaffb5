/** k-means customer clusters: re-exports only (merged into segments/index.ts later). */
export { standardizeFeatures, signedLog1p, CLUSTER_FEATURE_NAMES, DEFAULT_CLUSTER_FEATURES, DEFAULT_LOG_FEATURES, type ClusterFeature, type StandardizedFeatures } from "./standardize-features.js";
export { kmeans, type KmeansOptions, type KmeansResult } from "./kmeans.js";
export { kmeansPlusPlus, squaredDistance } from "./kmeans-plus-plus.js";
export { kmeansLloyd, type LloydRun } from "./kmeans-lloyd.js";
export { silhouetteScore, type SilhouetteOptions, type SilhouetteScore } from "./silhouette-score.js";
export { clusterKChoice, type KChoice, type KChoiceRow } from "./cluster-k-choice.js";
export { clusterNames, type ClusterTraits } from "./cluster-names.js";
export { clusterProfiles, type ClusterProfile, type ProfileColumns } from "./cluster-profiles.js";
export { clusterCustomers, DEFAULT_CLUSTER_SAMPLE, type ClusterCustomersOptions, type ClusterResult } from "./cluster-customers.js";
export { assignToCentres, type CentreAssignment } from "./assign-to-centres.js";
export { clusterRandIndex } from "./cluster-rand-index.js";
