/**
 * Held-out story of the evaluation corpus: the 6 February 2023 earthquakes in Turkey and Syria,
 * five articles over nine days, annotated as an analyst would. Kept aside from tuning: the
 * suggestion and detection engines are not to be shaped on it (see tests/corpus/README.md).
 * Quotes are found in the article bodies, never offsets.
 */
import type { DemoClaim, DemoEntity } from "@/seed/annotations.ts";

/** The analyst set the investigation to Turkey's zone: "local time" in these reports is Turkey's. */
export const TIME_ZONE = "Europe/Istanbul";

export const ENTITIES: DemoEntity[] = [
  { name: "Turkey–Syria earthquakes of 2023", kind: "event", aliases: ["Kahramanmaraş earthquakes"] },
  { name: "Pazarcık earthquake", kind: "event", aliases: ["first quake"] },
  { name: "Elbistan earthquake", kind: "event", aliases: ["second quake"] },
  { name: "Turkey", kind: "place" },
  { name: "Syria", kind: "place" },
  { name: "Recep Tayyip Erdoğan", kind: "person", aliases: ["Erdoğan"] },
  { name: "AFAD", kind: "organization", aliases: ["Disaster and Emergency Management Presidency"] },
  { name: "USGS", kind: "organization", aliases: ["US Geological Survey"] },
  { name: "EMSC", kind: "organization", aliases: ["European-Mediterranean Seismological Centre"] },
  { name: "World Bank", kind: "organization" },
  { name: "United States", kind: "place" },
  { name: "İzmit earthquake of 1999", kind: "event" },
  { name: "Tōhoku earthquake of 2011", kind: "event", aliases: ["Fukushima earthquake"] },
  { name: "Erzincan earthquake of 1939", kind: "event", aliases: ["Erzincan earthquake"] },
  { name: "Emine Akgül", kind: "person" },
];

const QUAKES = "Turkey–Syria earthquakes of 2023";
const FIRST = "Pazarcık earthquake";
const SECOND = "Elbistan earthquake";

export const CLAIMS: Record<string, DemoClaim[]> = {
  "001_anatolia-wire.txt": [
    { quote: "A magnitude 7.8 earthquake", subject: FIRST, attribute: "Magnitude", value: "magnitude 7.8", accordingTo: "USGS" },
    { quote: "at 04:17 local time (01:17 GMT)", subject: FIRST, attribute: "Time", value: "04:17 local time" },
    { quote: "at a depth of 18 km (11 miles)", subject: FIRST, attribute: "Depth", value: "18 km (11 miles)", accordingTo: "USGS" },
    {
      quote: "about 33 km from the city of Gaziantep",
      subject: FIRST,
      attribute: "Distance from Gaziantep",
      value: "about 33 km",
      accordingTo: "USGS",
    },
    { quote: "put its magnitude at 7.4", subject: FIRST, attribute: "Magnitude", value: "7.4", accordingTo: "AFAD" },
    { quote: "912 people had been killed", subject: "Turkey", attribute: "Death toll", value: "912", accordingTo: "Erdoğan" },
    { quote: "5,383 injured", subject: "Turkey", attribute: "Injured", value: "5,383", accordingTo: "Erdoğan" },
    { quote: "2,818 buildings had collapsed", subject: "Turkey", attribute: "Buildings collapsed", value: "2,818", accordingTo: "Erdoğan" },
    {
      quote: "more than 326 people had died",
      subject: "Syria",
      attribute: "Death toll",
      value: "more than 326",
      accordingTo: "Syrian health ministry",
      appliesToPart: "government-held areas",
    },
    {
      quote: "147 deaths in the rebel-held north-west",
      subject: "Syria",
      attribute: "Death toll",
      value: "147",
      accordingTo: "rescuers",
      appliesToPart: "rebel-held north-west",
    },
    { quote: "78 aftershocks", subject: FIRST, attribute: "Aftershocks", value: "78", accordingTo: "AFAD" },
  ],
  "002_cedar-evening.txt": [
    {
      quote: "measured the new quake at magnitude 7.5",
      subject: SECOND,
      attribute: "Magnitude",
      value: "magnitude 7.5",
      accordingTo: "USGS",
    },
    { quote: "at 1:24 pm local time", subject: SECOND, attribute: "Time", value: "1:24 pm local time" },
    { quote: "AFAD gave 7.6", subject: SECOND, attribute: "Magnitude", value: "7.6", accordingTo: "AFAD" },
    { quote: "Seismological Centre said 7.7", subject: SECOND, attribute: "Magnitude", value: "7.7", accordingTo: "EMSC" },
    { quote: "at a depth of two kilometres", subject: SECOND, attribute: "Depth", value: "two kilometres", accordingTo: "EMSC" },
    {
      quote: "some 95 kilometres (59 miles) north of the morning's quake",
      subject: SECOND,
      attribute: "Distance from the first quake",
      value: "some 95 kilometres (59 miles)",
    },
    {
      quote: "more than 1,400 people had been confirmed dead in Turkey",
      subject: "Turkey",
      attribute: "Death toll",
      value: "more than 1,400",
      accordingTo: "Erdoğan",
    },
    { quote: "at least 783 in Syria", subject: "Syria", attribute: "Death toll", value: "at least 783" },
    {
      quote: "23 kilometres east of Nurdağı",
      subject: FIRST,
      attribute: "Distance from Nurdağı",
      value: "23 kilometres",
      accordingTo: "USGS",
    },
    {
      quote: "at a depth of 24.1 kilometres (14.9 miles)",
      subject: FIRST,
      attribute: "Depth",
      value: "24.1 kilometres (14.9 miles)",
      accordingTo: "USGS",
      note: "The USGS's revised location of the first quake.",
    },
    { quote: "at least 120 aftershocks", subject: FIRST, attribute: "Aftershocks", value: "at least 120", accordingTo: "AFAD" },
    {
      quote: "43 of magnitude 4.3 or greater",
      subject: FIRST,
      attribute: "Aftershocks",
      value: "43",
      accordingTo: "USGS",
      method: "magnitude 4.3 or greater",
    },
    {
      quote: "killed more than 17,000 people",
      subject: "İzmit earthquake of 1999",
      as: "a tremor in the north-west of the country",
      attribute: "Death toll",
      value: "more than 17,000",
    },
  ],
  "003_marmara-herald.txt": [
    { quote: "The death toll topped 20,000", subject: QUAKES, attribute: "Death toll", value: "topped 20,000" },
    { quote: "risen to nearly 21,000", subject: QUAKES, attribute: "Death toll", value: "nearly 21,000", asOf: "9 February 2023, evening" },
    { quote: "over 17,600 in Turkey", subject: "Turkey", attribute: "Death toll", value: "over 17,600" },
    { quote: "more than 3,300 in Syria", subject: "Syria", attribute: "Death toll", value: "more than 3,300" },
    {
      quote: "the more than 18,400 people killed",
      subject: "Tōhoku earthquake of 2011",
      as: "the 2011 earthquake and tsunami off Fukushima",
      attribute: "Death toll",
      value: "more than 18,400",
    },
    { quote: "6,444 buildings had collapsed", subject: "Turkey", attribute: "Buildings collapsed", value: "6,444", accordingTo: "Erdoğan" },
    {
      quote: "more than 120,000 search and rescue personnel",
      subject: QUAKES,
      attribute: "Rescue workers",
      value: "more than 120,000",
      accordingTo: "AFAD",
    },
    { quote: "30,360 people had been evacuated", subject: QUAKES, attribute: "People evacuated", value: "30,360", accordingTo: "AFAD" },
    {
      quote: "home to 13.5 million people in Turkey",
      subject: QUAKES,
      attribute: "Population of the affected area",
      value: "13.5 million",
    },
    {
      quote: "approximately 110,000 square kilometres (about 42,471 square miles)",
      subject: QUAKES,
      attribute: "Area affected",
      accordingTo: "Fuat Oktay",
    },
    { quote: "as magnitude 7.7", subject: FIRST, attribute: "Magnitude", value: "magnitude 7.7", accordingTo: "AFAD" },
    { quote: "and 7.6", subject: SECOND, attribute: "Magnitude", value: "7.6", accordingTo: "AFAD" },
    { quote: "more than 70,000 people had been injured", subject: "Turkey", attribute: "Injured", value: "more than 70,000" },
  ],
  "004_gulf-ledger.txt": [
    { quote: "climbed past 22,000", subject: QUAKES, attribute: "Death toll", value: "past 22,000" },
    { quote: "provide $1.78 billion to Turkey", subject: "World Bank", attribute: "Aid pledged", value: "$1.78 billion" },
    { quote: "$780 million at once", subject: "World Bank", attribute: "Immediate aid", value: "$780 million" },
    { quote: "a further $1 billion", subject: "World Bank", attribute: "Further aid in preparation", value: "$1 billion" },
    { quote: "an initial $85 million", subject: "United States", attribute: "Aid pledged", value: "$85 million" },
    { quote: "the toll in Turkey had reached 18,991", subject: "Turkey", attribute: "Death toll", value: "18,991", accordingTo: "Erdoğan" },
    { quote: "3,384 people were killed", subject: "Syria", attribute: "Death toll", value: "3,384" },
  ],
  "005_steppe-journal.txt": [
    { quote: "More than 35,000 people have died in Turkey", subject: "Turkey", attribute: "Death toll", value: "More than 35,000" },
    { quote: "put the number of dead at 35,418", subject: "Turkey", attribute: "Death toll", value: "35,418", accordingTo: "Erdoğan" },
    { quote: "the number of injured at 105,505", subject: "Turkey", attribute: "Injured", value: "105,505", accordingTo: "Erdoğan" },
    {
      quote: "the roughly 33,000 killed",
      subject: "Erzincan earthquake of 1939",
      attribute: "Death toll",
      value: "roughly 33,000",
    },
    { quote: "Almost 3,700 deaths", subject: "Syria", attribute: "Death toll", value: "Almost 3,700" },
    { quote: "the combined toll above 39,000", subject: QUAKES, attribute: "Death toll", value: "above 39,000" },
    {
      quote: "more than 238,000 rescuers",
      subject: QUAKES,
      attribute: "Rescue workers",
      value: "more than 238,000",
      accordingTo: "UN humanitarian office",
      asOf: "13 February 2023",
    },
    { quote: "More than 200 hours", subject: "Emine Akgül", attribute: "Time under rubble", value: "More than 200 hours" },
    { quote: "about 13.5 million people", subject: QUAKES, attribute: "Population of the affected area", value: "about 13.5 million" },
  ],
};
