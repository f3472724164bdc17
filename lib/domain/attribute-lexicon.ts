/**
 * The attributes news coverage gives figures for, and the words that cue them (issue 14): a
 * general lexicon, not fitted to one story. Each attribute has a canonical label, the other labels
 * analysts write for the same measure ("Deaths", "Fatalities" for "Death toll"), the cue words
 * that name it near a figure, the shapes of value it can take, and the kinds of subject it is
 * usually given to (a death toll to the event, revenue to the organisation).
 *
 * Pure. Cue patterns are matched against folded text (lower case, no accents).
 */
import type { EntityKind } from "@/lib/domain/claims.ts";
import { foldText } from "@/lib/domain/text.ts";

/** What a value is, for a cue to apply: a count ("120 people"), a measure ("3 m"), a span of time, money, a share, a day, a time. */
export type Shape = "count" | "measure" | "duration" | "money" | "percentage" | "date" | "time";

export type AttributeFamily = {
  label: string;
  /** Other labels for the same measure, folded. */
  synonyms: string[];
  cue: RegExp;
  shapes: Shape[];
  /** The kinds of entity such a figure is usually about, most likely first. */
  subjects: EntityKind[];
  /** A count of people: a figure counting something else ("50 vehicles") is not one. */
  people?: boolean;
  /** The largest figure it can be (an age, a magnitude). */
  max?: number;
  /** Words just before the value that make it another measure: "cut 2,800 jobs" is no headcount. */
  unless?: RegExp;
  /** What the figure must count, when it names what it counts: jobs are cut, flights are not job cuts. */
  counts?: RegExp;
  /** Words right after the figure that make it another measure: "a six-year contract" is no age. */
  unlessAfter?: RegExp;
  /** Cued only by words before the figure: "410 seats, with a majority of 170" is no majority of 410. */
  cuedBefore?: boolean;
  /** The dimensions a measure of it is in: gallons of oil are no area, whatever the sentence before says. */
  dimensions?: string[];
};

const family = (
  label: string,
  synonyms: string[],
  cue: RegExp,
  shapes: Shape[],
  subjects: EntityKind[],
  limits: {
    people?: boolean;
    max?: number;
    unless?: RegExp;
    counts?: RegExp;
    unlessAfter?: RegExp;
    dimensions?: string[];
    cuedBefore?: boolean;
  } = {},
): AttributeFamily => ({ label, synonyms: synonyms.map(foldText), cue, shapes, subjects, ...limits });

/** Verbs of a figure that moved: "rose", "fell", "jumped"… */
export const MOVE =
  "(?:rose|risen|rises?|rising|fell|fallen|falls?|falling|jumped|jumps?|leaped|leapt|dropped|drops?|slid|slumped|surged|soared|climbed|gained|lost|tumbled|plunged|sank|rallied|edged|slipped|slips?|dipped|dips?|eased|eases|shrank|shrunk|declined|declines|rebounded)";

/** A word right after a percentage that is not what moved: the stock itself. */
const NOT_SHARES = "(?!(?:shares?|stocks?|share price|stock price)\\b)";
/** Words that go between a move and what follows it ("fell 2% after rising"): no noun qualified by the figure. */
const LINKS = "(?:after|before|while|as|and|but|then|since|despite|following|when|having|with|on|in|by|to|from|at|or|for|over|amid)";

/**
 * The words between a measure and its move, in one clause: no full stop nor semicolon, but the
 * decimal point of a figure between them ("revenue of $22.1 billion, up 265%").
 */
const CLAUSE = String.raw`(?:[^.;]|\.(?=\d)){0,64}?`;

/** "up from 12%", "down from 3.4%": the level a measure moved from, no move itself. */
/**
 * Earnings, a profit or a loss (or what a company earned), and nothing after it in the clause that
 * prices a share ("sold", "offered", "priced", "closed"): "net income was $21.9 billion, or " and
 * "the company earned " are before earnings per share;
 * "despite the loss, it sold new stock at " is before a price.
 */
const EARNINGS_THEN =
  /\b(?:earnings|net income|income|profit|net loss|loss|eps|earn(?:s|ed|ing)?)\b(?:(?!\b(?:pric\w*|offer\w*|paid|pay\w*|bought|buy\w*|sold|sell\w*|acquir\w*|purchas\w*|valu\w*|trad\w*|clos\w*|bids?|takeover|deal)\b)(?:[^.;]|\.(?=\d)))*$/;
const MOVED_FROM = /\b(?:up|down|rising|falling|rose|fell|increased|decreased|climbed|dropped)\s+from(?:\s+(?:about|around|nearly))?\s*$/;

/** A percentage of something: "5% of its users" is a share of a whole, no move of it. */
const SHARE_OF_WHOLE = /^\s*(?:%|per ?cent)?\s*of\b/;

/** Verbs that take jobs away: what follows them is a cut, not a headcount. */
const CUT =
  /\b(?:cut|cuts|cutting|slash(?:es|ed|ing)?|shed(?:s|ding)?|eliminat(?:e|es|ed|ing)|lay(?:s|ing)? off|laid off)(?:\s+[\p{L}\d,.]+){0,2}\s*$/u;

/**
 * Order matters only between cues at the same distance from a figure: the nearest cue wins, so a
 * more specific family ("per share") comes before the general one ("deal").
 */
export const ATTRIBUTE_FAMILIES: AttributeFamily[] = [
  // Casualties and people affected: figures about an event, or a place it struck.
  family(
    "Death toll",
    ["deaths", "dead", "fatalities", "people killed", "killed", "number of dead", "number of deaths", "toll", "lives lost"],
    /\b(?:kill(?:ed|ing|s)?|dead|died|dies|dying|deaths?|death toll|toll|fatalit(?:y|ies)|lives|bodies|victims|perished|drowned)\b/,
    ["count"],
    ["event", "place"],
    // "3,283 bodies had been buried": a count of burials, which lags the toll, is not the toll.
    { people: true, unlessAfter: /^\W*(?:bodies|victims|dead)\s+(?:(?:have|had|has|were|was|been|now|already)\s+)*buried\b/ },
  ),
  // "300 people were buried under the rubble": trapped, alive or dead, not laid to rest.
  family("Bodies buried", ["burials", "buried", "bodies buried"], /\b(?:buried|burials?)\b/, ["count"], ["event", "place"], {
    unlessAfter: /\bburied\s+(?:alive|under|beneath|in (?:the )?(?:rubble|debris|mud|snow|ruins))\b/,
  }),
  family(
    "Injured",
    ["injuries", "wounded", "people injured", "number injured"],
    /\b(?:injur(?:ed|ies|y|ing)|wounded|hurt|hospitali[sz]ed)\b/,
    ["count"],
    ["event", "place"],
    { people: true },
  ),
  family(
    "People missing",
    ["missing", "missing people", "number missing"],
    /\b(?:missing|unaccounted|search(?:ing)? for)\b/,
    ["count"],
    ["event", "place"],
    {
      people: true,
    },
  ),
  family(
    "People displaced",
    ["displaced", "homeless", "people made homeless", "displaced people"],
    // "Forced from their homes", "fled their villages": people displaced, not an evacuation ordered.
    /\b(?:displaced|homeless|lost their homes|shelters?|sought refuge|taking refuge|(?:forced|driven) (?:out )?(?:from|of) their|fled their)\b/,
    ["count"],
    ["event", "place"],
    { people: true },
  ),
  family(
    "People evacuated",
    ["evacuated", "evacuees", "evacuations"],
    /\b(?:evacuat(?:ed|ion|ions|e)|evacuees|to leave|fled|forced from)\b/,
    ["count"],
    ["event", "place"],
    { people: true },
  ),
  family("People rescued", ["rescued", "rescues"], /\b(?:rescued|rescues?|saved)\b/, ["count"], ["event", "place"], {
    people: true,
  }),
  family(
    "Without power",
    ["homes without power", "people without power", "without electricity", "power outages"],
    /\b(?:without (?:power|electricity)|power cuts?|outages?|blackouts?)\b/,
    ["count"],
    ["event", "place"],
  ),
  family("Cases", ["infections", "confirmed cases", "case count"], /\b(?:cases|infections|infected)\b/, ["count"], ["event", "place"]),
  family(
    "Crowd size",
    ["crowd", "protesters", "demonstrators", "attendance"],
    /\b(?:crowds?|protesters|demonstrators|marchers|marched|rall(?:y|ied))\b/,
    ["count"],
    ["event"],
    { people: true },
  ),
  family("Arrests", ["people arrested", "detained", "detentions"], /\b(?:arrest(?:ed|s)?|detained|detentions?)\b/, ["count"], ["event"], {
    people: true,
  }),
  family("People on board", ["passengers", "aboard", "on board"], /\b(?:on board|aboard|passengers)\b/, ["count"], ["event", "product"], {
    people: true,
  }),
  family(
    "Troops deployed",
    ["soldiers deployed", "troops", "soldiers"],
    /\b(?:troops|soldiers|servicemen)\b/,
    ["count"],
    ["event", "organization"],
  ),
  // Money.
  // "Net income was $21.9 billion, or $2.94 a share": a company's earnings, divided among its shares.
  family(
    "Earnings per share",
    ["eps", "earnings per share", "profit per share", "loss per share"],
    /\b(?:earnings per share|eps|per share|a share)\b/,
    ["money"],
    ["organization"],
    { unless: new RegExp(String.raw`^(?![\s\S]*${EARNINGS_THEN.source})`), max: 10_000 },
  ),
  family(
    "Price per share",
    ["share price", "offer price", "price per share", "per share"],
    /\b(?:per share|a share|each share|share price|stock price)\b/,
    ["money"],
    ["event", "organization"],
    // "a dividend of €0.85 a share" is the dividend; a sum of a million or more is no price of one
    // share; a sum a share after earnings is the earnings' share.
    { unless: new RegExp(String.raw`\bdividends?\b[^.;]{0,30}$|${EARNINGS_THEN.source}`), max: 1_000_000 },
  ),
  // "Tesla shares fell 4.5% to $162.50", "the stock closed at $52": the price the shares moved to.
  family(
    "Share price",
    ["stock price", "closing price", "share price at close"],
    new RegExp(
      `\\b(?:shares|stock)\\b${CLAUSE}\\b(?:at|(?<!\\bup )to)(?:\\s+(?:about|around|nearly|above|below|over|under|more than|less than|a record))?\\s*$`,
    ),
    ["money"],
    ["organization"],
    // "put the value of the stock he owns at $4 billion", "stock worth $5 billion": a holding's worth.
    // A price is of one share: "cut from $12.5 billion to $6.25 billion" moves no share.
    { unless: /\b(?:value[ds]?|valuing|worth|stake|holding)\b[^.;]{0,60}$/, max: 1_000_000 },
  ),
  family(
    "Valuation",
    ["valuation", "value", "market value", "market capitalisation", "market capitalization", "market cap"],
    /\b(?:valu(?:ed|ing|ation)|market (?:value|capitali[sz]ation|cap))\b/,
    ["money"],
    ["organization", "product"],
  ),
  family(
    "Pay",
    ["salary", "wages", "earnings per week"],
    /\b(?:earn(?:s|ed|ing)?|salary|salaries|wages?|a week|per week|an hour|per hour|weekly|hourly)\b/,
    ["money"],
    ["person"],
    // What a company earns is its profit: no one is paid a billion ("a pay package" is cued below).
    { max: 1e9 },
  ),
  family("Termination fee", ["break-up fee", "breakup fee", "break fee"], /\b(?:termination|break-?up|break) fee\b/, ["money"], ["event"]),
  family("Fee", ["transfer fee", "price paid"], /\bfees?\b/, ["money"], ["event", "person", "organization"]),
  family(
    "Deal value",
    ["offer", "offer value", "bid", "takeover value", "transaction value", "acquisition price", "purchase price", "deal size"],
    /\b(?:deal|takeover|buyout|acquisition|acquired?|acquiring|bid|offer|merger|purchased?|buy|bought|buying)\b/,
    ["money"],
    ["event", "organization"],
  ),
  family("Revenue", ["revenues", "sales", "turnover"], /\b(?:revenues?|sales|turnover)\b/, ["money"], ["organization"]),
  family(
    "Profit",
    ["net income", "earnings", "net profit"],
    /\b(?:profits?|net income|earnings|earn(?:s|ed|ing)?)\b/,
    ["money"],
    ["organization"],
  ),
  family("Dividend", ["dividend per share", "payout"], /\bdividends?\b/, ["money"], ["organization"]),
  // "lost a $4 billion contract": what was lost is the contract, not money.
  family("Loss", ["net loss", "operating loss", "losses"], /\b(?:net loss|operating loss|loss|lost)\b/, ["money"], ["organization"], {
    unlessAfter: /^\s*(?:[\p{L}-]+\s+)?(?:contracts?|deals?|bids?|orders?|tenders?|cases?|lawsuits?|appeals?|auctions?|sponsorships?)\b/u,
  }),
  // "launched an appeal for $71.4 million": what an agency asks donors for, not what it has.
  family(
    "Appeal",
    ["funding appeal", "flash appeal", "emergency appeal", "amount appealed for"],
    /\b(?:appeal(?:s|ed|ing)? for|(?:flash|emergency|humanitarian|funding) appeals?)\b/,
    ["money"],
    ["organization", "event"],
  ),
  family(
    "Funding",
    ["funding", "financing", "investment", "funds raised", "amount raised"],
    /\b(?:funding|financing|equity|raised|raising|invest(?:ed|ment|ing)?|backing|commitments?|committed)\b/,
    ["money"],
    ["organization", "event"],
  ),
  family(
    "Debt",
    ["loan", "loans", "borrowing", "debt financing"],
    /\b(?:debt|loans?|borrow(?:ed|ing)?|lenders?)\b/,
    ["money"],
    ["organization", "event"],
  ),
  // "agreed to pay $490 million to settle the lawsuit": what a party pays to end a case.
  family(
    "Settlement",
    ["settlement amount", "settlement payment"],
    /\b(?:settle[ds]?|settling|settlements?)\b/,
    ["money"],
    ["organization", "person"],
  ),
  family("Fine", ["penalty", "fine imposed"], /\b(?:fine[sd]?|penalty|penalties)\b/, ["money"], ["organization", "person"]),
  family(
    "Prison sentence",
    ["sentence", "jail term", "prison term"],
    /\b(?:sentenced|sentences?|prison|jail(?:ed)?|imprisonment|behind bars)\b/,
    ["count", "duration"],
    ["person"],
    { counts: /^(?:years?|months?|weeks?|days?)$/ },
  ),
  family(
    "Damage",
    ["damages", "economic losses", "insured losses", "cost of damage"],
    /\b(?:damages?|destruction|insured losses)\b/,
    ["money"],
    ["event", "place"],
  ),
  family(
    "Cost",
    ["costs", "price", "budget", "spending"],
    /\b(?:cost(?:s|ing)?|spend|spends|spent|spending|budget|price)\b/,
    ["money"],
    ["event", "product", "organization"],
  ),
  family("Net worth", ["fortune", "wealth"], /\b(?:net worth|fortune|wealth|richest)\b/, ["money"], ["person"]),
  family("Pay", ["salary", "compensation", "pay package"], /\b(?:salary|pay package|compensation|paid)\b/, ["money"], ["person"]),
  // Measured quantities.
  // A magnitude counts nothing but quakes ("a 7.8 quake"): "two main shocks as magnitude 7.7" gives no magnitude of two.
  family("Magnitude", ["strength"], /\b(?:magnitude|richter)\b/, ["count", "measure"], ["event"], {
    max: 10,
    counts: /^(?:(?:earth)?quakes?|tremors?|aftershocks?|temblors?)$/,
  }),
  family("Storm surge", ["surge", "surge height"], /\b(?:storm surge|surge)\b/, ["measure"], ["event"]),
  family("Depth", ["focal depth"], /\b(?:depth|deep)\b/, ["measure"], ["event"]),
  family(
    "Rainfall",
    ["rain", "precipitation", "rainfall total"],
    /\b(?:rain(?:fall)?|precipitation|downpour)\b/,
    ["measure"],
    ["place", "event"],
  ),
  family("Wind speed", ["winds", "gusts", "wind"], /\b(?:winds?|gusts?)\b/, ["measure"], ["event", "place"], { dimensions: ["speed"] }),
  family(
    "Area",
    ["area affected", "area burned", "surface"],
    /\b(?:area|hectares|acres|square (?:kilomet|mile))/,
    ["measure"],
    ["event", "place"],
    { dimensions: ["area"] },
  ),
  // "400 metres long", "weighs 200,000 tonnes": a thing's own size, in its dimension only.
  family("Length", ["long", "length"], /\b(?:long|length|lengths)\b/, ["measure"], ["product", "place", "other"], {
    dimensions: ["length"],
  }),
  family("Weight", ["weighs", "mass"], /\b(?:weigh(?:s|ed|ing)?|weight|heavy)\b/, ["measure"], ["product", "other", "person"], {
    dimensions: ["mass"],
  }),
  // "could hold some 22.5 million cubic metres", "a reservoir with a capacity of 40,000 litres": what it holds, in volume only.
  family(
    "Capacity",
    ["storage capacity", "volume"],
    /\b(?:capacity|hold|holds|held|holding|store|stores|stored|storage|contains?|contained)\b/,
    ["measure"],
    ["other", "place", "product"],
    { dimensions: ["volume"] },
  ),
  family("Temperature", ["temperatures", "heat"], /\b(?:temperatures?|degrees|heat|thermometers?)\b/, ["measure"], ["place", "event"], {
    dimensions: ["temperature"],
  }),
  // "about 13 km upstream", "30 miles north of the capital": how far, in length only ("carried 300 tonnes" is no distance).
  family(
    "Distance",
    ["distance from", "distance"],
    /\b(?:distance|away|carried|swept|upstream|downstream|inland|offshore|(?:north|south|east|west)(?:-?(?:east|west))? of)\b/,
    ["measure"],
    ["event", "person", "place"],
    { dimensions: ["length"] },
  ),
  // Days and times.
  family(
    "Founded",
    ["founding date", "date founded", "year founded"],
    /\b(?:founded|established|set up|formed)\b/,
    ["date"],
    ["organization"],
  ),
  family(
    "Launch date",
    ["launched", "release date", "date launched"],
    /\b(?:launch(?:ed|es)?|released?|unveiled|introduced)\b/,
    ["date"],
    ["product"],
  ),
  // "The plant will open in August", "the bridge reopened on Monday"; not "opened fire" nor a
  // market's open ("shares opened 3% higher on Monday").
  family(
    "Opening date",
    ["opened", "date opened", "opening"],
    // Not the noun: "rose at the open on Wednesday" is a market's opening bell.
    /\b(?<!\b(?:the|at|an) )(?:opens?|opened|opening|reopens?|reopened|reopening|inaugurated)\b/,
    ["date"],
    ["place", "organization", "product", "event"],
    // Nor "opened an investigation into … Sunday's visit": what is opened there is no place's opening.
    {
      unless:
        /\bopen(?:s|ed|ing)?\s+(?:fire\b|(?:an?|the|its|their)\s+(?:investigation|inquiry|enquiry|probe|case|account|talks|negotiations|bidding|vote|voting)\b|[^.;]{0,20}?(?:\d|\b(?:higher|lower|up|down|flat)\b))[^.;]{0,60}$/,
    },
  ),
  family(
    "Date withdrawn",
    ["withdrawn", "recall date", "discontinued"],
    // Not "recalled": people recall things too.
    /\b(?:withdrawn|withdrew|pulled (?:from|off) (?:sale|shelves|(?:the )?market|stores)|discontinued|taken off the market)\b/,
    ["date"],
    ["product"],
  ),
  family("Date announced", ["announced", "announcement date"], /\b(?:announced|announcement)\b/, ["date"], ["event", "organization"]),
  family("Date signed", ["signed", "signing date"], /\b(?:signed|signing)\b/, ["date"], ["event"]),
  family("Date elected", ["elected"], /\belected\b/, ["date"], ["person"]),
  // "Sunday's snap election": the day the vote is held, not the day someone won it.
  family(
    "Election date",
    ["election day", "polling day", "date of the election"],
    /\b(?:elections?|referendum|polls? (?:open|close))\b/,
    ["date"],
    ["event"],
  ),
  family("Born", ["date of birth", "birth date", "birthday"], /\b(?:born|birth)\b/, ["date"], ["person"]),
  family(
    "Time sent",
    ["time issued", "sent at", "issued at", "time of the alert"],
    /\b(?:sent|issued|went out|sounded|alert(?:ed)?)\b/,
    ["time"],
    ["event", "organization"],
  ),
  family(
    "Time",
    ["time of the quake", "time of occurrence", "time struck"],
    /\b(?:struck|hit|occurred|happened|began|started|erupted|made landfall|came ashore)\b/,
    ["time"],
    ["event"],
  ),
  family("Date", ["date of the event", "day"], /\b(?:struck|hit|occurred|happened|began|started|erupted)\b/, ["date"], ["event"]),
  // Counts of people and things.
  family(
    "Job cuts",
    ["layoffs", "jobs cut", "redundancies", "job losses"],
    /\b(?:layoffs?|redundanc(?:y|ies)|job (?:cuts|losses)|(?:cut|cuts|cutting)(?!\s+off\b)|slash(?:es|ed|ing)?|shed(?:s|ding)?|eliminat(?:e|es|ed|ing)|lay(?:s|ing)? off|laid off)\b/,
    ["count"],
    ["organization"],
    { counts: /^(?:jobs?|positions?|posts?|roles?|staff|workers?|employees?|people|managers?)$/ },
  ),
  family(
    "Employees",
    ["staff", "workforce", "headcount", "number of employees", "jobs"],
    /\b(?:employees|employ(?:s|ed|ing)?|staff(?:ers)?|workforce|workers|jobs|headcount)\b/,
    ["count"],
    ["organization"],
    { unless: CUT },
  ),
  family(
    "Users",
    ["subscribers", "customers", "daily active users", "monthly active users"],
    /\b(?:users|subscribers|customers|accounts(?! for))\b/,
    ["count"],
    ["product", "organization"],
  ),
  family(
    "Population",
    ["inhabitants", "residents", "people living"],
    /\b(?:population|inhabitants|residents|people live)\b/,
    ["count"],
    ["place"],
  ),
  family("Age", ["aged", "years old"], /\b(?:aged|year-old|years old|age)\b/, ["count"], ["person"], {
    max: 130,
    // "a six-year contract": joined by a hyphen, a span of time describes what follows ("aged 87 years" stays an age).
    unlessAfter: /^-\s*(?:years?|months?|weeks?|days?)\b(?!-old)/,
  }),
  // Shares and rates.
  family(
    "Stake",
    ["holding", "shareholding", "ownership", "stake held"],
    /\b(?:stake|holding|shareholding|owns|owned)\b/,
    ["percentage", "count"],
    ["person", "organization"],
  ),
  family(
    "Revenue growth",
    ["sales growth", "growth in revenue"],
    new RegExp(
      `\\b(?:revenues?|sales|turnover)\\b${CLAUSE}\\b(?:${MOVE}|up|down|grew|increased|decreased|declined)\\b|\\brevenue growth\\b`,
    ),
    ["percentage"],
    ["organization"],
  ),
  family(
    "Profit change",
    ["profit growth", "earnings growth"],
    new RegExp(`\\b(?:profits?|net income|earnings)\\b${CLAUSE}\\b(?:${MOVE}|up|down|grew|increased|decreased)\\b`),
    ["percentage"],
    ["organization"],
  ),
  // A share by which a counted metric moved is that metric's change: "daily users rose 15.9%".
  family(
    "User growth",
    ["subscriber growth", "customer growth", "growth in users", "users growth"],
    new RegExp(
      `\\b(?:users|subscribers|customers|accounts|members|memberships|audience|viewers|readers)\\b${CLAUSE}\\b(?:${MOVE}|(?<!made )up|down|grew|increased|decreased|declined)\\b`,
    ),
    ["percentage"],
    ["product", "organization"],
    // "accounts made up fewer than 5% of its users": a share of a whole, no move; nor the level
    // before one ("15% of customers are in Europe, up from 12%").
    { unlessAfter: SHARE_OF_WHOLE, unless: MOVED_FROM },
  ),
  family(
    "Output change",
    ["production change", "output growth", "production growth", "change in deliveries", "change in shipments"],
    new RegExp(`\\b(?:output|production|deliveries|shipments)\\b${CLAUSE}\\b(?:${MOVE}|up|down|grew|increased|decreased|declined)\\b`),
    ["percentage"],
    ["organization", "place", "product"],
    // "2% of its output": a share of a whole, no move; nor the level before one.
    { unlessAfter: SHARE_OF_WHOLE, unless: MOVED_FROM },
  ),
  family(
    "Price change",
    ["price rise", "price increase", "rent increase", "change in prices"],
    new RegExp(`\\b(?:prices?|rents?|costs?|fares?|tariffs?)\\b${CLAUSE}\\b(?:${MOVE}|up|down|grew|increased|decreased)\\b`),
    ["percentage"],
    ["place", "product", "organization"],
  ),
  family(
    "Share price change",
    ["share move", "stock move", "share price move", "change in share price"],
    // "rose to 6.1%" gives a level, of whatever rose: no move. "A 10% wage rise": the figure's own
    // noun is what rose, and a later figure in the sentence is no share move by that rise either.
    new RegExp(
      `\\b(?:(?<!(?:%|\\bper ?cent)\\s+${NOT_SHARES}(?!${LINKS}\\b)[a-z-]+\\s+)${MOVE}\\b(?!\\s+to\\b)|(?:premarket|pre-market|trading|shares|stock)\\b)`,
    ),
    ["percentage"],
    ["organization"],
    // "20% of homes lost power", "one in four homes lost power", "a 5% pay rise": a share of
    // something counted, or a move of the noun the figure qualifies, moves no price.
    // "Their share of the vote fell from 43.6% to 23.7%": a vote share or a turnout that moved is
    // that measure, at its levels.
    {
      unless: /\b(?:vote share|share of (?:the )?(?:popular )?votes?|turnout)\b(?:[^.;]|\.(?=\d)){0,60}$/,
      unlessAfter: new RegExp(
        `^\\s*(?:%|per ?cent)?\\s*(?:of\\s+(?!(?:its|their|the company's)\\s+(?:(?:stock\\s+)?market\\s+)?(?:value|valuation|capitali[sz]ation|cap|worth)\\b)\\p{L}|${NOT_SHARES}(?!${LINKS}\\b)[\\p{L}-]+\\s+${MOVE}\\b)`,
        "u",
      ),
    },
  ),
  family(
    "Share hospitalised",
    ["hospitalisation rate", "hospitalization rate"],
    /\bhospitali[sz](?:ed|ation)\b/,
    ["percentage"],
    ["event", "place"],
  ),
  family(
    "Vaccination rate",
    ["vaccination coverage", "immunisation rate", "share vaccinated"],
    /\b(?:vaccinat(?:ed|ion)|immuni[sz](?:ed|ation)|(?:vaccines?|jabs?|immunisation|immunization) coverage)\b/,
    ["percentage"],
    ["place"],
  ),
  // "put participation at about 60 percent": a vote's participation is its turnout; a workforce's is not.
  family(
    "Turnout",
    ["voter turnout", "participation"],
    /\b(?:turnout|(?<!\b(?:labou?r|labou?r[ -]force|workforce|force|market|school|female|male|women's|men's|youth)\s)participation)\b/,
    ["percentage"],
    ["event", "place"],
  ),
  family(
    "Vote share",
    ["share of the vote", "share of votes", "result"],
    /\b(?:of (?:the )?(?:popular )?votes?(?: cast)?|vote share|share of (?:the )?votes?|of (?:the )?ballots(?: cast)?)\b/,
    ["percentage"],
    ["organization", "person"],
  ),
  // "a majority of around 170", "a Commons majority of 174": what a winner holds over all others.
  // Of seats or votes only: "the majority of 300 residents" counts residents.
  family(
    "Majority",
    ["parliamentary majority", "commons majority", "working majority", "overall majority", "seat majority"],
    /\bmajority\b/,
    ["count"],
    ["organization", "person"],
    { counts: /^(?:seats?|votes?|mps?)$/, cuedBefore: true },
  ),
  family(
    "Poll support",
    ["polling", "approval rating", "poll rating"],
    /\b(?:polls?|polling|approval|respondents|surveyed)\b/,
    ["percentage"],
    ["organization", "person"],
  ),
  // "the fire was 15% contained": how much of a fire's edge is held.
  family("Containment", ["contained", "percent contained"], /\bcontain(?:ed|ment)\b/, ["percentage"], ["event"]),
  family(
    "Growth",
    ["increase", "growth rate"],
    /\b(?:growth|grew|grow(?:s|ing)?|expan(?:d|ded|ds|sion)|increase[sd]?)\b/,
    ["percentage"],
    ["organization", "place"],
  ),
  family("Premium", ["offer premium", "premium over the close"], /\bpremium\b/, ["percentage", "money"], ["event"]),
  // Three rates news keeps apart (a country's inflation is no interest rate), before any other rate.
  family(
    "Inflation",
    ["inflation rate", "consumer prices", "consumer price index", "cpi"],
    /\b(?:inflation|consumer prices?|cpi)\b/,
    ["percentage"],
    ["place"],
  ),
  family("Unemployment rate", ["unemployment", "jobless rate"], /\b(?:unemployment|jobless(?: rate)?)\b/, ["percentage"], ["place"]),
  family(
    "Interest rate",
    ["policy rate", "benchmark rate", "lending rate", "base rate", "key rate"],
    /\b(?:interest|lending|policy|benchmark|base|key|repo|mortgage|deposit)(?: (?:interest|lending|policy))? rates?\b/,
    ["percentage"],
    ["organization", "place"],
  ),
  family("Rate", ["rates"], /\brates?\b/, ["percentage"], ["place", "organization"]),
];

const QUALIFIER = /^(?:,|\(|:| in | of | on | at | for | from | after | before | against | during | by | among | to | per )/;

/**
 * The family a label belongs to: its canonical label or a synonym, whole ("Deaths") or followed by
 * a qualifier ("Rainfall on 29 October", "Stake in Twitter", "Revenue, first quarter of 2022").
 * `whole` asks for the label itself, no qualifier: two labels that are one measure.
 */
export function familyOf(label: string, whole = false): AttributeFamily | null {
  const key = `${whole ? "=" : "~"}${label}`;
  let found = families.get(key);
  if (found === undefined) {
    found = findFamily(foldText(label), whole);
    if (families.size > 10_000) families.clear();
    families.set(key, found);
  }
  return found;
}

/** Labels already looked up: a label is asked for once per proposal, a lexicon's worth of names each time. */
const families = new Map<string, AttributeFamily | null>();
const NAMES = ATTRIBUTE_FAMILIES.map((f) => ({ family: f, names: [foldText(f.label), ...f.synonyms] }));

function findFamily(folded: string, whole: boolean): AttributeFamily | null {
  for (const { family, names } of NAMES) {
    for (const name of names) {
      if (folded === name) return family;
      if (!whole && folded.startsWith(name) && QUALIFIER.test(folded.slice(name.length))) return family;
    }
  }
  return null;
}

/** Singular and plural, case and accents aside: "Parking spaces" is "parking space". */
const looseFold = (label: string) =>
  foldText(label)
    .split(" ")
    .map((w) => (w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w))
    .join(" ");

/**
 * Whether two labels name the same attribute: equal once folded (case, accents, a plural), or
 * both the same family's label or synonyms whole ("Death toll" and "Deaths"). A qualified label
 * ("Stake in Twitter") is the same as another only if equal: its qualifier may matter.
 */
export function sameAttribute(a: string, b: string): boolean {
  if (looseFold(a) === looseFold(b)) return true;
  const fa = familyOf(a, true);
  return fa !== null && fa === familyOf(b, true);
}
