/**
 * Evaluation corpus: Elon Musk's bid for Twitter, 14 April – 13 May 2022, nine articles,
 * annotated as an analyst would. Quotes are found in the article bodies, never offsets.
 * "Alwaleed bin Talal" and "Al Waleed bin Talal" are separate entities on purpose, so that
 * naming has something to find. See tests/corpus/README.md.
 */
import type { DemoClaim, DemoEntity } from "@/seed/annotations.ts";

/** The analyst set the investigation to New York's zone: the markets these reports follow. */
export const TIME_ZONE = "America/New_York";

export const ENTITIES: DemoEntity[] = [
  { name: "Musk's takeover of Twitter", kind: "event", aliases: ["the Twitter deal"] },
  { name: "Twitter", kind: "organization", aliases: ["Twitter Inc"] },
  { name: "Elon Musk", kind: "person", aliases: ["Musk"] },
  { name: "Tesla", kind: "organization", aliases: ["Tesla Inc", "TSLA"] },
  { name: "Larry Ellison", kind: "person", aliases: ["Ellison"] },
  { name: "Alwaleed bin Talal", kind: "person", aliases: ["Prince Alwaleed"] },
  { name: "Al Waleed bin Talal", kind: "person" },
  { name: "Bret Taylor", kind: "person" },
  { name: "Sequoia Capital", kind: "organization" },
];

const DEAL = "Musk's takeover of Twitter";

export const CLAIMS: Record<string, DemoClaim[]> = {
  "001_market-ticker.txt": [
    { quote: "$54.20 per share in cash", subject: DEAL, attribute: "Price per share", value: "$54.20" },
    { quote: "about $43B", subject: DEAL, attribute: "Deal value", asOf: "2022-04-14" },
    {
      quote: "up 12% in premarket trading",
      subject: "Twitter",
      attribute: "Premarket share move after the offer",
      value: "up 12%",
      asOf: "2022-04-14",
    },
    {
      quote: "an 18% premium over Twitter's closing price on Wednesday",
      subject: DEAL,
      attribute: "Offer premium",
      value: "18%",
      method: "over the close of 13 April",
      note: "Over the close of 13 April ($45.85).",
    },
    {
      quote: "a 38% premium over the close on April 1",
      subject: DEAL,
      attribute: "Offer premium",
      value: "38%",
      method: "over the close of 1 April",
      note: "Over the close of 1 April, the day before the stake became public.",
    },
    {
      quote: "a 54% premium over the day before he began buying shares",
      subject: DEAL,
      attribute: "Offer premium",
      value: "54%",
      method: "over the close of 28 January",
      note: "Over the close of 28 January.",
    },
    { quote: "a 9.2% stake", subject: "Elon Musk", attribute: "Stake in Twitter", value: "9.2%" },
    {
      quote: "Twitter chairman Bret Taylor",
      subject: "Bret Taylor",
      attribute: "Role",
      value: "Twitter chairman",
      kind: "text",
    },
  ],
  "002_bay-chronicle.txt": [
    {
      quote: "leaped 18 per cent in premarket trading",
      subject: "Twitter",
      as: "Twitter's shares",
      attribute: "Premarket share move after the offer",
      value: "18 per cent",
      asOf: "2022-04-14",
    },
    {
      quote: "a stake of about 9 per cent",
      subject: "Elon Musk",
      attribute: "Stake in Twitter",
      value: "about 9 per cent",
    },
  ],
  "003_ledger-street.txt": [
    {
      quote: "a $12.5 billion margin loan",
      subject: DEAL,
      attribute: "Margin loan against Tesla stock",
      value: "$12.5 billion",
    },
    {
      quote: "$21 billion would be equity",
      subject: DEAL,
      attribute: "Equity financing",
      value: "$21 billion",
    },
    { quote: "a 9.1% stake", subject: "Elon Musk", attribute: "Stake in Twitter", value: "9.1%" },
  ],
  "004_evening-standardbearer.txt": [{ quote: "about $44 billion", subject: DEAL, attribute: "Deal value", asOf: "2022-04-25" }],
  "005_signal-review.txt": [
    {
      quote: "revenue of $1.2 billion",
      subject: "Twitter",
      attribute: "Revenue, first quarter of 2022",
      value: "$1.2 billion",
    },
    {
      quote: "up 16% from a year earlier",
      subject: "Twitter",
      attribute: "Revenue growth, first quarter of 2022",
      value: "16%",
    },
    {
      quote: "said revenue rose 61%",
      subject: "Twitter",
      attribute: "Revenue growth, first quarter of 2022",
      value: "61%",
      note: "The article's correction: an earlier version said 61%; revenue rose 16%.",
    },
  ],
  "006_wire-atlantique.txt": [
    {
      quote: "about $8.4 billion worth of shares in Tesla",
      subject: "Elon Musk",
      attribute: "Tesla stock sold after the deal (value)",
      value: "about $8.4 billion",
    },
    {
      quote: "about 9.6 million Tesla shares",
      subject: "Elon Musk",
      attribute: "Tesla stock sold after the deal (shares)",
      value: "about 9.6 million",
      asOf: "2022-04-29",
    },
    {
      quote: "on Tuesday, Wednesday and Thursday",
      subject: "Elon Musk",
      attribute: "Days of the Tesla share sales",
      value: "Tuesday, Wednesday and Thursday",
      kind: "list",
    },
    {
      quote: "about 4.4 million shares",
      subject: "Elon Musk",
      attribute: "Tesla stock sold after the deal (shares)",
      value: "about 4.4 million",
      asOf: "2022-04-28",
      note: "From the filings published on Thursday night.",
    },
    {
      quote: "on Tuesday and Wednesday alone",
      subject: "Elon Musk",
      attribute: "Days of the Tesla share sales",
      value: "Tuesday and Wednesday",
      kind: "list",
      asOf: "2022-04-28",
    },
    {
      quote: "a $1 billion termination fee",
      subject: DEAL,
      attribute: "Termination fee",
      value: "$1 billion",
    },
    {
      quote: "rose 4.4% to $916.30 on Friday morning",
      subject: "Tesla",
      attribute: "Share move on 29 April 2022",
      value: "4.4%",
      note: "Friday morning, per AFP; the price was $916.30.",
    },
    {
      quote: "3.7% at 9:37 a.m. New York time (1337 GMT)",
      subject: "Tesla",
      attribute: "Share move on 29 April 2022",
      value: "3.7%",
      note: "At 9:37 a.m. New York time (13:37 GMT), per Reuters.",
    },
  ],
  "007_capital-post.txt": [
    {
      quote: "more than $7.1 billion",
      subject: DEAL,
      attribute: "Co-investor commitments",
      value: "more than $7.1 billion",
    },
    { quote: "from 19 investors", subject: DEAL, attribute: "Number of co-investors", value: "19" },
    {
      quote: "$1 billion through his trust",
      subject: "Larry Ellison",
      attribute: "Commitment to the Twitter deal",
      value: "$1 billion",
    },
    {
      quote: "Qatar Holding, Brookfield and Fidelity",
      subject: DEAL,
      attribute: "Co-investors",
      kind: "list",
      note: "Named as also on the list; not the whole list.",
    },
    {
      quote: "worth $1.9 billion",
      subject: "Alwaleed bin Talal",
      as: "Saudi Prince Alwaleed bin Talal",
      attribute: "Value of Twitter stake rolled into the deal",
      value: "$1.9 billion",
    },
  ],
  "008_subcontinent-business.txt": [
    { quote: "among 18 investors", subject: DEAL, attribute: "Number of co-investors", value: "18" },
    {
      quote: "the $44 million bid",
      subject: DEAL,
      attribute: "Deal value",
      value: "$44 million",
    },
    {
      quote: "raise $7.14 billion",
      subject: DEAL,
      attribute: "Co-investor commitments",
      value: "$7.14 billion",
    },
    {
      quote: "Binance, venture firm Sequoia Capital and asset managers Brookfield and Fidelity",
      subject: DEAL,
      attribute: "Co-investors",
      value: "Binance, Sequoia Capital, Brookfield, Fidelity",
      kind: "list",
      note: "“Among 18 investors”: not the whole list.",
    },
    {
      quote: "the margin loan taken from a group of lenders to $6.25 billion",
      subject: DEAL,
      attribute: "Margin loan against Tesla stock",
      value: "$6.25 billion",
    },
    {
      quote: "increased his equity financing to $27.25 billion",
      subject: DEAL,
      attribute: "Equity financing",
      value: "$27.25 billion",
    },
    {
      quote: "worth $1.89 billion",
      subject: "Al Waleed bin Talal",
      as: "Saudi prince Al Waleed bin Talal",
      attribute: "Value of Twitter stake rolled into the deal",
      value: "$1.89 billion",
    },
    {
      quote: "about $8.5 billion worth of Tesla shares",
      subject: "Elon Musk",
      attribute: "Tesla stock sold after the deal (value)",
      value: "about $8.5 billion",
    },
  ],
  "009_morning-bell.txt": [
    {
      quote: "fell 11% in premarket trading",
      subject: "Twitter",
      attribute: "Premarket share move after the deal was put on hold",
      value: "down 11%",
      asOf: "2022-05-13",
    },
    {
      quote: "down as much as 25%",
      subject: "Twitter",
      attribute: "Premarket share move after the deal was put on hold",
      value: "down as much as 25%",
      asOf: "2022-05-13",
    },
    {
      quote: "the drop at 17%",
      subject: "Twitter",
      attribute: "Premarket share move after the deal was put on hold",
      value: "down 17%",
      asOf: "2022-05-13",
    },
  ],
};
