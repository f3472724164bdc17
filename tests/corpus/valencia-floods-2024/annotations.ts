/**
 * Evaluation corpus: the October 2024 Valencia floods (DANA), eight articles over six days,
 * annotated as an analyst would. Quotes are found in the article bodies, never offsets. Names
 * are kept as the sources give them: "Oscar Puente" and "Óscar Puente" are separate entities on
 * purpose, so that naming has something to find. See tests/corpus/README.md.
 */
import type { DemoClaim, DemoEntity } from "@/seed/annotations.ts";

/** The analyst set the investigation to Spain's zone: "local time" in these reports is Valencia's. */
export const TIME_ZONE = "Europe/Madrid";

export const ENTITIES: DemoEntity[] = [
  { name: "Valencia flood of 2024", kind: "event", aliases: ["DANA"] },
  { name: "Valencia flood of 1957", kind: "event", aliases: ["Turia flood of 1957"] },
  { name: "Letur", kind: "place" },
  { name: "Chiva", kind: "place" },
  { name: "Turís", kind: "place" },
  { name: "Paiporta", kind: "place" },
  { name: "Bonaire shopping centre", kind: "place", aliases: ["Bonaire"] },
  { name: "Valencia emergency phone alert", kind: "event", aliases: ["ES-Alert"] },
  { name: "British man who died in Andalusia", kind: "person" },
  { name: "Woman swept away in Letur", kind: "person" },
  { name: "Oscar Puente", kind: "person" },
  { name: "Óscar Puente", kind: "person" },
  { name: "King Felipe VI", kind: "person", aliases: ["Felipe VI"] },
  { name: "Aemet", kind: "organization", aliases: ["State Meteorological Agency"] },
  { name: "Avamet", kind: "organization", aliases: ["Valencian Association of Meteorology"] },
  // Places as an analyst would file them, so that a town and its region are granularity, not a contradiction.
  { name: "Andalusia", kind: "place" },
  { name: "Málaga province", kind: "place", partOf: "Andalusia" },
  { name: "Alhaurín de la Torre", kind: "place", partOf: "Málaga province" },
];

const TOLL = "Valencia flood of 2024";

export const CLAIMS: Record<string, DemoClaim[]> = {
  "001_harbour-wire.txt": [
    { quote: "At least 51 people have died", subject: TOLL, attribute: "Death toll", value: "At least 51" },
    {
      quote: "six people were reported missing",
      subject: "Letur",
      attribute: "People missing",
      value: "six",
      note: "In the village of Letur, Albacete province.",
    },
    {
      quote: "nearly 500 litres of rain per square metre",
      subject: "Chiva",
      as: "the area around Chiva",
      attribute: "Rainfall on 29 October",
      accordingTo: "Aemet",
    },
    { quote: "rain on Tuesday", subject: TOLL, attribute: "Date", value: "Tuesday", kind: "date" },
  ],
  "002_continental-daily.txt": [
    {
      quote: "put the count at 73",
      subject: TOLL,
      attribute: "Death toll",
      value: "73",
      asOf: "30 October 2024, mid-afternoon",
      note: "By mid-afternoon on Wednesday, according to a central government official.",
    },
    {
      quote: "by late evening it stood at 95",
      subject: TOLL,
      attribute: "Death toll",
      value: "95",
      asOf: "30 October 2024, late evening",
      note: "Late evening on Wednesday.",
    },
    {
      quote: "8:12pm on Tuesday",
      subject: "Valencia emergency phone alert",
      attribute: "Time sent",
      value: "8:12pm on Tuesday",
    },
    {
      quote: "five people still missing",
      subject: "Letur",
      attribute: "People missing",
      value: "five",
      note: "A woman's body had been found in Letur the same day.",
    },
    {
      quote: "rescued in Alhaurín de la Torre, near Málaga",
      subject: "British man who died in Andalusia",
      as: "A 71-year-old British man",
      attribute: "Place of death",
      value: "Alhaurín de la Torre, near Málaga",
      kind: "text",
    },
  ],
  "003_rhine-post.txt": [
    {
      quote: "a British national was killed in Andalusia",
      subject: "British man who died in Andalusia",
      as: "a British national",
      attribute: "Place of death",
      value: "Andalusia",
      kind: "text",
    },
    { quote: "with about 40 victims", subject: "Paiporta", attribute: "Deaths", value: "about 40" },
  ],
  "004_aegean-courier.txt": [
    { quote: "Tuesday, 30 October", subject: TOLL, attribute: "Date", kind: "date" },
    { quote: "climbed to 158 on Thursday evening", subject: TOLL, attribute: "Death toll", value: "158" },
    {
      quote: "Transport Minister Oscar Puente",
      subject: "Oscar Puente",
      attribute: "Role",
      value: "Transport Minister",
      kind: "text",
    },
    {
      quote: "491 litres per square metre fell in just eight hours",
      subject: "Chiva",
      attribute: "Rainfall on 29 October",
      value: "491 litres per square metre",
      accordingTo: "Aemet",
    },
    {
      quote: "491 millimetres, or more than 19 inches",
      subject: "Chiva",
      attribute: "Rainfall on 29 October",
      note: "The article's own conversion of the Aemet figure.",
    },
  ],
  "005_levant-ledger.txt": [
    { quote: "in a generation to 205", subject: TOLL, attribute: "Death toll", value: "205" },
    {
      quote: "at least 62 people died",
      subject: "Paiporta",
      attribute: "Deaths",
      value: "at least 62",
      note: "According to the mayor, Maribel Albalat.",
    },
    {
      quote: "gave the toll in Paiporta as 52",
      subject: "Paiporta",
      attribute: "Deaths",
      value: "52",
      note: "The article's correction: an earlier version said 52; the mayor's figure is 62.",
    },
    {
      quote: "sent at 1911 GMT on Tuesday",
      subject: "Valencia emergency phone alert",
      attribute: "Time sent",
      value: "1911 GMT on Tuesday",
    },
  ],
  "006_atlantic-dispatch.txt": [
    { quote: "reached 211 on Saturday", subject: TOLL, attribute: "Death toll", value: "211" },
    {
      quote: "recorded 618.0 litres per square metre on 29 October",
      subject: "Turís",
      attribute: "Rainfall on 29 October",
      value: "618.0 litres per square metre",
      accordingTo: "Aemet",
      note: "Its Turís station.",
    },
    {
      quote: "640.8 litres at its Canyapar observatory",
      subject: "Turís",
      attribute: "Rainfall on 29 October",
      value: "640.8 litres per square metre",
      // The article elides "per square metre", as Spanish rain reports do; the analyst writes the unit out.
      accordingTo: "Avamet",
      note: "Canyapar observatory, its own network.",
    },
    {
      quote: "which has 5,700 parking spaces",
      subject: "Bonaire shopping centre",
      attribute: "Parking spaces",
      value: "5,700",
    },
  ],
  "007_northern-herald.txt": [
    {
      quote: "rises to 214",
      subject: TOLL,
      attribute: "Death toll",
      value: "214",
      note: "The article's standfirst; its body gives 217.",
    },
    { quote: "which have now killed 217 people", subject: TOLL, attribute: "Death toll", value: "217" },
    {
      quote: "a woman in her sixties",
      subject: "Woman swept away in Letur",
      attribute: "Age",
      value: "in her sixties",
      kind: "text",
    },
    {
      quote: "12 kilometres (7.5 miles)",
      subject: "Woman swept away in Letur",
      attribute: "Distance carried by the water",
    },
    {
      quote: "which has 5,400 spaces",
      subject: "Bonaire shopping centre",
      attribute: "Parking spaces",
      value: "5,400",
      note: "Just under half of them below ground.",
    },
    {
      quote: "the transport minister, Óscar Puente",
      subject: "Óscar Puente",
      attribute: "Role",
      value: "transport minister",
      kind: "text",
    },
    {
      quote: "on Sunday as they walked through Paiporta",
      subject: "King Felipe VI",
      attribute: "Date of visit to Paiporta",
      value: "Sunday",
      kind: "date",
    },
  ],
  "008_lusitania-report.txt": [
    {
      quote: "The official toll has risen to 219",
      subject: TOLL,
      attribute: "Death toll",
      value: "219",
      asOf: "2024-11-05",
      note: "From the update note of 5 November.",
    },
    {
      quote: "The toll stood at 217 on Monday",
      subject: TOLL,
      attribute: "Death toll",
      value: "217",
      asOf: "Monday",
    },
    {
      quote: "The underground level holds about 2,500 vehicles",
      subject: "Bonaire shopping centre",
      as: "The underground level",
      attribute: "Parking spaces",
      value: "about 2,500 vehicles",
      appliesToPart: "underground level",
      note: "The underground level only, not the whole car park.",
    },
    {
      quote: "in her seventies",
      subject: "Woman swept away in Letur",
      attribute: "Age",
      kind: "text",
    },
    {
      quote: "about seven miles",
      subject: "Woman swept away in Letur",
      attribute: "Distance carried by the water",
    },
    {
      quote: "Sunday's royal visit to Paiporta",
      subject: "King Felipe VI",
      attribute: "Date of visit to Paiporta",
      value: "Sunday",
      kind: "date",
    },
    {
      quote: "20:11 local time (19:11 GMT) last Tuesday",
      subject: "Valencia emergency phone alert",
      attribute: "Time sent",
      value: "20:11 local time (19:11 GMT)",
    },
    { quote: "the scenes of 29 October", subject: TOLL, attribute: "Date", value: "29 October", kind: "date" },
    {
      quote: "on 13 and 14 October that year",
      subject: "Valencia flood of 1957",
      as: "the Turia flood of 1957",
      attribute: "Date",
      value: "13 and 14 October 1957",
      kind: "date",
    },
  ],
};
