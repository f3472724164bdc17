/**
 * Units of measure as news copy writes them ("12 kilometres", "about 6 miles", "491 litres per
 * square metre", "120 km/h", "19 inches") read into one base unit per dimension, so readings in
 * different units compare after conversion.
 *
 * The conversions come from js-quantities, a long-kept unit library that parses compound units
 * and works out their dimension ("L/m^2" is a length: one litre per square metre is one
 * millimetre of rain). convert-units was the other candidate; it knows only a fixed list of
 * abbreviations per measure and cannot compose them. What is ours is the vocabulary: the words
 * and symbols reporters use, mapped to the library's unit names. Pure.
 */
import Qty from "js-quantities";

/** Written form (folded: lower case, no trailing period) → js-quantities unit. Longest match wins. */
const WORDS: Record<string, string> = {
  // length
  km: "km",
  kms: "km",
  kilometre: "km",
  kilometres: "km",
  kilometer: "km",
  kilometers: "km",
  metre: "m",
  metres: "m",
  meter: "m",
  meters: "m",
  cm: "cm",
  centimetre: "cm",
  centimetres: "cm",
  centimeter: "cm",
  centimeters: "cm",
  mm: "mm",
  millimetre: "mm",
  millimetres: "mm",
  millimeter: "mm",
  millimeters: "mm",
  mile: "mi",
  miles: "mi",
  mi: "mi",
  "nautical mile": "nmi",
  "nautical miles": "nmi",
  ft: "ft",
  foot: "ft",
  feet: "ft",
  yard: "yd",
  yards: "yd",
  inch: "in",
  inches: "in",
  // area
  "square kilometre": "km^2",
  "square kilometres": "km^2",
  "square kilometer": "km^2",
  "square kilometers": "km^2",
  "sq km": "km^2",
  "km²": "km^2",
  km2: "km^2",
  "square metre": "m^2",
  "square metres": "m^2",
  "square meter": "m^2",
  "square meters": "m^2",
  "sq m": "m^2",
  "m²": "m^2",
  m2: "m^2",
  "square mile": "mi^2",
  "square miles": "mi^2",
  "sq mi": "mi^2",
  hectare: "hectare",
  hectares: "hectare",
  ha: "hectare",
  acre: "acre",
  acres: "acre",
  // volume, and rain as volume per area (a length)
  litre: "L",
  litres: "L",
  liter: "L",
  liters: "L",
  "cubic metre": "m^3",
  "cubic metres": "m^3",
  "cubic meter": "m^3",
  "cubic meters": "m^3",
  "m³": "m^3",
  gallon: "gal",
  gallons: "gal",
  "litres per square metre": "L/m^2",
  "litres of rain per square metre": "L/m^2",
  "litres of water per square metre": "L/m^2",
  "liters per square meter": "L/m^2",
  "liters of rain per square meter": "L/m^2",
  "l/m²": "L/m^2",
  "l/m2": "L/m^2",
  "l/sq m": "L/m^2",
  // mass
  kg: "kg",
  kilogram: "kg",
  kilograms: "kg",
  kilo: "kg",
  kilos: "kg",
  gram: "g",
  grams: "g",
  tonne: "tonne",
  tonnes: "tonne",
  "metric ton": "tonne",
  "metric tons": "tonne",
  // A ton unqualified is the US short ton, as US copy converts it ("200,000 tons (181,000 tonnes)").
  ton: "ton",
  tons: "ton",
  lb: "lb",
  lbs: "lb",
  // speed
  "km/h": "kph",
  kph: "kph",
  kmh: "kph",
  "kilometres per hour": "kph",
  "kilometres an hour": "kph",
  "kilometers per hour": "kph",
  "kilometers an hour": "kph",
  mph: "mph",
  "miles per hour": "mph",
  "miles an hour": "mph",
  knot: "knot",
  knots: "knot",
  "m/s": "m/s",
  "metres per second": "m/s",
  "meters per second": "m/s",
  // temperature (affine: converted separately)
  "°c": "tempC",
  ºc: "tempC",
  "degrees celsius": "tempC",
  "degrees c": "tempC",
  celsius: "tempC",
  "°f": "tempF",
  ºf: "tempF",
  "degrees fahrenheit": "tempF",
  "degrees f": "tempF",
  fahrenheit: "tempF",
  // energy and power
  kwh: "kWh",
  mwh: "MWh",
  gwh: "GWh",
  twh: "TWh",
  kw: "kW",
  kilowatt: "kW",
  kilowatts: "kW",
  mw: "MW",
  megawatt: "MW",
  megawatts: "MW",
  gw: "GW",
  gigawatt: "GW",
  gigawatts: "GW",
  // duration
  second: "s",
  seconds: "s",
  minute: "min",
  minutes: "min",
  hour: "h",
  hours: "h",
  hrs: "h",
  day: "day",
  days: "day",
  week: "week",
  weeks: "week",
};

const PHRASES = Object.keys(WORDS).sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const UNIT_RE = new RegExp(`^\\s*(?:-\\s*)?(${PHRASES.map(escape).join("|")})(?![\\p{L}\\p{N}])\\.?`, "iu");

/** The base unit each dimension is compared in, as shown in explanations. */
const BASE_LABEL: Record<string, string> = {
  length: "m",
  area: "m²",
  volume: "m³",
  mass: "kg",
  speed: "m/s",
  temperature: "K",
  energy: "J",
  power: "W",
  time: "s",
};

export type UnitReading = {
  /** The unit as js-quantities names it ("km", "L/m^2", "tempC"). */
  unit: string;
  /** What it measures: "length", "area", "speed", "temperature"... */
  dimension: string;
  /** How many characters of the input the unit took. */
  length: number;
};

/** The unit of measure at the start of `text` ("kilometres (7.5 miles)" → km), or null. */
export function readUnit(text: string): UnitReading | null {
  // "104F (40C)": a capital F or C written against the figure is a temperature, as weather reports write it.
  const glued = /^([FC])(?![\p{L}\p{N}])/u.exec(text);
  if (glued) return { unit: glued[1] === "F" ? "tempF" : "tempC", dimension: "temperature", length: 1 };
  const m = text.match(UNIT_RE);
  if (!m) return null;
  const unit = WORDS[m[1]!.toLowerCase()];
  if (!unit) return null;
  const dimension = dimensionOf(unit);
  return dimension ? { unit, dimension, length: m[0].length } : null;
}

const dimensions = new Map<string, string | null>();

function dimensionOf(unit: string): string | null {
  if (!dimensions.has(unit)) {
    let kind: string | null = null;
    try {
      kind = unit.startsWith("temp") ? "temperature" : Qty(`1 ${unit}`).kind();
    } catch {
      kind = null;
    }
    dimensions.set(unit, kind);
  }
  return dimensions.get(unit)!;
}

/** A figure in the unit → the dimension's base unit (kelvin for temperatures). */
export function toBase(n: number, unit: string): number {
  if (unit === "tempC") return n + 273.15;
  if (unit === "tempF") return ((n - 32) * 5) / 9 + 273.15;
  return Qty(n, unit).toBase().scalar;
}

/** A base-unit figure back in the unit (for explanations: "12 km = 7.5 mi"). */
export function fromBase(n: number, unit: string): number {
  if (unit === "tempC") return n - 273.15;
  if (unit === "tempF") return ((n - 273.15) * 9) / 5 + 32;
  return n / Qty(1, unit).toBase().scalar;
}

/** A short label for a unit, as explanations write it ("mi", "mm", "°C"). */
export function unitLabel(unit: string): string {
  return { tempC: "°C", tempF: "°F", "L/m^2": "l/m²", "km^2": "km²", "m^2": "m²", "mi^2": "sq mi", "m^3": "m³", kph: "km/h" }[unit] ?? unit;
}

export const baseLabel = (dimension: string) => BASE_LABEL[dimension] ?? "base units";
