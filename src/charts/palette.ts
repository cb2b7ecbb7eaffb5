import type { ColourRole } from "./chart-spec.js";

/**
 * The chart palette: the Okabe-Ito colours, distinguishable with the common colour-vision
 * deficiencies and in greyscale print. `primary` is the default bar colour.
 *
 * @example
 * PALETTE.primary; // "#0072B2"
 * @throws never
 */
export const PALETTE = Object.freeze({
  primary: "#0072B2",
  accent: "#E69F00",
  positive: "#009E73",
  highlight: "#D55E00",
  sky: "#56B4E9",
  purple: "#CC79A7",
  yellow: "#F0E442",
  text: "#1F2933",
  grid: "#E4E7EB",
  background: "#FFFFFF",
  /** Colour order for multi-trace charts. */
  colorway: Object.freeze(["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442"]),
});

/**
 * Sequential colour scale for counts (light to dark blue; monotone in lightness so it reads in
 * greyscale and for colour-blind readers), as `[position 0..1, colour]` stops: the scale of
 * heatmap marks with `colourScale: "sequential"`.
 *
 * @example
 * SEQUENTIAL_SCALE[0]; // [0, "#F7FBFF"]
 * @throws never
 */
export const SEQUENTIAL_SCALE: readonly (readonly [number, string])[] = Object.freeze([
  Object.freeze([0, "#F7FBFF"] as const),
  Object.freeze([0.25, "#C6DBEF"] as const),
  Object.freeze([0.5, "#6BAED6"] as const),
  Object.freeze([0.75, "#2171B5"] as const),
  Object.freeze([1, "#08306B"] as const),
]);

/** Grey of guide lines (e.g. the end of the calibration period). */
const GUIDE_GREY = "#9AA5B1";

/**
 * The theme's colour of a colour role (see `ColourRole`), as `#RRGGBB`: primary #0072B2,
 * secondary #E69F00, positive #009E73, highlight #D55E00, muted #56B4E9, guide #9AA5B1, ink
 * #1F2933, and `{ series: n }` the n-th colour of `PALETTE.colorway` (cycling). Both renderers
 * (Plotly and Excel) draw with it.
 *
 * @param role - the role
 * @returns the colour, `#RRGGBB`
 * @throws never
 * @example
 * roleColour("secondary");     // "#E69F00"
 * roleColour({ series: 8 });   // "#E69F00" (8 mod 7 = 1)
 */
export function roleColour(role: ColourRole): string {
  if (typeof role === "object") {
    const n = PALETTE.colorway.length;
    return PALETTE.colorway[((Math.trunc(role.series) % n) + n) % n]!;
  }
  switch (role) {
    case "primary": return PALETTE.primary;
    case "secondary": return PALETTE.accent;
    case "positive": return PALETTE.positive;
    case "highlight": return PALETTE.highlight;
    case "muted": return PALETTE.sky;
    case "guide": return GUIDE_GREY;
    case "ink": return PALETTE.text;
  }
}
