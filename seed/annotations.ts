/**
 * The demo story's annotations, as an analyst would record them: every claim is a quote to
 * find in its article (never an offset), so the seed fails loudly if a quote is missing or
 * ambiguous. Names are deliberately left as the sources give them — "Michael" and "Emil
 * Michael" are separate entities, "Antropic" is a misspelt mention — so that the disagreements
 * are there to be found.
 */
import type { EntityKind } from "@/lib/domain/claims.ts";
import type { ValueKind } from "@/lib/domain/values.ts";

export type DemoEntity = {
  name: string;
  kind: EntityKind;
  aliases?: string[];
  /** The name of the entity this one is part of (a town's province), set once all entities exist. */
  partOf?: string;
};

export type DemoClaim = {
  /** Exact words of the article the claim is anchored on. */
  quote: string;
  /** Which occurrence (1-based) when the quote appears more than once. */
  occurrence?: number;
  subject: string;
  /** The subject as the text names it; defaults to the subject's name. */
  as?: string;
  attribute: string;
  /** The value as written; defaults to the quote. */
  value?: string;
  kind?: ValueKind;
  asOf?: string;
  note?: string;
  /** Qualifiers: who gives the figure, how it was measured or against what, the part it covers. */
  accordingTo?: string;
  method?: string;
  appliesToPart?: string;
};

export const DEMO_ENTITIES: DemoEntity[] = [
  { name: "Anthropic", kind: "organization" },
  { name: "U.S. government", kind: "organization", aliases: ["US government"] },
  {
    name: "Department of Defense",
    kind: "organization",
    aliases: ["the Pentagon", "U.S. Department of Defense", "US Department of Defense"],
  },
  { name: "Michael", kind: "person" },
  { name: "Emil Michael", kind: "person" },
  { name: "Dario Amodei", kind: "person", aliases: ["Amodei", "Mr. Amodei"] },
  { name: "Pete Hegseth", kind: "person", aliases: ["Hegseth"] },
  { name: "AI industry", kind: "other" },
  { name: "Agent Skills", kind: "product" },
  { name: "Joint Warfighting Cloud Capability", kind: "product", aliases: ["JWCC"] },
  { name: "OpenAI", kind: "organization" },
  { name: "Mythos", kind: "product" },
  { name: "National Security Agency", kind: "organization", aliases: ["NSA"] },
  { name: "Claude", kind: "product" },
  { name: "xAI", kind: "organization" },
];

export const DEMO_CLAIMS: Record<string, DemoClaim[]> = {
  "000_1d2e3db254030eb9.txt": [
    {
      quote: "has offered unspecified concessions to Anthropic",
      subject: "U.S. government",
      as: "The U.S. government",
      attribute: "Approach to Anthropic",
      value: "offered unspecified concessions",
      kind: "text",
    },
    {
      quote: "the Pentagon's Michael",
      occurrence: 1,
      subject: "Michael",
      as: "the Pentagon's Michael",
      attribute: "Employer",
      value: "the Pentagon",
      kind: "text",
    },
    { quote: "valued at $18.4 billion", subject: "Anthropic", attribute: "Valuation", value: "$18.4 billion" },
    {
      quote: "grow with $100 million in annual recurring revenue",
      subject: "Anthropic",
      attribute: "Annual recurring revenue",
      value: "$100 million",
    },
    { quote: "founded in 2021", subject: "Anthropic", attribute: "Founded", value: "2021" },
    {
      quote: "backed by tech giants like Google (GOOGL), Amazon (AMZN), and Microsoft (MSFT)",
      subject: "Anthropic",
      attribute: "Backers",
      value: "Google (GOOGL), Amazon (AMZN), and Microsoft (MSFT)",
      kind: "list",
    },
    {
      quote: "achieved $100 million in annual recurring revenue by late 2023",
      subject: "Anthropic",
      as: "The company",
      attribute: "Annual recurring revenue",
      value: "$100 million",
      asOf: "late 2023",
    },
    {
      quote: "artificial intelligence industry valued at up to $183 billion",
      subject: "AI industry",
      as: "an artificial intelligence industry",
      attribute: "Valuation",
      value: "up to $183 billion",
    },
    { quote: "Claude 3.5 and Opus 4.1", subject: "Anthropic", attribute: "Models", kind: "list" },
    {
      quote: "integrations with AWS Bedrock and Microsoft Office 365 Copilot",
      subject: "Anthropic",
      attribute: "Integrations",
      value: "AWS Bedrock and Microsoft Office 365 Copilot",
      kind: "list",
    },
  ],
  "001_172c2fabe7022f31.txt": [
    {
      quote: "The U.S. Department of Defense, through official Michael",
      subject: "Michael",
      as: "official Michael",
      attribute: "Employer",
      value: "U.S. Department of Defense",
      kind: "text",
    },
    {
      quote: "Michael, a Department of Defense representative",
      subject: "Michael",
      attribute: "Role",
      value: "Department of Defense representative",
      kind: "text",
    },
    {
      quote: "founded by former OpenAI researchers",
      subject: "Anthropic",
      attribute: "Founders",
      value: "former OpenAI researchers",
      kind: "text",
    },
    { quote: "valued at $183 billion", subject: "Anthropic", attribute: "Valuation", value: "$183 billion" },
    {
      quote: "backing from Google (GOOGL) and Amazon (AMZN)",
      subject: "Anthropic",
      attribute: "Backers",
      value: "Google (GOOGL) and Amazon (AMZN)",
      kind: "list",
    },
    { quote: "Claude 3.5 and Haiku 4.5", subject: "Anthropic", attribute: "Models", kind: "list" },
    {
      quote: "launching Agent Skills in December 2025",
      subject: "Agent Skills",
      attribute: "Launch date",
      value: "December 2025",
    },
    {
      quote: "Atlassian (TEAM) and Stripe",
      subject: "Agent Skills",
      attribute: "Launch partners",
      kind: "list",
    },
    {
      quote: "documented in over 60 papers",
      subject: "Anthropic",
      attribute: "Research papers",
      value: "over 60 papers",
    },
    {
      quote: "it was December 2025, not late 2024",
      subject: "Agent Skills",
      attribute: "Launch date",
      value: "late 2024",
      note: "The article's correction: an earlier version gave late 2024; it was December 2025.",
    },
  ],
  "002_e21528fb0841de85.txt": [
    {
      quote: "Anthropic CEO Dario Amodei",
      occurrence: 1,
      subject: "Anthropic",
      attribute: "CEO",
      value: "Dario Amodei",
      kind: "text",
    },
    {
      quote: "Under-Secretary of Defense for Research and Engineering Emil Michael",
      subject: "Emil Michael",
      attribute: "Role",
      value: "Under-Secretary of Defense for Research and Engineering",
      kind: "text",
    },
    {
      quote: "Joint Warfighting Cloud Capability (JWCC), awarded to Google, Amazon, Microsoft, and Oracle",
      subject: "Joint Warfighting Cloud Capability",
      attribute: "Awarded to",
      value: "Google, Amazon, Microsoft, and Oracle",
      kind: "list",
    },
    {
      quote: "is worth up to $9 billion",
      subject: "Joint Warfighting Cloud Capability",
      as: "a single major cloud contract",
      attribute: "Contract value",
      value: "up to $9 billion",
    },
    { quote: "CEO Sam Altman", subject: "OpenAI", attribute: "CEO", value: "Sam Altman", kind: "text" },
    {
      quote: "investor base—which includes Google and Amazon",
      subject: "Anthropic",
      as: "Anthropic's investor base",
      attribute: "Backers",
      value: "Google and Amazon",
      kind: "list",
    },
  ],
  "003_e63ce6321a413b92.txt": [
    {
      quote: "Anthropic CEO Dario Amodei",
      subject: "Anthropic",
      attribute: "CEO",
      value: "Dario Amodei",
      kind: "text",
    },
    {
      quote: "Mythos, a particularly powerful AI model from Anthropic",
      subject: "Mythos",
      attribute: "Developer",
      value: "Anthropic",
      kind: "text",
    },
    {
      quote: "National Security Agency, NSA) reportedly continues to use Anthropic technology internally",
      subject: "National Security Agency",
      attribute: "Uses Anthropic technology",
      value: "continues to use Anthropic technology internally",
      kind: "text",
    },
  ],
  "004_2a0c7b8ba0272705.txt": [
    {
      quote: "Secretary of Defense Pete Hegseth",
      subject: "Pete Hegseth",
      attribute: "Role",
      value: "Secretary of Defense",
      kind: "text",
    },
    {
      quote: "met with executives from artificial intelligence company Anthropic on Tuesday",
      subject: "Pete Hegseth",
      attribute: "Met Anthropic executives",
      value: "Tuesday",
      kind: "date",
      note: "The article has no publication date, so “Tuesday” cannot be placed yet.",
    },
    {
      quote: "Hegseth ordered Anthropic CEO Dario Amodei to agree to the unit’s terms by Friday evening or face penalties",
      subject: "U.S. government",
      as: "Hegseth",
      attribute: "Approach to Anthropic",
      value: "ordered to agree to its terms or face penalties",
      kind: "text",
    },
    {
      quote: "by Friday evening",
      subject: "Anthropic",
      attribute: "Deadline to agree to terms",
      value: "Friday evening",
      kind: "date",
    },
    {
      quote: "Last July, the Department of Defense awarded contracts worth up to $200 million",
      subject: "Department of Defense",
      attribute: "AI contracts awarded",
      value: "up to $200 million",
      asOf: "Last July",
    },
    {
      quote: "including Anthropic, Google, and OpenAI",
      subject: "Department of Defense",
      attribute: "AI contract recipients",
      value: "Anthropic, Google, and OpenAI",
      kind: "list",
    },
    {
      quote: "Anthropic’s Claude product was the only model approved for use in classified military systems",
      subject: "Claude",
      as: "Anthropic’s Claude product",
      attribute: "Classified approval",
      value: "the only model approved for use in classified military systems",
      kind: "text",
      asOf: "this week",
    },
    {
      quote: "Emil Michael, the Pentagon’s chief technology officer",
      subject: "Emil Michael",
      attribute: "Role",
      value: "the Pentagon’s chief technology officer",
      kind: "text",
    },
    {
      quote: "former Uber executive",
      subject: "Emil Michael",
      attribute: "Former employer",
      value: "Uber",
      kind: "text",
    },
    {
      quote: "Antropic’s meeting with the Pentagon",
      subject: "Anthropic",
      as: "Antropic",
      attribute: "Met with",
      value: "the Pentagon",
      kind: "text",
    },
    { quote: "Elon Musk’s xAI", subject: "xAI", attribute: "Owner", value: "Elon Musk", kind: "text" },
  ],
};
