import { describe, expect, it } from "vitest";
import { findMentions, suggestNames } from "@/lib/domain/entity-suggest.ts";
import type { SuggestEntity } from "@/lib/domain/suggest.ts";

const ENTITIES: SuggestEntity[] = [
  { id: "anthropic", name: "Anthropic", kind: "organization", aliases: [] },
  { id: "dod", name: "Department of Defense", kind: "organization", aliases: ["the Pentagon", "DoD"] },
  { id: "emil", name: "Emil Michael", kind: "person", aliases: [] },
  { id: "puente", name: "Óscar Puente", kind: "person", aliases: [] },
  { id: "hegseth", name: "Pete Hegseth", kind: "person", aliases: [] },
];

const names = (body: string, dismissed?: Set<string>) => suggestNames({ body, entities: ENTITIES, dismissed }).names;
const quoted = (body: string, span: { start: number; end: number }) => body.slice(span.start, span.end);

describe("names joined by a hyphen, and places that end like a people's adjective", () => {
  it("takes two names from “US-China talks” and “the Israel-Hamas war”, one from “Rolls-Royce engines”", () => {
    const body =
      "US-China talks resumed in Geneva on Monday. The Israel-Hamas war entered its third month. Rolls-Royce engines failed twice.";
    expect(names(body).map((n) => n.name)).toEqual(["US", "China", "Geneva", "Israel", "Hamas", "Rolls-Royce"]);
  });

  it("keeps a company's hyphenated name whole before a word of trade or talks", () => {
    expect(names("The Coca-Cola deal closed on Monday, and Hewlett-Packard trade rose.").map((n) => n.name)).toEqual([
      "Coca-Cola",
      "Hewlett-Packard",
    ]);
  });

  it("keeps Pakistan, Japan and Michigan before a noun, and leaves Venezuelan and Korean out", () => {
    const body =
      "Pakistan officials met on Monday. Figures showed Japan trade fell. Michigan voters went to the polls. Venezuelan officials and Korean exporters objected.";
    expect(names(body).map((n) => n.name)).toEqual(["Pakistan", "Japan", "Michigan"]);
  });

  it("leaves Afghan, Ugandan, Rwandan and Salvadoran out, and keeps Sudan and Jordan", () => {
    const body =
      "Afghan officials met on Monday. Ugandan troops and Rwandan diplomats left. Salvadoran police objected. Sudan officials and Jordan troops stayed.";
    expect(names(body).map((n) => n.name)).toEqual(["Sudan", "Jordan"]);
  });
});

describe("names in an article", () => {
  it("links every mention of a known entity, by name or alias, whatever the case or accents", () => {
    const body = "Oscar Puente spoke. The Pentagon answered, and THE PENTAGON's chief Emil Michael agreed; Anthropic did not.";
    const mentions = findMentions(body, ENTITIES);
    expect(mentions.map((m) => [m.entityId, quoted(body, m)])).toEqual([
      ["puente", "Oscar Puente"],
      ["dod", "The Pentagon"],
      ["dod", "THE PENTAGON"],
      ["emil", "Emil Michael"],
      ["anthropic", "Anthropic"],
    ]);
    expect(names(body)).toEqual([]);
  });

  it("keeps exact offsets past characters that fold to more or fewer letters", () => {
    const body = "Straße ﬁnal: Óscar Puente met Anthropic.";
    const found = findMentions(body, ENTITIES).map((m) => quoted(body, m));
    expect(found).toEqual(["Óscar Puente", "Anthropic"]);
  });

  it("finds known names after many characters that fold to more letters than they are", () => {
    const body = `${"ﬃ".repeat(20)} Óscar Puente met Anthropic.`;
    expect(findMentions(body, ENTITIES).map((m) => quoted(body, m))).toEqual(["Óscar Puente", "Anthropic"]);
  });

  it("proposes a surname alone as an alias of the person the naming rules match", () => {
    const body = "The deal was signed by Michael on Tuesday. Officials said Michael had pressed for it.";
    const [michael] = names(body);
    expect(michael).toMatchObject({ name: "Michael", kind: "person" });
    expect(michael!.spans.map((s) => quoted(body, s))).toEqual(["Michael", "Michael"]);
    expect(michael!.aliasOf[0]).toMatchObject({ entityId: "emil", why: "One name is part of the other." });
  });

  it("proposes a misspelt name as an alias of the entity a letter away", () => {
    const [antropic] = names("Antropic’s meeting with officials comes a month later.");
    expect(antropic).toMatchObject({ name: "Antropic", kind: "organization" });
    expect(antropic!.aliasOf.map((a) => a.entityId)).toEqual(["anthropic"]);
  });

  it("proposes other names as new entities, one per name with all its places, with a guessed kind", () => {
    const body =
      "Reporters in Paiporta met Jens Scharfenberg, who works for the Federal Emergency Agency. " +
      "Scharfenberg said the Federal Emergency Agency had arrived late. Jens Scharfenberg left for Paiporta.";
    const found = names(body);
    const byName = Object.fromEntries(found.map((n) => [n.name, n]));
    expect(Object.keys(byName)).toEqual(["Paiporta", "Jens Scharfenberg", "Federal Emergency Agency"]);
    expect(byName["Paiporta"]).toMatchObject({ kind: "place", aliasOf: [] });
    expect(byName["Paiporta"]!.spans).toHaveLength(2);
    expect(byName["Jens Scharfenberg"]).toMatchObject({ kind: "person" });
    expect(byName["Federal Emergency Agency"]).toMatchObject({ kind: "organization" });
  });

  it("proposes a surname alone after the full name as the same person, one proposal with every place", () => {
    const body = "Dario Amodei met officials in Paiporta. Amodei said the talks had ended, and Amodei left.";
    const found = names(body);
    expect(found.map((n) => n.name)).toEqual(["Dario Amodei", "Paiporta"]);
    expect(found[0]!.spans.map((s) => quoted(body, s))).toEqual(["Dario Amodei", "Amodei", "Amodei"]);
    expect(found[0]).toMatchObject({ kind: "person", shortForms: ["Amodei"] });
  });

  it("keeps a surname alone apart when two full names share it", () => {
    const body = "Donald Trump and Melania Trump arrived in Paiporta. Trump said little.";
    expect(names(body).map((n) => n.name)).toEqual(["Donald Trump", "Melania Trump", "Paiporta", "Trump"]);
  });

  it("leaves out titles, days and months, common words capitalised, bylines and datelines", () => {
    const body = [
      "By Jane Writer",
      "MADRID (Reuters) - Secretary of Defense Pete Hegseth met CEO Dario Amodei on Monday in March.",
      "Defense officials said defense spending rose. Long-term plans were discussed.",
      "Licence: CC BY 4.0, Reuters Institute.",
    ].join("\n");
    expect(names(body).map((n) => n.name)).toEqual(["Dario Amodei"]);
    const [amodei] = names(body);
    expect(amodei!.kind).toBe("person");
  });

  it("leaves a dateline's place alone, with or without an agency, and knows a person by the occupation before the name", () => {
    const body = [
      "NAIROBI, March 4 — The bank cut rates, said economist Razia Khan.",
      "KAHRAMANMARAŞ, Turkey, Feb 7 (AP) — Rescuers led by Ayla Demir searched on.",
    ].join("\n");
    expect(names(body).map((n) => [n.name, n.kind])).toEqual([
      ["Razia Khan", "person"],
      ["Ayla Demir", expect.any(String)],
    ]);
  });

  it("knows a company by what it has: shares, a board, a chief executive, a board that is its own", () => {
    const kindOf = (body: string, name: string) => names(body).find((n) => n.name === name)?.kind;
    expect(kindOf("Investors bought more. Brightwave's shares leaped 18% on Monday.", "Brightwave")).toBe("organization");
    expect(kindOf("Analysts were split. Brightwave said its board would review the offer.", "Brightwave")).toBe("organization");
    expect(kindOf("The photo shows Dana Ortiz, chief executive of Brightwave, on stage.", "Brightwave")).toBe("organization");
    expect(kindOf("Analysts were split. Brightwave shares fell 3% on Monday.", "Brightwave")).toBe("organization");
    // A person has none of these: "said his", a verb "shares".
    expect(kindOf("Analysts were split. Marlow Quint said his offer stood.", "Marlow Quint")).toBe("person");
    expect(kindOf("Analysts were split. Marlow Quint shares the prize with two others.", "Marlow Quint")).not.toBe("organization");
  });

  it("knows companies by what the text calls them in lower case before their names", () => {
    const kinds = (body: string) => names(body).map((n) => [n.name, n.kind]);
    expect(kinds("Crypto exchange Brightcoin, venture firm Ardent Capital and asset managers Holmfirth and Quarry are investors.")).toEqual(
      expect.arrayContaining([
        ["Brightcoin", "organization"],
        ["Ardent Capital", "organization"],
        ["Holmfirth", "organization"],
        ["Quarry", "organization"],
      ]),
    );
    expect(kinds("Shares fell, said fund manager Dana Ortiz.")).toEqual([["Dana Ortiz", "person"]]);
  });

  it("keeps a name's particle: a capital one that starts it, a hyphenated one inside it", () => {
    expect(names("Fires hit Los Angeles on Monday.").map((n) => n.name)).toEqual(["Los Angeles"]);
    expect(names("The film starred Al Pacino, and Van Morrison sang.").map((n) => n.name)).toEqual(["Al Pacino", "Van Morrison"]);
    expect(names("Saudi prince Al Waleed bin Talal will keep a stake.").map((n) => n.name)).toEqual(["Al Waleed bin Talal"]);
    expect(names("Fans cheered, said Bashar al-Assad.").map((n) => n.name)).toEqual(["Bashar al-Assad"]);
    // A sentence's capital on an ordinary word is still none: "Van drivers".
    expect(names("Van drivers were angry.").map((n) => n.name)).toEqual([]);
  });

  it("reads names as news writes them in the United States and Europe", () => {
    const plain = (body: string) => names(body).map((n) => `${n.name} (${n.kind})`);
    expect(plain("Gov. Gavin Newsom and Sen. Elizabeth Warren, D-Mass., objected.")).toEqual([
      "Gavin Newsom (person)",
      "Elizabeth Warren (person)",
    ]);
    expect(plain("Pope Francis, 88, died at the Vatican.")).toEqual(["Francis (person)", "Vatican (place)"]);
    expect(plain("Officials at the U.S. Food and Drug Administration approved it.")).toEqual([
      "U.S. Food and Drug Administration (organization)",
    ]);
    expect(names("Xi Jinping met Ursula von der Leyen on Monday.").map((n) => n.name)).toEqual(["Xi Jinping", "Ursula von der Leyen"]);
    expect(plain("Striker Erling Haaland scored twice.")).toEqual(["Erling Haaland (person)"]);
    expect(plain("Its chief, Satya Nadella, met them.")).toEqual(["Satya Nadella (person)"]);
    // A state's name is a person's when she or he is what it says.
    expect(plain("Asked about it, Victoria said she would stay.")).toEqual(["Victoria (person)"]);
    expect(plain("Rain hit Texas, and California said it would help.")).toEqual(["Texas (place)", "California (place)"]);
    expect(plain("Rain reached Texas and Ontario, and the U.K. too.")).toEqual(["Texas (place)", "Ontario (place)", "U.K. (place)"]);
    // A state's name after a person's title is someone's first name: "Queen Victoria", "Ms Virginia".
    expect(plain("Queen Victoria reigned for 63 years.")).toEqual(["Victoria (person)"]);
    // A company named once, first in its sentence, with a word of the dictionary: its words make it a name.
    expect(plain("Apple said its revenue rose 6%.")).toEqual(["Apple (organization)"]);
    expect(plain("Ms Virginia told the court she was paid.")).toEqual(["Virginia (person)"]);
    expect(plain("In Washington, D.C., the Supreme Court ruled.")).toEqual(["Washington (place)", "Supreme Court (organization)"]);
    expect(names("The Royal Society for the Protection of Birds counted nests.").map((n) => n.name)).toEqual([
      "Royal Society for the Protection of Birds",
    ]);
  });

  it("takes no name from the first word that describes the company named after it", () => {
    expect(names("Crypto exchange Brightcoin is among the investors.").map((n) => n.name)).toEqual(["Brightcoin"]);
    expect(names("Frozen food maker Birds Eye said it grew.").map((n) => n.name)).toEqual(["Birds Eye"]);
    expect(names("Brightcoin shares fell on Monday.").map((n) => n.name)).toEqual(["Brightcoin"]);
  });

  it("proposes a company's fuller name around a known name, not its last word alone", () => {
    const known: SuggestEntity[] = [
      { id: "quarry", name: "Quarry", kind: "other", aliases: [] },
      { id: "kestland", name: "Kestland", kind: "place", aliases: [] },
    ];
    const found = suggestNames({ body: "Money came from Kestland Holdings and from Quarry Management.", entities: known }).names;
    expect(found.map((n) => [n.name, n.kind, n.aliasOf.map((a) => a.entityId)])).toEqual([
      // A company named after a place is no other name of the place.
      ["Kestland Holdings", "organization", []],
      ["Quarry Management", "other", ["quarry"]],
    ]);
  });

  it("leaves a dateline alone whose hyphen stands against the place or the day", () => {
    const body = ["KYIV, March 4- Troops crossed the river near Kherson.", "NAIROBI- Floods reached Kisumu."].join("\n");
    expect(names(body).map((n) => n.name)).toEqual(["Kherson", "Kisumu"]);
  });

  it("takes no word of a long title for a name, and the name after it for a person", () => {
    const body =
      "Under-Secretary of Defense for Research and Engineering Jordan Vale met Foreign Secretary for Commonwealth Affairs Ama Osei.";
    expect(names(body).map((n) => [n.name, n.kind])).toEqual([
      ["Jordan Vale", "person"],
      ["Ama Osei", "person"],
    ]);
  });

  it("leaves out ordinary words capitalised only where any word would be: headlines, captions, first words", () => {
    const body = [
      "Aid reaches the coast",
      "Sonnet 4.6",
      "Picture: Valencia regional government",
      "Pentagon engineers flew in from Rota on Tuesday. Trump said the aid would come.",
      "  • Regulatory gaps: insurers must pay out faster.",
      "Speed versus care: Companies must now weigh both. Anthropic sent money, and officials thanked Anthropic.",
    ].join("\n");
    // Kept: names the language model does not know as words (Valencia, Pentagon, Rota), one a
    // "said" makes someone (Trump), one also capitalised mid-sentence (Anthropic).
    const found = suggestNames({ body, entities: [] }).names;
    expect(found.map((n) => n.name)).toEqual(["Valencia", "Pentagon", "Rota", "Trump", "Anthropic"]);
  });

  it("reads a run opening with a given name as someone, where nothing around it says so", () => {
    const kinds = (body: string) => names(body).map((n) => [n.name, n.kind]);
    expect(kinds("OpenAI's board removed Sam Altman as chief executive on Friday.")).toEqual([
      ["OpenAI", "organization"],
      ["Sam Altman", "person"],
    ]);
    expect(kinds("Later, Nigel Farage and Keir Starmer spoke in Clacton.")).toEqual([
      ["Nigel Farage", "person"],
      ["Keir Starmer", "person"],
      ["Clacton", "place"],
    ]);
    expect(kinds("The deal was signed by Maria Gonzalez and Ahmed Hassan on Monday.")).toEqual([
      ["Maria Gonzalez", "person"],
      ["Ahmed Hassan", "person"],
    ]);
  });

  it("does not make someone of a place or a building named after a person", () => {
    const kindOf = (body: string, name: string) => names(body).find((n) => n.name === name)?.kind;
    expect(kindOf("Flights resumed at Ben Gurion Airport on Monday.", "Ben Gurion Airport")).not.toBe("person");
    expect(kindOf("Floods cut off Alice Springs overnight.", "Alice Springs")).not.toBe("person");
    expect(kindOf("Traffic was stopped on the Nelson Mandela Bridge.", "Nelson Mandela Bridge")).not.toBe("person");
    expect(kindOf("The board removed Sam Altman as chief executive.", "Sam Altman")).toBe("person");
    // A surname that is also such a word is still someone's: "Daniel Park", "Emma Hall".
    expect(kindOf("The deal was signed by Daniel Park and Emma Hall on Monday.", "Daniel Park")).toBe("person");
    expect(kindOf("The deal was signed by Daniel Park and Emma Hall on Monday.", "Emma Hall")).toBe("person");
  });

  it("does not make someone of a place, a firm or a people named with a word also a given name", () => {
    const kindOf = (body: string, name: string) => names(body).find((n) => n.name === name)?.kind;
    expect(kindOf("Pilgrims walked to Santiago de Compostela.", "Santiago de Compostela")).not.toBe("person");
    expect(kindOf("The Jin Air plane landed safely.", "Jin Air")).not.toBe("person");
    expect(kindOf("Scholars of the Roman Empire met.", "Roman Empire")).not.toBe("person");
    expect(kindOf("Roman Catholic bishops met in Rome.", "Roman Catholic")).not.toBe("person");
  });

  it("reads one word alone that speaks as a body, unless a fuller name or a he or she makes it someone", () => {
    const kindOf = (body: string, name: string) => names(body).find((n) => n.name === name)?.kind;
    expect(kindOf("Analysts were split. Microsoft said revenue rose 17% to $61.9 billion.", "Microsoft")).toBe("organization");
    expect(kindOf("Analysts were split. Pfizer said it would cut prices.", "Pfizer")).toBe("organization");
    expect(kindOf("Analysts were split. Macron said he would not resign.", "Macron")).toBe("person");
    expect(kindOf("Donald Trump and Melania Trump arrived. Trump said little.", "Trump")).toBe("person");
  });

  it("reads a he or a she past whom it was told or when it was said as making one word that speaks someone", () => {
    const kindOf = (body: string, name: string) => names(body).find((n) => n.name === name)?.kind;
    expect(kindOf("Polls closed early. Modi told reporters he would not resign.", "Modi")).toBe("person");
    expect(kindOf("The talks stalled. Merkel said on Tuesday that she had no plans to run.", "Merkel")).toBe("person");
    expect(kindOf("The court ruled. Gorsuch wrote in a dissent that he saw no reason to overturn it.", "Gorsuch")).toBe("person");
    // A body so told or so speaking stays one; a "he" of someone else named in what it said is not its.
    expect(kindOf("Shares rose. Nvidia told investors it expected more sales.", "Nvidia")).toBe("organization");
    expect(kindOf("Shares rose. Pfizer said on Monday it would cut prices.", "Pfizer")).toBe("organization");
    expect(kindOf("Shares fell. Tesla said the man he hired had left.", "Tesla")).toBe("organization");
  });

  it("reads a bureau, board or court of something as an organisation", () => {
    const kindOf = (body: string, name: string) => names(body).find((n) => n.name === name)?.kind;
    expect(kindOf("Inflation slowed to 3.2%, the Bureau of Labor Statistics said.", "Bureau of Labor Statistics")).toBe("organization");
    expect(kindOf("The appeal was heard by the Court of Appeal in London.", "Court of Appeal")).toBe("organization");
  });

  it("reads a named fire or quake as an event, and a body named after one that speaks as an organisation", () => {
    const kinds = (body: string) => names(body).map((n) => [n.name, n.kind]);
    expect(kinds("The Palisades Fire has burned 23,448 acres, Cal Fire said on Sunday.")).toEqual([
      ["Palisades Fire", "event"],
      ["Cal Fire", "organization"],
    ]);
  });

  it("reads a place named after a fire, a quake or a storm as the place", () => {
    const kindOf = (body: string, name: string) => names(body).find((n) => n.name === name)?.kind;
    expect(kindOf("Ferries to Fire Island were cancelled on Monday.", "Fire Island")).toBe("place");
    expect(kindOf("Anglers returned to Quake Lake in Montana.", "Quake Lake")).toBe("place");
  });

  it("proposes no grade on a scale as a name: “a Category 3 storm”, “Level 4”", () => {
    expect(names("Hurricane Milton made landfall near Siesta Key as a Category 3 storm.").map((n) => n.name)).toEqual([
      "Hurricane Milton",
      "Siesta Key",
    ]);
    expect(names("Officials raised the alert to Level 4 on Monday.").map((n) => n.name)).toEqual([]);
  });

  it("keeps a company named by an ordinary word when the text names it so more than once", () => {
    expect(names("Apple shares fell 3% on Monday.\nApple sales rose in China.").map((n) => n.name)).toEqual(["Apple", "China"]);
    expect(names("Shell profits rose. Shell will pay more.").map((n) => n.name)).toEqual(["Shell"]);
  });

  it("keeps an acronym at the head of a sentence, and an ordinary word capitalised inside one", () => {
    const body = "NSA analysts agreed. The report was written by Harvest, a small firm.";
    expect(names(body).map((n) => n.name)).toEqual(["NSA", "Harvest"]);
  });

  it("proposes a fuller name around a person's known name as an alias of that person", () => {
    const entities: SuggestEntity[] = [{ id: "michael", name: "Michael", kind: "person", aliases: [] }];
    const body = "The under secretary, Emil Michael, told reporters the talks had ended.";
    const { mentions, names: found } = suggestNames({ body, entities });
    expect(mentions).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: "Emil Michael", kind: "person", aliasOf: [{ entityId: "michael" }] });
  });

  it("does not propose a name dismissed in the investigation again", () => {
    const body = "Jens Scharfenberg said the plan had failed.";
    expect(names(body).map((n) => n.name)).toEqual(["Jens Scharfenberg"]);
    expect(names(body, new Set(["jens scharfenberg"]))).toEqual([]);
  });

  it("takes a title word that starts a company's name as part of it", () => {
    const found = names("General Electric Aerospace will hire 900 workers, and General Motors will cut 300. General Mark Milley agreed.");
    expect(found.map((n) => [n.name, n.kind])).toEqual([
      ["General Electric Aerospace", "organization"],
      ["General Motors", "organization"],
      ["Mark Milley", "person"],
    ]);
  });

  it("keeps a surname that is also a word with the name before it", () => {
    expect(names("Attorney General Merrick Garland spoke on Monday.").map((n) => n.name)).toEqual(["Merrick Garland"]);
  });

  it("offers a short form written in brackets after a name as its alias", () => {
    const body =
      "The Disaster and Emergency Management Authority (AFAD) counted 900 dead. AFAD later revised it. Backing came from Anthropic (ANTH).";
    const found = names(body);
    const authority = found.find((n) => n.name === "Disaster and Emergency Management Authority");
    expect(authority).toMatchObject({ kind: "organization", shortForms: ["AFAD"] });
    expect(authority!.spans.map((s) => quoted(body, s))).toEqual(["Disaster and Emergency Management Authority", "AFAD", "AFAD"]);
    expect(found.some((n) => n.name === "AFAD")).toBe(false);
    // After a known entity, the bracketed form is offered as that entity's alias.
    expect(found.find((n) => n.name === "ANTH")?.aliasOf[0]).toMatchObject({
      entityId: "anthropic",
      why: "written in brackets after “Anthropic”",
    });
  });

  it("proposes the name after “of”, not the plural noun a sentence opens with", () => {
    expect(names("Shareholders of Nimbus Labs (NMBL) sold on Monday.")).toEqual([
      expect.objectContaining({ name: "Nimbus Labs", shortForms: ["NMBL"] }),
    ]);
    const body = "Customers of Brightwater (BRWT) complained on Monday.";
    expect(names(body)).toEqual([expect.objectContaining({ name: "Brightwater", shortForms: ["BRWT"] })]);
    expect(names("Residents of Lowmoor were moved to a school.").map((n) => n.name)).toEqual(["Lowmoor"]);
    // A name that is made with "of" keeps it.
    expect(names("Bank of Lowmoor raised its rates.").map((n) => n.name)).toEqual(["Bank of Lowmoor"]);
  });

  it("keeps an “and” inside an organisation's name, not between two names", () => {
    const found = names("The Securities and Exchange Commission was told; money came from Brookfield and Fidelity Bank.").map(
      (n) => n.name,
    );
    expect(found).toEqual(["Securities and Exchange Commission", "Brookfield", "Fidelity Bank"]);
  });

  it("keeps a road's or a flight's number with its name, and leaves a title out of a name", () => {
    const found = names("Fire Chief Dana Ortiz said the fire started near Highway 49 on Monday.");
    expect(found.map((n) => [n.name, n.kind])).toEqual([
      ["Dana Ortiz", "person"],
      ["Highway 49", "place"],
    ]);
  });

  it("does not take a count after a name into it: “gave Labour 412 seats”, “the Conservatives 121”", () => {
    expect(names("Voters gave Labour 412 seats on Friday.").map((n) => n.name)).toEqual(["Labour"]);
    expect(names("On Friday Labour won 412 and the Conservatives 121.").map((n) => n.name)).toEqual(["Labour", "Conservatives"]);
  });

  it("takes a company's name with and without its legal form for one company", () => {
    const body = "Helix Pharma shares fell.\nA judge ordered Helix Pharma Inc to pay.";
    const [helix, ...rest] = names(body);
    expect(rest).toEqual([]);
    expect(helix).toMatchObject({ name: "Helix Pharma Inc", kind: "organization", shortForms: ["Helix Pharma"] });
    expect(helix!.spans.map((s) => quoted(body, s))).toEqual(["Helix Pharma", "Helix Pharma Inc"]);
  });

  it("takes an agency's whole name, its short form in brackets spelling it", () => {
    const body = "The Centers for Disease Control and Prevention (CDC) said so, and the Institute for Fiscal Studies said more.";
    expect(names(body).map((n) => [n.name, n.kind, n.shortForms])).toEqual([
      ["Centers for Disease Control and Prevention", "organization", ["CDC"]],
      ["Institute for Fiscal Studies", "organization", []],
    ]);
  });

  it("knows bodies that speak as organisations, not people: “The United Nations said”", () => {
    const body =
      "The United Nations said 40 people died. The Coast Guard said it rescued 12. The Federal Reserve held rates, and the National Assembly voted.";
    expect(names(body).map((n) => [n.name, n.kind])).toEqual([
      ["United Nations", "organization"],
      ["Coast Guard", "organization"],
      ["Federal Reserve", "organization"],
      ["National Assembly", "organization"],
    ]);
  });

  it("knows a country for a place whatever follows it, accents or not", () => {
    const body = "Greece said it would send aid. Türkiye and Côte d'Ivoire objected, and Kenya's economy slowed.";
    expect(names(body).map((n) => [n.name, n.kind])).toEqual([
      ["Greece", "place"],
      ["Türkiye", "place"],
      ["Côte d'Ivoire", "place"],
      ["Kenya", "place"],
    ]);
  });

  it("reads names made of words that are also JavaScript's, such as Constructor, like any other", () => {
    const entities: SuggestEntity[] = [
      ...ENTITIES,
      { id: "fca", name: "Formula Constructors Association", kind: "organization", aliases: [] },
    ];
    const body = "The Formula Constructor Association said on Monday that ten constructor teams would race, toString aside.";
    const [found] = suggestNames({ body, entities }).names;
    expect(found).toMatchObject({ name: "Formula Constructor Association" });
    expect(found!.aliasOf.map((a) => a.entityId)).toEqual(["fca"]);
  });

  it("proposes no holiday a deal is due by", () => {
    expect(names("Voters in Riverside want a deal by Christmas, said Ana Lima.").map((n) => n.name)).toEqual(["Riverside", "Ana Lima"]);
  });

  it("takes a centre for an organisation, and no time zone for a name", () => {
    expect(names("The storm hit at 11 p.m. EDT, the National Hurricane Center said.").map((n) => [n.name, n.kind])).toEqual([
      ["National Hurricane Center", "organization"],
    ]);
  });

  it("keeps a name's first word that is also an ordinary word: an office, a carmaker", () => {
    const folded = (body: string) => names(body).map((n) => n.name);
    expect(folded("Prices rose 3%, the Office for Fiscal Studies said on Monday.")).toContain("Office for Fiscal Studies");
    expect(folded("Visitors were warned, the Bureau of Land Management said.")).toContain("Bureau of Land Management");
    expect(folded("LISBON — Ford Motor Credit raised its forecast.")).toEqual(["Ford Motor Credit"]);
    expect(folded("Officials Kim Ortega and Lee Park spoke.")).not.toContain("Officials Kim Ortega");
  });

  it("takes an ordinary word opening a sentence as a name when its ticker follows in brackets", () => {
    expect(names("Target (TGT) cut its outlook on Tuesday.").map((n) => n.name)).toEqual(["Target"]);
    expect(names("Shell (SHEL) raised its dividend.").map((n) => [n.name, n.kind])).toEqual([["Shell", "organization"]]);
    expect(names("Picture (AP) shows the scene.").map((n) => n.name)).not.toContain("Picture");
  });

  it("leaves out of a name the word a sentence opens with", () => {
    expect(names("Yesterday Northwind Ltd issued a warning.").map((n) => n.name)).toEqual(["Northwind Ltd"]);
    expect(names("Meanwhile Harbour Bank raised rates.").map((n) => n.name)).toEqual(["Harbour Bank"]);
  });
});

describe("offices, titles after a name and short forms that end a name", () => {
  const plain = (body: string) => suggestNames({ body, entities: [] }).names.map((n) => `${n.name} (${n.kind})`);

  it("reads the words of an office after its title as no names, wherever the title is written", () => {
    expect(plain("The deal was drafted by Maria Lopes, the Under-Secretary of Health for Research and Innovation, on Monday.")).toEqual([
      "Maria Lopes (person)",
    ]);
    expect(plain("He met the Minister for Foreign Affairs on Monday.")).toEqual([]);
    expect(plain("He met the Minister for Foreign Affairs of Ruritania on Monday.")).toEqual(["Ruritania (other)"]);
  });

  it("keeps a place or a body named after a title: the Governor of California, the Governor of the Bank of England", () => {
    expect(plain("Talks were joined by Gavin Newsom, the Governor of California, on Monday.")).toEqual([
      "Gavin Newsom (person)",
      "California (place)",
    ]);
    expect(plain("He wrote to the Governor of the Bank of England on Monday.")).toEqual(["Bank of England (organization)"]);
  });

  it("goes on over “of the” inside an organisation's name", () => {
    expect(plain("Money from the U.S. Department of the Army paid for it.")).toEqual(["U.S. Department of the Army (organization)"]);
  });

  it("ends a name with a short form in capitals after an ordinary word, not after a name of its own", () => {
    expect(plain("Rivals such as Scale AI and Stability AI grew. The U.S. AI rules changed.")).toEqual([
      "Scale AI (other)",
      "Stability AI (other)",
      "U.S. (place)",
    ]);
  });

  it("reads “the Bank” after “the Bank of England” as the same organisation, named short", () => {
    const body = "The Bank of England raised rates on Thursday. Later the Bank said inflation would fall.";
    const found = suggestNames({ body, entities: [] }).names;
    expect(found.map((n) => `${n.name} (${n.kind})`)).toEqual(["Bank of England (organization)"]);
    expect(found[0]!.spans.map((s) => quoted(body, s))).toEqual(["Bank of England", "Bank"]);
    expect(plain("The European Commission fined Acme. Later the Commission said it would appeal.")).toEqual([
      "European Commission (organization)",
      "Acme (other)",
    ]);
  });

  it("keeps a one-word name before “of the” whole: Friends of the Earth", () => {
    expect(plain("The march was organised by Friends of the Earth on Monday.")).toEqual(["Friends of the Earth (other)"]);
  });

  it("takes no one for a person for saying something after “the”", () => {
    expect(plain("Officials were told on Monday that the Pentagon said it would act.")).toEqual(["Pentagon (other)"]);
  });
});

describe("company names as wire copy writes them", () => {
  const kinds = (body: string) => suggestNames({ body, entities: [] }).names.map((n) => [n.name, n.kind]);

  it("keeps a business's own “'s”, but not a possessive of a name the text also writes alone", () => {
    expect(kinds("Moody's downgraded the bank. Moody's said debt would rise.")).toEqual([["Moody's", "organization"]]);
    expect(kinds("Sales at McDonald's rose 4%.")).toEqual([["McDonald's", "organization"]]);
    expect(kinds("Anthropic said it would grow. Anthropic's growing role was noted.").map(([n]) => n)).toEqual(["Anthropic"]);
    expect(kinds("Investors backed Elon Musk's takeover of Twitter.").map(([n]) => n)).toEqual(["Elon Musk", "Twitter"]);
  });

  it("reads the “'s” of “has” as no part of a name: “Musk's been pushing”", () => {
    expect(kinds("Musk's been pushing for cuts, Tesla said.").map(([n]) => n)).not.toContain("Musk's");
    expect(kinds("Biden's got a plan, aides said.").map(([n]) => n)).not.toContain("Biden's");
  });

  it("reads a web address's ending and a legal form as the name's", () => {
    expect(kinds("Amazon.com Inc reported net income of $10 billion.")).toEqual([["Amazon.com Inc", "organization"]]);
  });

  it("proposes no measure written in capitals", () => {
    expect(kinds("Debt will reach 90% of GDP, the IMF said. The IPO raised $2 billion and EBITDA rose.")).toEqual([
      ["IMF", "organization"],
    ]);
  });

  it("knows a city by its name, even where the sentence opens with it", () => {
    expect(kinds("The fair closed. Paris hosted 10 million visitors. New Orleans flooded.")).toEqual([
      ["Paris", "place"],
      ["New Orleans", "place"],
    ]);
  });
});

describe("a month after a given name", () => {
  const found = (body: string) => names(body).map((n) => [n.name, n.kind]);

  it("is the surname of a person, though wink reads “May” as a verb", () => {
    expect(found("Theresa May said 40 people had died.")).toEqual([["Theresa May", "person"]]);
    expect(found("Brian May played guitar for Queen.")).toContainEqual(["Brian May", "person"]);
    expect(found("Rishi Sunak met Theresa May on Friday.")).toContainEqual(["Theresa May", "person"]);
  });

  it("stays a month, or the verb, anywhere else", () => {
    expect(found("Elections were held in May and June.")).toEqual([]);
    expect(found("Officials said Sunday may bring rain.")).toEqual([]);
    expect(found("Biden may visit in May.").map(([name]) => name)).not.toContainEqual(expect.stringContaining("May"));
  });
});
