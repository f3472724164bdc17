/**
 * Evaluation corpus: the UK general election of 4 July 2024, election night and its count, four
 * articles over three days (exit poll at 10pm on Thursday, running counts on Friday, the last
 * declaration on Saturday), annotated as an analyst would. Seats, majorities and vote shares are
 * recorded on the party; turnout on the election. An exit-poll projection carries
 * `method: "exit poll projection"`; a count still running says so in `note`. See
 * tests/corpus/README.md.
 */
import type { DemoClaim, DemoEntity } from "@/seed/annotations.ts";

/** The analyst set the investigation to London's zone (BST, UTC+1, in July). */
export const TIME_ZONE = "Europe/London";

export const ENTITIES: DemoEntity[] = [
  { name: "UK general election of 2024", kind: "event", aliases: ["general election"] },
  { name: "UK general election of 2019", kind: "event" },
  { name: "UK general election of 2001", kind: "event" },
  { name: "Labour Party", kind: "organization", aliases: ["Labour"] },
  { name: "Conservative Party", kind: "organization", aliases: ["Conservatives", "Tories"] },
  { name: "Liberal Democrats", kind: "organization", aliases: ["Lib Dems"] },
  { name: "Reform UK", kind: "organization", aliases: ["Reform"] },
  { name: "Scottish National Party", kind: "organization", aliases: ["SNP"] },
  { name: "Keir Starmer", kind: "person", aliases: ["Starmer"] },
  { name: "Rishi Sunak", kind: "person", aliases: ["Sunak"] },
  { name: "Tony Blair", kind: "person" },
  { name: "Ipsos", kind: "organization" },
];

const LAB = "Labour Party";
const CON = "Conservative Party";
const LD = "Liberal Democrats";
const REF = "Reform UK";
const SNP = "Scottish National Party";
const GE = "UK general election of 2024";
const SEATS = "Seats won, 2024 general election";
const CHANGE = "Seat change since 2019";
const MAJORITY = "Commons majority";
const SHARE = "Vote share, 2024 general election";
const TURNOUT = "Turnout";
const EXIT_POLL = "exit poll projection";
const RUNNING = "Running count: not every seat had declared.";

export const CLAIMS: Record<string, DemoClaim[]> = {
  "001_northgate-wire.txt": [
    {
      quote: "projects Labour to win 410 of the 650 seats",
      subject: LAB,
      attribute: SEATS,
      value: "410",
      method: EXIT_POLL,
      accordingTo: "Ipsos",
    },
    { quote: "a majority of 170", subject: LAB, attribute: MAJORITY, value: "170", method: EXIT_POLL, accordingTo: "Ipsos" },
    {
      quote: "the 179 Tony Blair won in 1997",
      subject: LAB,
      attribute: "Commons majority, 1997 general election",
      value: "179",
    },
    { quote: "forecast to fall to 131 seats", subject: CON, attribute: SEATS, value: "131", method: EXIT_POLL, accordingTo: "Ipsos" },
    {
      quote: "The Liberal Democrats are projected to win 61",
      subject: LD,
      attribute: SEATS,
      value: "61",
      method: EXIT_POLL,
      accordingTo: "Ipsos",
    },
    {
      quote: "the Scottish National Party 10",
      subject: SNP,
      as: "Scottish National Party",
      attribute: SEATS,
      value: "10",
      method: EXIT_POLL,
      accordingTo: "Ipsos",
    },
    { quote: "Nigel Farage's Reform UK 13", subject: REF, attribute: SEATS, value: "13", method: EXIT_POLL, accordingTo: "Ipsos" },
    {
      quote: "more than 130 polling stations",
      subject: "Ipsos",
      attribute: "Polling stations sampled by the exit poll",
      value: "more than 130",
    },
  ],
  "002_fenland-courier.txt": [
    { quote: "better than the exit poll's 410 seats", subject: LAB, attribute: SEATS, value: "410", method: EXIT_POLL },
    {
      quote: "a majority of around 170",
      subject: LAB,
      attribute: MAJORITY,
      value: "around 170",
      asOf: "5 July 2024, 7am",
      note: RUNNING,
    },
    { quote: "the exit poll's forecast of 131 seats", subject: CON, attribute: SEATS, value: "131", method: EXIT_POLL },
    {
      quote: "Reform UK had won four seats",
      subject: REF,
      attribute: SEATS,
      value: "four",
      asOf: "5 July 2024, 7am",
      note: RUNNING,
    },
    { quote: "turnout stood at 59.8%", subject: GE, attribute: TURNOUT, value: "59.8%", note: "With 630 of the 650 results declared." },
    {
      quote: "against 67.3% at the previous general election in 2019",
      subject: "UK general election of 2019",
      attribute: TURNOUT,
      value: "67.3%",
    },
  ],
  "003_lowland-times.txt": [
    { quote: "Labour had won 411 seats", subject: LAB, attribute: SEATS, value: "411", note: RUNNING },
    { quote: "63.7 per cent of the Commons", subject: LAB, attribute: "Share of Commons seats", value: "63.7 per cent", note: RUNNING },
    { quote: "a vote share of only 33.8 per cent", subject: LAB, attribute: SHARE, value: "33.8 per cent" },
    { quote: "412 for Labour", subject: LAB, attribute: SEATS, value: "412", note: "Two seats still to declare." },
    { quote: "121 for the Conservatives", subject: CON, attribute: SEATS, value: "121", note: "Two seats still to declare." },
    {
      quote: "put the likely majority at 176",
      subject: LAB,
      attribute: MAJORITY,
      value: "176",
      accordingTo: "John Curtice",
      note: "A projection with two seats still to declare.",
    },
    { quote: "The Liberal Democrats had 71 seats", subject: LD, attribute: SEATS, value: "71", note: RUNNING },
    { quote: "The Conservatives lost 250 seats", subject: CON, attribute: CHANGE, value: "-250", note: RUNNING },
    { quote: "from 43.6% in 2019", subject: CON, attribute: "Vote share, 2019 general election", value: "43.6%" },
    { quote: "to 23.7%", subject: CON, attribute: SHARE, value: "23.7%" },
    { quote: "Reform UK took more than 14 per cent of the vote", subject: REF, attribute: SHARE, value: "more than 14 per cent" },
    { quote: "turnout was 59.8%", subject: GE, attribute: TURNOUT, value: "59.8%", note: "After 649 of the 650 results." },
    {
      quote: "down more than seven percentage points on 2019",
      subject: GE,
      attribute: "Turnout change since 2019",
      value: "down more than seven percentage points",
    },
  ],
  "004_estuary-review.txt": [
    { quote: "Labour has 412 seats", subject: LAB, attribute: SEATS, value: "412" },
    { quote: "a gain of 211 on 2019", subject: LAB, attribute: CHANGE, value: "+211" },
    { quote: "a Commons majority of 174", subject: LAB, attribute: MAJORITY, value: "174" },
    { quote: "The Conservatives finished on 121 seats", subject: CON, attribute: SEATS, value: "121" },
    { quote: "down 251", subject: CON, attribute: CHANGE, value: "-251" },
    { quote: "The Liberal Democrats won 72 seats", subject: LD, attribute: SEATS, value: "72" },
    { quote: "up 64", subject: LD, attribute: CHANGE, value: "+64" },
    { quote: "The SNP fell to 9 seats", subject: SNP, as: "SNP", attribute: SEATS, value: "9" },
    { quote: "down 39", subject: SNP, as: "SNP", attribute: CHANGE, value: "-39" },
    { quote: "Reform UK ended with 5 seats", subject: REF, attribute: SEATS, value: "5" },
    { quote: "on 14 percent of the vote", subject: REF, attribute: SHARE, value: "14 percent" },
    { quote: "Labour won about 34% of the votes cast", subject: LAB, attribute: SHARE, value: "about 34%" },
    { quote: "turnout was 59.9%", subject: GE, attribute: TURNOUT, value: "59.9%" },
    { quote: "when it was 59.4%", subject: "UK general election of 2001", attribute: TURNOUT, value: "59.4%" },
    {
      quote: "The New York Times put participation at about 60 percent",
      subject: GE,
      attribute: TURNOUT,
      value: "about 60 percent",
      accordingTo: "The New York Times",
    },
    {
      quote: "the Conservatives lost 215 seats",
      subject: CON,
      attribute: CHANGE,
      value: "-215",
      note: "The article's own correction: the wrong figure it had printed (an invented error, see README).",
    },
    { quote: "They lost 251", subject: CON, attribute: CHANGE, value: "-251" },
  ],
};
