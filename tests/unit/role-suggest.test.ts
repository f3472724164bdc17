import { describe, expect, it } from "vitest";
import { rolesIn } from "@/lib/domain/role-suggest.ts";
import { type SuggestEntity, suggestClaims } from "@/lib/domain/suggest.ts";

const KNOWN = new Set(["michael", "emil michael", "pete hegseth"]);
const roles = (text: string) =>
  rolesIn(text, (name) => KNOWN.has(name.toLowerCase())).map((r) => ({
    quote: text.slice(r.start, r.end),
    subject: r.subject,
    attribute: r.attribute,
    value: r.value,
  }));

describe("titles and offices in news text", () => {
  it("reads an organisation's office before its holder as the organisation's claim", () => {
    expect(roles("On Tuesday Anthropic CEO Dario Amodei met officials.")).toEqual([
      { quote: "Anthropic CEO Dario Amodei", subject: "Anthropic", attribute: "CEO", value: "Dario Amodei" },
    ]);
    expect(roles("Oracle co-founder Larry Ellison put in $1 billion.")).toEqual([
      { quote: "Oracle co-founder Larry Ellison", subject: "Oracle", attribute: "Founder", value: "Larry Ellison" },
    ]);
    // No organisation written: the sentence's says whose (left to the caller).
    expect(roles("CEO Sam Altman stayed away.")).toEqual([
      { quote: "CEO Sam Altman", subject: null, attribute: "CEO", value: "Sam Altman" },
    ]);
  });

  it("reads a title before a name as the person's role, however long the title", () => {
    expect(roles("Under-Secretary of Defense for Research and Engineering Emil Michael told reporters.")).toEqual([
      {
        quote: "Under-Secretary of Defense for Research and Engineering Emil Michael",
        subject: "Emil Michael",
        attribute: "Role",
        value: "Under-Secretary of Defense for Research and Engineering",
      },
    ]);
    expect(roles("Vice President Fuat Oktay told parliament.")).toEqual([
      { quote: "Vice President Fuat Oktay", subject: "Fuat Oktay", attribute: "Role", value: "Vice President" },
    ]);
  });

  it("reads an apposition naming a role, and a past employer, of the person before it", () => {
    expect(roles("Emil Michael, the Pentagon’s chief technology officer and former Uber executive, said so.")).toEqual([
      {
        quote: "Emil Michael, the Pentagon’s chief technology officer",
        subject: "Emil Michael",
        attribute: "Role",
        value: "the Pentagon’s chief technology officer",
      },
      { quote: "former Uber executive", subject: null, attribute: "Former employer", value: "Uber" },
    ]);
    // A single word is a person only when the investigation knows it.
    expect(roles("Michael, a Department of Defense representative, declined.")).toEqual([
      {
        quote: "Michael, a Department of Defense representative",
        subject: "Michael",
        attribute: "Role",
        value: "Department of Defense representative",
      },
    ]);
    expect(roles("Paiporta, a town of 27,000, was hit hardest.")).toEqual([]);
  });

  it("leaves places, descriptions and unnamed people alone", () => {
    expect(roles("Paris, the French capital, was quiet.")).toEqual([]);
    expect(roles("Valencia, the region's capital, declared three days of mourning.")).toEqual([]);
    expect(roles("The president said nothing.")).toEqual([]);
    expect(roles("Former employees said the office was closed.")).toEqual([]);
  });

  it("keeps two titles apart, a nationality out of the organisations, and an owner's 's out of the name", () => {
    expect(roles("Secretary of Defense Pete Hegseth and Secretary of State Marco Rubio met.").map((r) => [r.subject, r.value])).toEqual([
      ["Pete Hegseth", "Secretary of Defense"],
      ["Marco Rubio", "Secretary of State"],
    ]);
    expect(roles("Turkish President Recep Tayyip Erdoğan said so.")).toEqual([
      { quote: "President Recep Tayyip Erdoğan", subject: "Recep Tayyip Erdoğan", attribute: "Role", value: "President" },
    ]);
    expect(roles("OpenAI's chief executive Sam Altman said so.")[0]).toMatchObject({ subject: "OpenAI", attribute: "CEO" });
    expect(roles("New York, a city whose mayor resigned, voted.")).toEqual([]);
  });

  it("takes no title six words past its head, on a line no prose would write", () => {
    const values = [
      ...rolesIn("Secretary of " + "Aaaa Bbbb ".repeat(20_000), () => false),
      ...rolesIn("Secretary of Aaa and ".repeat(20_000), () => false),
    ].map((r) => r.value);
    expect(values.every((v) => v.split(" ").length <= 9)).toBe(true);
  });

  it("reads who founded an organisation, up to where the sentence goes on", () => {
    expect(roles("Anthropic, founded by former OpenAI researchers and valued at $183 billion, builds models.")).toEqual([
      { quote: "founded by former OpenAI researchers", subject: null, attribute: "Founders", value: "former OpenAI researchers" },
    ]);
  });
});

describe("lists of names an organisation has", () => {
  it("reads backers, partners and who was awarded something, with the organisation the sentence opens with", () => {
    expect(roles("Helix, valued at $2 billion with backing from Northwind Capital (NWC) and Bolt, builds batteries.")).toEqual([
      { quote: "Northwind Capital (NWC) and Bolt", subject: "Helix", attribute: "Backers", value: "Northwind Capital (NWC) and Bolt" },
    ]);
    expect(roles("Helix got funding from Northwind Capital, Bolt and Acme Inc. on Monday.")).toEqual([
      {
        quote: "Northwind Capital, Bolt and Acme Inc.",
        subject: "Helix",
        attribute: "Backers",
        value: "Northwind Capital, Bolt and Acme Inc.",
      },
    ]);
    expect(roles("Helix's investor base, which includes Sequoia and Index, grew.")).toEqual([
      { quote: "Sequoia and Index", subject: "Helix", attribute: "Backers", value: "Sequoia and Index" },
    ]);
    expect(roles("Helix's investor base—which includes Sequoia and Index—grew.")).toEqual([
      { quote: "Sequoia and Index", subject: "Helix", attribute: "Backers", value: "Sequoia and Index" },
    ]);
    expect(roles("The tools were built in partnership with companies like Atlassian (TEAM) and Stripe.")).toEqual([
      { quote: "Atlassian (TEAM) and Stripe", subject: null, attribute: "Partners", value: "Atlassian (TEAM) and Stripe" },
    ]);
    expect(roles("The contract was awarded to Google, Amazon, Microsoft, and Oracle in 2022.")).toEqual([
      {
        quote: "Google, Amazon, Microsoft, and Oracle",
        subject: null,
        attribute: "Awarded to",
        value: "Google, Amazon, Microsoft, and Oracle",
      },
    ]);
  });

  it("takes no pronoun opening the sentence for the organisation, and a titled name for a person", () => {
    expect(roles("He said investors like Northwind Capital and Bolt rarely sell.")).toEqual([
      { quote: "Northwind Capital and Bolt", subject: null, attribute: "Backers", value: "Northwind Capital and Bolt" },
    ]);
    expect(roles("It was backed by Northwind Capital and Bolt, the filing showed.").map((r) => r.subject)).toEqual([null]);
    expect(rolesIn("Ms Ortiz, backed by Northwind Capital and Bolt, won the primary.", () => false)).toMatchObject([
      { subject: "Ms Ortiz", subjectKind: "person", attribute: "Backers" },
    ]);
  });

  it("reads the products an organisation makes, versions included, and who makes a product", () => {
    expect(roles("Helix, based in Oslo, makes language models such as the Volt family, including Volt 3.5 and Spark 4.5.")).toEqual([
      { quote: "Volt 3.5 and Spark 4.5", subject: "Helix", attribute: "Products", value: "Volt 3.5 and Spark 4.5" },
    ]);
    expect(roles("Critics praised Orbit, a small reusable rocket built by Northwind Aerospace, on Monday.")).toEqual([
      {
        quote: "Orbit, a small reusable rocket built by Northwind Aerospace",
        subject: "Orbit",
        attribute: "Developer",
        value: "Northwind Aerospace",
      },
    ]);
    // A person's role "from" an organisation is a role, not a maker.
    expect(roles("He met Dana Ortiz, a spokeswoman from Acme, on Monday.").map((r) => r.attribute)).toEqual(["Role"]);
  });

  it("takes no one who says it for the owner of a list", () => {
    expect(roles("Police said the attack was funded by Smith and Jones.")).toEqual([
      { quote: "Smith and Jones", subject: null, attribute: "Backers", value: "Smith and Jones" },
    ]);
  });

  it("takes no list from names that are only side by side", () => {
    expect(roles("Talks between Google and Amazon ended. Backing from Google was rumoured.")).toEqual([]);
  });
});

describe("role proposals", () => {
  const entities: SuggestEntity[] = [
    { id: "anthropic", name: "Anthropic", kind: "organization", aliases: [] },
    { id: "openai", name: "OpenAI", kind: "organization", aliases: [] },
    { id: "michael", name: "Michael", kind: "person", aliases: [] },
    { id: "emil", name: "Emil Michael", kind: "person", aliases: [] },
  ];
  const suggest = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: new Date("2026-02-27T12:00:00Z") }, entities, claims: [] });

  it("proposes the office for the organisation the text names, pre-filled with the holder", () => {
    const [p] = suggest("OpenAI CEO Sam Altman said the deal was fair.");
    expect(p).toMatchObject({
      quote: "OpenAI CEO Sam Altman",
      valueKind: "text",
      valueText: "Sam Altman",
      subject: { how: "mention", entityId: "openai" },
      attribute: { label: "CEO" },
    });
    expect(p!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it("gives a past employer to the full name written, not to a shorter name inside it", () => {
    const p = suggest("Emil Michael, the Pentagon’s technology chief and former Uber executive, said so.").find(
      (p) => p.attribute.label === "Former employer",
    );
    expect(p).toMatchObject({ valueText: "Uber", subject: { entityId: "emil" } });
  });

  it("proposes a person the investigation does not know by name, for the analyst to create", () => {
    const [p] = suggest("Secretary of Defense Pete Hegseth ordered a review.");
    expect(p).toMatchObject({
      subject: { how: "sentence", name: "Pete Hegseth", kind: "person" },
      attribute: { label: "Role" },
      valueText: "Secretary of Defense",
    });
  });

  it("reads no title in a headline, where every word is capitalised", () => {
    expect(suggest("Anthropic CEO Dario Amodei Meets Pentagon Officials\n\nThe talks went on.")).toEqual([]);
  });

  it("does not propose a title already recorded or turned down", () => {
    const body = "Secretary of Defense Pete Hegseth ordered a review.";
    const rejected = suggestClaims({
      article: { id: "here", body, publishedAt: null },
      entities,
      claims: [],
      rejected: [{ cue: "secretary", span: { articleId: "here", start: 0, end: 33 } }],
    });
    expect(rejected).toEqual([]);
  });

  it("proposes a title written twice once, and not at all once the article records it", () => {
    const body = "OpenAI CEO Sam Altman spoke first. Later, OpenAI CEO Sam Altman spoke again.";
    const ceo = (ps: ReturnType<typeof suggest>) => ps.filter((p) => p.attribute.label === "CEO");
    expect(ceo(suggest(body)).map((p) => p.start)).toEqual([0]);
    const start = body.indexOf("OpenAI", 10);
    const recorded = {
      articleId: "here",
      body,
      start,
      end: start + 21,
      valueText: "Sam Altman",
      valueKind: "text" as const,
      subjectId: "openai",
      attribute: "CEO",
    };
    const after = suggestClaims({ article: { id: "here", body, publishedAt: null }, entities, claims: [recorded] });
    expect(ceo(after)).toEqual([]);
    // Turned down at its first place, it is not proposed at the second either.
    const turnedDown = suggestClaims({
      article: { id: "here", body, publishedAt: null },
      entities,
      claims: [],
      rejected: [{ cue: "ceo openai", span: { articleId: "here", start: 0, end: 21 } }],
    });
    expect(ceo(turnedDown)).toEqual([]);
    // Nor at the first, turned down at the second (as an earlier version proposed it there).
    const turnedDownLater = suggestClaims({
      article: { id: "here", body, publishedAt: null },
      entities,
      claims: [],
      rejected: [{ cue: "ceo openai", span: { articleId: "here", start, end: start + 21 } }],
    });
    expect(ceo(turnedDownLater)).toEqual([]);
    // Another holder is another claim.
    expect(ceo(suggest("OpenAI CEO Sam Altman spoke first. Later, OpenAI CEO Mira Murati spoke.")).map((p) => p.valueText)).toEqual([
      "Sam Altman",
      "Mira Murati",
    ]);
  });
});

describe("a person's company, written in the possessive", () => {
  const owned = (text: string, known: string[]) =>
    rolesIn(text, (name) => known.includes(name)).map((r) => [text.slice(r.start, r.end), r.subject, r.attribute, r.value]);

  it("is the company's owner, when the investigation knows the company", () => {
    expect(owned("The deal follows a similar one with Elon Musk’s xAI.", ["xAI"])).toEqual([
      ["Elon Musk’s xAI", "xAI", "Owner", "Elon Musk"],
    ]);
    expect(owned("Rupert Murdoch's News Corp rose.", ["News Corp"])).toEqual([
      ["Rupert Murdoch's News Corp", "News Corp", "Owner", "Rupert Murdoch"],
    ]);
  });

  it("is nothing for an unknown name, a thing owned, a person or an organisation in the possessive", () => {
    expect(owned("Rupert Murdoch's News Corp rose.", [])).toEqual([]);
    expect(owned("Elon Musk's stake rose.", ["Elon Musk"])).toEqual([]);
    expect(owned("The Pentagon's Emil Michael spoke.", ["Pentagon", "Emil Michael"])).toEqual([]);
    expect(owned("Goldman Sachs's Marcus grew.", ["Marcus", "Goldman Sachs"])).toEqual([]);
  });

  it("is nothing for a party its leader is named with: a party is led, not owned", () => {
    expect(owned("Dana Ortiz's Labour won 412 seats.", ["Labour"])).toEqual([]);
    expect(owned("Dana Ortiz's Republicans took the House.", ["Republicans"])).toEqual([]);
    expect(owned("Dana Ortiz's Forward Together won five seats on Thursday.", ["Forward Together"])).toEqual([]);
    expect(owned("Dana Ortiz's Orinda Labs hired 40 engineers.", ["Orinda Labs"])).toEqual([
      ["Dana Ortiz's Orinda Labs", "Orinda Labs", "Owner", "Dana Ortiz"],
    ]);
  });
});

describe("an owner read from the possessive", () => {
  it("is proposed, but never sure enough to accept in a batch: the possessive names leaders too", () => {
    const entities: SuggestEntity[] = [
      { id: "xai", name: "xAI", kind: "organization", aliases: [] },
      { id: "musk", name: "Elon Musk", kind: "person", aliases: [] },
    ];
    const body = "The deal follows a similar one with Elon Musk's xAI.";
    const [owner] = suggestClaims({ article: { id: "a", body, publishedAt: new Date("2026-02-20") }, entities, claims: [] });
    expect(owner).toMatchObject({ quote: "Elon Musk's xAI", attribute: { label: "Owner" } });
    expect(owner!.confidence).toBeLessThan(0.8);
  });
});
