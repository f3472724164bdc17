/**
 * Evaluation corpus: Nvidia's results for the third quarter of its fiscal 2025 (the three months
 * to 27 October 2024), reported after the bell on 20 November 2024, five articles over two days,
 * annotated as an analyst would. Quotes are found in the article bodies, never offsets. See
 * tests/corpus/README.md.
 */
import type { DemoClaim, DemoEntity } from "@/seed/annotations.ts";

/** The analyst set the investigation to New York's zone: the market these reports follow. */
export const TIME_ZONE = "America/New_York";

export const ENTITIES: DemoEntity[] = [
  { name: "Nvidia", kind: "organization", aliases: ["Nvidia Corp", "NVDA"] },
  { name: "Jensen Huang", kind: "person", aliases: ["Huang"] },
  { name: "Colette Kress", kind: "person", aliases: ["Kress"] },
  { name: "Blackwell", kind: "product" },
  { name: "Hopper", kind: "product" },
  { name: "LSEG", kind: "organization" },
  { name: "FactSet", kind: "organization" },
];

const N = "Nvidia";
const REVENUE = "Revenue, third quarter of fiscal 2025";
const GROWTH = "Revenue growth, third quarter of fiscal 2025";
const EPS = "Earnings per share, third quarter of fiscal 2025";
const NET = "Net income, third quarter of fiscal 2025";
const DATA_CENTER = "Data-center revenue, third quarter of fiscal 2025";
const GAMING = "Gaming revenue, third quarter of fiscal 2025";
const GAMING_GROWTH = "Gaming revenue growth, third quarter of fiscal 2025";
const REVENUE_EXPECTED = "Revenue expected by analysts, third quarter of fiscal 2025";
const EPS_EXPECTED = "Adjusted earnings per share expected by analysts, third quarter of fiscal 2025";
const DATA_CENTER_EXPECTED = "Data-center revenue expected by analysts, third quarter of fiscal 2025";
const FORECAST = "Revenue forecast, fourth quarter of fiscal 2025";
const FORECAST_EXPECTED = "Revenue expected by analysts, fourth quarter of fiscal 2025";
const QUARTER_END = "End of the third quarter of fiscal 2025";
const AFTER_HOURS = "After-hours share move on 20 November 2024";
const SESSION_20 = "Share move on 20 November 2024";
const SESSION_21 = "Share move on 21 November 2024";
const YEAR_GAIN = "Share price gain in 2024";
const YEAR_ON_YEAR = "over the same quarter a year earlier";
const QUARTER_ON_QUARTER = "over the previous quarter";

export const CLAIMS: Record<string, DemoClaim[]> = {
  "001_silicon-desk.txt": [
    { quote: "came to $35.08 billion", subject: N, attribute: REVENUE, value: "$35.08 billion" },
    {
      quote: "the $33.16 billion that analysts polled by LSEG had expected",
      subject: N,
      attribute: REVENUE_EXPECTED,
      value: "$33.16 billion",
      accordingTo: "LSEG",
    },
    { quote: "Adjusted earnings were 81 cents a share", subject: N, attribute: EPS, value: "81 cents", method: "adjusted" },
    { quote: "the LSEG consensus was 75 cents", subject: N, attribute: EPS_EXPECTED, value: "75 cents", accordingTo: "LSEG" },
    { quote: "Sales rose 94% from a year earlier", subject: N, attribute: GROWTH, value: "94%", method: YEAR_ON_YEAR },
    { quote: "17% from the second quarter", subject: N, attribute: GROWTH, value: "17%", method: QUARTER_ON_QUARTER },
    { quote: "Net income was $19.3 billion", subject: N, attribute: NET, value: "$19.3 billion" },
    { quote: "or 78 cents a share", subject: N, attribute: EPS, value: "78 cents", method: "GAAP" },
    {
      quote: "compared with $9.24 billion",
      subject: N,
      attribute: "Net income, third quarter of fiscal 2024",
      value: "$9.24 billion",
    },
    {
      quote: "or 67 cents a share",
      subject: N,
      attribute: "Earnings per share, third quarter of fiscal 2024",
      value: "67 cents",
      method: "GAAP",
      note: "As the stored CNBC copy prints it; the company's own figure, after the June 2024 ten-for-one split, is $0.37.",
    },
    { quote: "brought in $30.8 billion", subject: N, attribute: DATA_CENTER, value: "$30.8 billion" },
    {
      quote: "had pencilled in $28.82 billion",
      subject: N,
      attribute: DATA_CENTER_EXPECTED,
      value: "$28.82 billion",
      accordingTo: "StreetAccount",
    },
    {
      quote: "revenue of about $37.5 billion, plus or minus 2%",
      subject: N,
      attribute: FORECAST,
      value: "about $37.5 billion",
      note: "Plus or minus 2%.",
    },
    {
      quote: "had been looking for $37.08 billion",
      subject: N,
      attribute: FORECAST_EXPECTED,
      value: "$37.08 billion",
      accordingTo: "LSEG",
    },
    { quote: "fell 2% in extended trading", subject: N, attribute: AFTER_HOURS, value: "down 2%", asOf: "2024-11-20" },
    { quote: "the three months ended Oct. 27", subject: N, attribute: QUARTER_END, value: "Oct. 27" },
    { quote: "nearly tripled this year", subject: N, attribute: YEAR_GAIN, value: "nearly tripled", kind: "text" },
    {
      quote: "Chief financial officer Colette Kress",
      subject: "Colette Kress",
      attribute: "Role",
      value: "Chief financial officer",
      kind: "text",
    },
  ],
  "002_quayside-courier.txt": [
    { quote: "earned $19.31 billion in its third quarter", subject: N, attribute: NET, value: "$19.31 billion" },
    {
      quote: "the $9.24 billion it made in the same period a year before",
      subject: N,
      attribute: "Net income, third quarter of fiscal 2024",
      value: "$9.24 billion",
    },
    { quote: "took in $35.08 billion in revenue", subject: N, attribute: REVENUE, value: "$35.08 billion" },
    { quote: "the three months through October 27", subject: N, attribute: QUARTER_END, value: "October 27" },
    {
      quote: "adjusted earnings of 75 cents a share",
      subject: N,
      attribute: EPS_EXPECTED,
      value: "75 cents",
      accordingTo: "FactSet",
    },
    { quote: "revenue of $33.17 billion", subject: N, attribute: REVENUE_EXPECTED, value: "$33.17 billion", accordingTo: "FactSet" },
    { quote: "Nvidia's adjusted figure came in at 81 cents", subject: N, attribute: EPS, value: "81 cents", method: "adjusted" },
    { quote: "Data center revenue reached $30.8 billion", subject: N, attribute: DATA_CENTER, value: "$30.8 billion" },
    {
      quote: "up 112% from a year earlier",
      subject: N,
      attribute: "Data-center revenue growth, third quarter of fiscal 2025",
      value: "112%",
      method: YEAR_ON_YEAR,
    },
    { quote: "brought in $3.3 billion", subject: N, attribute: GAMING, value: "$3.3 billion" },
    { quote: "a 15% increase on the year before", subject: N, attribute: GAMING_GROWTH, value: "15%", method: YEAR_ON_YEAR },
    {
      quote: "slipped about 1% in after-hours trading",
      subject: N,
      attribute: AFTER_HOURS,
      value: "down about 1%",
      asOf: "2024-11-20",
    },
    { quote: "risen 195% since the start of the year", subject: N, attribute: YEAR_GAIN, value: "195%" },
  ],
  "003_straits-morning.txt": [
    {
      quote: "revenue of US$37.5 billion, plus or minus 2 per cent",
      subject: N,
      attribute: FORECAST,
      value: "US$37.5 billion",
      note: "Plus or minus 2 per cent.",
    },
    {
      quote: "an average analyst estimate of US$37.09 billion compiled by LSEG",
      subject: N,
      attribute: FORECAST_EXPECTED,
      value: "US$37.09 billion",
      accordingTo: "LSEG",
    },
    {
      quote: "fell roughly 2 per cent in extended trade",
      subject: N,
      attribute: AFTER_HOURS,
      value: "down roughly 2 per cent",
      asOf: "2024-11-20",
    },
    {
      quote: "ended the regular session 0.8 per cent lower",
      subject: N,
      attribute: SESSION_20,
      value: "0.8 per cent lower",
      asOf: "2024-11-20",
    },
    {
      quote: "slow to roughly 69.5 per cent",
      subject: N,
      attribute: "Revenue growth forecast, fourth quarter of fiscal 2025",
      value: "roughly 69.5 per cent",
      method: YEAR_ON_YEAR,
    },
    { quote: "from 94 per cent in the third quarter", subject: N, attribute: GROWTH, value: "94 per cent", method: YEAR_ON_YEAR },
    { quote: "81 US cents a share", subject: N, attribute: EPS, value: "81 US cents", method: "adjusted" },
    { quote: "ahead of estimates of 75 cents", subject: N, attribute: EPS_EXPECTED, value: "75 cents" },
    { quote: "nearly quadrupled this year", subject: N, attribute: YEAR_GAIN, value: "nearly quadrupled", kind: "text" },
    {
      quote: "closing at a market value of US$3.65 trillion",
      subject: N,
      attribute: "Market value",
      value: "US$3.65 trillion",
      asOf: "2024-11-07",
    },
    { quote: "Chief executive Jensen Huang", subject: "Jensen Huang", attribute: "Role", value: "Chief executive", kind: "text" },
  ],
  "004_exchange-floor.txt": [
    {
      quote: "jumped 4.8% in the first two minutes of trading",
      subject: N,
      attribute: SESSION_21,
      value: "up 4.8%",
      note: "In the first two minutes after the open (9:30 a.m. New York time).",
    },
    {
      quote: "an all-time high of $152.89",
      subject: N,
      attribute: "Share price high on 21 November 2024",
      value: "$152.89",
    },
    {
      quote: "by mid-morning were down more than 1%",
      subject: N,
      attribute: SESSION_21,
      value: "down more than 1%",
      note: "Mid-morning.",
    },
    {
      quote: "closed Wednesday's regular session down 0.75%",
      subject: N,
      attribute: SESSION_20,
      value: "down 0.75%",
      asOf: "2024-11-20",
    },
    {
      quote: "dropped 3.47% in after-hours trading as soon as they were out",
      subject: N,
      attribute: AFTER_HOURS,
      value: "down 3.47%",
      asOf: "2024-11-20",
      note: "Straight after the release.",
    },
    {
      quote: "down 1.2% later in the evening",
      subject: N,
      attribute: AFTER_HOURS,
      value: "down 1.2%",
      asOf: "2024-11-20",
      note: "Later in the evening.",
    },
    { quote: "Revenue of $35.1 billion", subject: N, attribute: REVENUE, value: "$35.1 billion" },
    { quote: "up 17% on the previous quarter", subject: N, attribute: GROWTH, value: "17%", method: QUARTER_ON_QUARTER },
    {
      quote: "the previous quarter's $30 billion",
      subject: N,
      attribute: "Revenue, second quarter of fiscal 2025",
      value: "$30 billion",
    },
    { quote: "Net income was $19.3 billion", subject: N, attribute: NET, value: "$19.3 billion" },
    { quote: "$0.78 per share", subject: N, attribute: EPS, value: "$0.78", method: "GAAP" },
    {
      quote: "against $0.37 a year earlier",
      subject: N,
      attribute: "Earnings per share, third quarter of fiscal 2024",
      value: "$0.37",
      method: "GAAP",
      note: "After the ten-for-one split of June 2024.",
    },
    { quote: "Adjusted earnings of $0.81 per share", subject: N, attribute: EPS, value: "$0.81", method: "adjusted" },
    { quote: "a consensus of $0.74", subject: N, attribute: EPS_EXPECTED, value: "$0.74" },
    { quote: "a consensus of $33.25 billion", subject: N, attribute: REVENUE_EXPECTED, value: "$33.25 billion" },
    { quote: "Gaming revenue of $3.3 billion", subject: N, attribute: GAMING, value: "$3.3 billion" },
    {
      quote: "14% higher than in the second quarter",
      subject: N,
      attribute: GAMING_GROWTH,
      value: "14%",
      method: QUARTER_ON_QUARTER,
    },
    {
      quote: "fourth-quarter revenue of $37.5 billion, plus or minus 2%",
      subject: N,
      attribute: FORECAST,
      value: "$37.5 billion",
      note: "Plus or minus 2%.",
    },
    {
      quote: "the FactSet consensus of $37.09 billion",
      subject: N,
      attribute: FORECAST_EXPECTED,
      value: "$37.09 billion",
      accordingTo: "FactSet",
    },
  ],
  "005_thames-money.txt": [
    { quote: "more than doubled to $0.81", subject: N, attribute: EPS, value: "$0.81", method: "adjusted" },
    { quote: "forecasts of $0.75", subject: N, attribute: EPS_EXPECTED, value: "$0.75" },
    { quote: "rose 94% year-on-year", subject: N, attribute: GROWTH, value: "94%", method: YEAR_ON_YEAR },
    { quote: "to $35.08bn", subject: N, attribute: REVENUE, value: "$35.08bn" },
    { quote: "estimates of $33.16bn", subject: N, attribute: REVENUE_EXPECTED, value: "$33.16bn" },
    { quote: "ended on 27 October", subject: N, attribute: QUARTER_END, value: "27 October" },
    { quote: "made $30.8bn", subject: N, attribute: DATA_CENTER, value: "$30.8bn" },
    { quote: "the $29.1bn analysts had expected", subject: N, attribute: DATA_CENTER_EXPECTED, value: "$29.1bn" },
    { quote: "worth about $3.5 trillion", subject: N, attribute: "Market value", value: "about $3.5 trillion", asOf: "2024-11-20" },
    {
      quote: "gave $0.81 as Nvidia's earnings per share under generally accepted accounting principles",
      subject: N,
      attribute: EPS,
      value: "$0.81",
      method: "GAAP",
      note: "The article's correction: an earlier version gave the adjusted $0.81 as GAAP earnings; GAAP earnings were $0.78.",
    },
    { quote: "on a GAAP basis the company earned $0.78 a share", subject: N, attribute: EPS, value: "$0.78", method: "GAAP" },
  ],
};
