import { foldText } from "@/lib/domain/text.ts";

/**
 * Given names common in the news of many countries, folded (no accents, lower case). A run of
 * capitalised words that opens with one ("Sam Altman", "Ahmed Hassan", "Maria Gonzalez") is
 * most likely someone, even where nothing around it says so ("removed Sam Altman as chief
 * executive"). Only the first word of a run of two or more is looked up: a given name alone is
 * as often a place, a brand or a storm (Victoria, Mercedes, Katrina), and names that are as often
 * places or firms first ("Georgia", "Jordan": "Georgia Power"; "Santiago de Compostela", "Jin Air")
 * or words of a people or a service ("Roman Empire", "Marine Corps") are left out.
 */
const GIVEN_NAMES = new Set(
  `aaron abdul abdullah abel abigail abu adam adel adrian ahmad ahmed aisha alan albert alberto alejandro
  aleksandr alex alexander alexandra alexandre alexei alexis alfonso alfred ali alice alicia alina alison
  amanda amar amelia amir amy ana anabel anders andrea andreas andre andres andrew andrzej angela angelo anil
  anita ann anna anne annie anthony antoine anton antonio arjun arnold arthur ashley ayesha barack barbara
  barry ben benjamin bernard bernie beth bill boris brad bradley brandon brenda brett brian bruce bruno
  carl carla carlos carmen carol caroline catherine cecilia charles charlie charlotte chen cheng chris
  christian christina christine christopher claire clara claudia colin craig cristina dan dana daniel
  daniela danielle dario david deborah denis dennis diana diego dimitri dmitry dominic donald donna doug
  douglas dylan ed eddie edgar eduardo edward elena elias elijah elizabeth ellen elon emil emily emma
  emmanuel enrique eric erik ernesto esther ethan eva evan fatima felipe felix fernando fiona francesca
  francesco francis francisco frank franz fred frederick gabriel gabriela gary george gerald gerhard giorgia
  giovanni giuseppe gloria gordon grace greg gregory guillermo gustavo hamid hannah hans harold harry hassan
  heather hector heinz helen helena henry hiroshi hugo hussein ian ibrahim igor ines ingrid irene isaac
  isabel isabella ivan jack jacob jacques jake james jamie jan jane janet jason javier jean jeff jeffrey
  jennifer jeremy jerome jessica jim joan joanna joe joel johan johann john jonathan jorge jose josef
  joseph josh joshua juan judith julia julian julie juliette jurgen justin kamala karen karim karl kate
  katherine kathleen kathryn kathy keith kelly ken kenji kenneth kevin khalid kim klaus kristin kurt larry
  laura lauren lawrence leila leo leon leonardo lisa lorenzo louis louise lucas lucia luis luiz luke mahmoud
  marc marco marcos margaret maria mariana marie marina mario mark marta martha martin mary matt matthew
  mauricio max maya megan mehmet melanie melissa michael michel michelle miguel mike mikhail mohamed
  mohammad mohammed muhammad nadia nancy naomi natalia natalie nathan neil nicholas nick nicola nicolas
  nikolai nina noah olaf olga oliver olivia omar oscar owen pablo pamela paolo patricia patrick paul paula
  pedro pete peter philip philippe pierre rachel rafael rahul raj ralph ramon randy raul ray rebecca richard
  rick rishi rita rob robert roberto robin roger ronald rosa ruth ryan said sally sam samantha samir samuel
  sandra sara sarah satya scott sean sebastian sergei sergey sergio shane sharon shinzo simon sofia sophie
  stefan stephanie stephen steve steven sundar susan sven tamara tanya ted teresa theresa thomas tim timothy tom
  tony tracy usman valentina valerie vanessa victor vincent vivian vladimir walter wang wei william xavier
  yasmin yuki yuri yusuf zhang
  abiy ahmet akira alain alessandro alistair amit andy angus annalena anthony antony ashraf bashar benoit
  bjorn boubacar brigitte bernadette carsten cedric chloe christophe chuck cyril dalia deepak dilma dmytro
  dominique donatella ebrahim edouard ehud ekrem elisabeth emine enzo erling fabio fahad fernanda
  florian francois friedrich fumio gavin gianni gilles giorgio gonzalo gretchen gustav hakan hamza heidi
  helmut hillary hiroshi humza imran ingrid isaias jacinda jair jamal janet jared javad jens jeroen jessie
  joaquin jochen joko jorge josep joyce jules kemi kenan kevin keir kirsten kwame lars lionel
  liz lula magnus mahmood malala manuel marcelo margrethe mario mateo mathias matteo mette mitch
  moses mustafa narendra nayib nawaz nigel nikki nikos olena oleksandr oleksiy omar pankaj pascal petr
  petra pierre-yves pilar pradeep priti rajesh ramesh recep reza roberta rodrigo rupert sadiq
  sanjay saad shehbaz shigeru silvio sinead sonia stanislav sunil tayyip thierry tiago
  tobias ulf ursula valeria vicente viktor volodymyr wolfgang xi yair yoav yolanda yvette zoran`.split(/\s+/),
);

/**
 * Whether a name's first word is a common given name: "Sam Altman", not "Sam" or "Altman Ltd",
 * nor a place, a building or a thing named after someone ("Ben Gurion Airport", "Alice Springs",
 * "the Nelson Mandela Bridge"), whose last word says what it is.
 */
export function opensWithGivenName(name: string): boolean {
  const words = foldText(name).split(/\s+/);
  const last = words.at(-1)!;
  // "Daniel Park", "Emma Hall", "Jude Law": two words whose last is as often a surname are someone.
  const namedAfter = NAMED_AFTER_SOMEONE.test(last) && (words.length >= 3 || !SURNAME_TOO.test(last));
  return words.length >= 2 && GIVEN_NAMES.has(words[0]!) && !namedAfter;
}

/** Words of a place or a thing named after someone that are as often a surname: Park, Hall, House, Law. */
const SURNAME_TOO = /^(?:park|hall|house|bridge|port|line|base|camp|law|bill|plan|tower|gardens?)$/;

/** The last word of a place, a building, a route or a thing named after someone. */
const NAMED_AFTER_SOMEONE =
  /^(?:airport|airfield|station|terminal|stadium|arena|bridge|tunnel|highway|expressway|springs|falls|park|gardens?|hall|tower|building|house|palace|hospital|clinic|museum|gallery|library|port|harbou?r|canal|dam|line|base|camp|centre|center|memorial|monument|cathedral|church|mosque|temple|school|college|university|prize|award|trophy|medal|act|law|bill|plan|doctrine|treaty|accords?)$/;
