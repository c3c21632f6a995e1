// The word lists the lexical matcher normalises with: synonyms of the kind claims are paraphrased with,
// titles that come and go before names, number words and words that carry no claim.

/** Phrases and words mapped to one canonical token, longest phrases first when applied. */
export const synonymGroups: Record<string, readonly string[]> = {
  increase: ['went up', 'gone up', 'goes up', 'go up', 'going up', 'risen', 'rose', 'rise', 'rises', 'rising', 'increased', 'increase', 'increases', 'increasing', 'grew', 'grow', 'grown', 'grows', 'growing', 'growth', 'climbed', 'climb', 'climbs', 'jumped', 'jump', 'jumps', 'surged', 'surge', 'soared', 'soar', 'up', 'hike', 'hiked', 'raised', 'boosted', 'higher'],
  decrease: ['went down', 'gone down', 'goes down', 'go down', 'going down', 'fell', 'fall', 'fallen', 'falls', 'falling', 'dropped', 'drop', 'drops', 'declined', 'decline', 'declines', 'decreased', 'decrease', 'decreases', 'shrank', 'shrunk', 'shrink', 'shrinks', 'plunged', 'plummeted', 'slumped', 'dipped', 'down', 'reduced', 'reduce', 'reduction', 'cut', 'cuts', 'slashed', 'lower', 'lowered', 'fewer', 'less'],
  double: ['two times', '2 times', 'twice', 'doubled', 'doubling', 'doubles', 'double', 'twofold', 'two fold'],
  triple: ['three times', '3 times', 'tripled', 'triples', 'triple', 'threefold', 'three fold'],
  half: ['halved', 'halves', 'half'],
  more: ['more', 'greater', 'larger', 'bigger', 'exceeds', 'exceeded', 'above'],
  most: ['most', 'highest', 'largest', 'biggest', 'greatest', 'record'],
  least: ['least', 'lowest', 'smallest', 'fewest'],
  percent: ['per cent', 'percentage points', 'percentage point', 'percent', 'pct', '%'],
  people: ['people', 'persons', 'residents', 'citizens', 'individuals', 'inhabitants'],
  child: ['children', 'child', 'kids', 'kid', 'minors'],
  job: ['jobs', 'job', 'positions', 'posts', 'roles'],
  unemployment: ['unemployment', 'joblessness', 'jobless', 'unemployed', 'out of work'],
  wage: ['wages', 'wage', 'salaries', 'salary', 'pay', 'earnings', 'income', 'incomes'],
  price: ['prices', 'price', 'costs', 'cost', 'costing'],
  spend: ['spending', 'spend', 'spent', 'spends', 'expenditure', 'expenditures', 'outlays'],
  home: ['houses', 'house', 'homes', 'home', 'housing', 'dwellings'],
  crime: ['crimes', 'crime', 'offences', 'offenses', 'offence', 'offense'],
  homicide: ['murders', 'murder', 'homicides', 'homicide', 'killings'],
  migrant: ['immigrants', 'immigrant', 'migrants', 'migrant', 'immigration', 'migration'],
  doctor: ['doctors', 'doctor', 'physicians', 'physician', 'gps'],
  car: ['cars', 'car', 'vehicles', 'vehicle', 'automobiles'],
  country: ['country', 'countries', 'nation', 'nations', 'nationwide', 'national'],
  government: ['government', 'governments', 'administration', 'cabinet'],
  tax: ['taxes', 'tax', 'taxation', 'levy', 'levies'],
  year: ['per year', 'a year', 'each year', 'every year', 'annually', 'annual', 'yearly', 'years', 'year'],
  month: ['per month', 'a month', 'each month', 'monthly', 'months', 'month'],
  average: ['average', 'mean', 'typical'],
  emission: ['emissions', 'emission', 'pollution'],
  student: ['students', 'student', 'pupils', 'pupil'],
  school: ['schools', 'school'],
  teacher: ['teachers', 'teacher', 'educators'],
  patient: ['patients', 'patient'],
  death: ['deaths', 'death', 'died', 'fatalities', 'killed'],
  dollar: ['dollars', 'dollar', 'usd', '$'],
  pound: ['pounds', 'pound', 'gbp', '£'],
  euro: ['euros', 'euro', 'eur', '€'],
  km: ['kilometres', 'kilometers', 'kilometre', 'kilometer', 'km'],
  kg: ['kilograms', 'kilogram', 'kilos', 'kg'],
  tonne: ['tonnes', 'tonne', 'tons', 'ton'],
  mile: ['miles', 'mile'],
  hour: ['hours', 'hour', 'hrs'],
  since: ['since', 'from'],
  every: ['every', 'each', 'per'],
  only: ['only', 'just', 'merely'],
  all: ['all', 'every single', 'whole', 'entire'],
  never: ['never', 'not once'],
  world: ['world', 'globe', 'global', 'worldwide'],
  law: ['law', 'laws', 'legislation', 'bill', 'act'],
  vote: ['votes', 'vote', 'voted', 'ballots'],
  voter: ['voters', 'voter', 'electorate'],
  police: ['police', 'officers', 'cops', 'policing'],
  budget: ['budget', 'budgets', 'funding', 'funds'],
  debt: ['debt', 'debts', 'borrowing'],
  company: ['companies', 'company', 'firms', 'firm', 'businesses', 'business'],
};

/** Honorifics and offices that may or may not stand before a name. */
export const titles = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'president', 'senator', 'sen',
  'rep', 'representative', 'congressman', 'congresswoman', 'governor', 'gov', 'mayor', 'minister', 'prime', 'chancellor',
  'secretary', 'mp', 'mep', 'councillor', 'judge', 'justice', 'rev', 'reverend', 'gen', 'general', 'former', 'deputy',
]);

/** Words that carry no claim: articles, auxiliaries, reporting verbs, hedges. */
export const stopwords = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'and', 'or', 'but', 'is', 'are', 'was', 'were', 'be',
  'been', 'being', 'has', 'have', 'had', 'having', 'do', 'does', 'did', 'that', 'this', 'these', 'those', 'it', 'its', 'as',
  'than', 'said', 'says', 'say', 'saying', 'claimed', 'claims', 'claim', 'claiming', 'stated', 'states', 'according',
  'there', 'their', 'they', 'them', 'we', 'our', 'us', 'he', 'she', 'his', 'her', 'i', 'my', 'you', 'your', 'which', 'who',
  'whom', 'what', 'when', 'where', 'while', 'now', 'then', 'so', 'very', 'nearly', 'almost', 'around', 'roughly', 'about',
  'approximately', 'some', 'over', 'into', 'out', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'also',
  'been', 'become', 'became', 'times', 'time', 'last', 'past', 'during', 'between', 'among',
  'amount', 'number', 'total', 'figure', 'rate', 'level', 'levels', 'compared', 'what', 'how', 'if', 'not', 'no',
]);

export const smallNumbers: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

export const multipliers: Record<string, number> = {
  hundred: 100, thousand: 1_000, k: 1_000, million: 1_000_000, m: 1_000_000, mn: 1_000_000, mln: 1_000_000,
  billion: 1_000_000_000, bn: 1_000_000_000, b: 1_000_000_000, trillion: 1_000_000_000_000, tn: 1_000_000_000_000,
};
