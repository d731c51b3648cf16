#!/usr/bin/env lua5.4
--- gen_countries.lua - writes lua/dyadic/data/countries.lua, the state actors of the
-- default lexicon, in the native lexicon format.
--
--   lua5.4 tools/gen_countries.lua [ISO_JSON_DIR] > lua/dyadic/data/countries.lua
--
-- Names come from Debian's iso-codes (ISO 3166-1 current and ISO 3166-3 withdrawn
-- codes, /usr/share/iso-codes/json); everything iso-codes does not carry (capitals,
-- demonyms, common short forms, seats of power, date bounds of successions) is the
-- table of facts below. Sources are listed in lua/dyadic/data/README.md.
local ok, json = pcall(require, "cjson")
if not ok then json = require "dkjson" end

local dir = arg[1] or "/usr/share/iso-codes/json"

local function read_json(path)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  return json.decode(data)
end

-- The 193 UN member states.
local UN_MEMBERS = [[
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI
EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE]]
-- UN observer states, plus Taiwan and Kosovo (XKX, the user-assigned code in common use).
local OBSERVERS = "VAT PSE TWN XKX"

-- Facts per code. c = capitals; d = demonyms and adjectives; a = other names and short
-- forms; t = names that only count when capitalized (case=title); x = replaces the
-- iso-codes names entirely (used when they are misleading). Lists are separated by "|".
-- Each name may carry native attributes after ";" (e.g. "Soviet;to=1991-12-25").
local FACTS = {
  AFG = { c = "Kabul", d = "Afghan|Afghans" },
  ALB = { c = "Tirana", d = "Albanian|Albanians" },
  DZA = { c = "Algiers", d = "Algerian|Algerians" },
  AND = { c = "Andorra la Vella", d = "Andorran" },
  AGO = { c = "Luanda", d = "Angolan|Angolans" },
  ATG = { c = "St. John's", a = "Antigua" },
  ARG = { c = "Buenos Aires", d = "Argentine|Argentines|Argentinian|Argentinians" },
  ARM = { c = "Yerevan", d = "Armenian|Armenians" },
  AUS = { c = "Canberra", d = "Australian|Australians" },
  AUT = { c = "Vienna", d = "Austrian|Austrians" },
  AZE = { c = "Baku", d = "Azerbaijani|Azerbaijanis|Azeri|Azeris" },
  BHS = { c = "Nassau", a = "Bahamas", d = "Bahamian" },
  BHR = { c = "Manama", d = "Bahraini|Bahrainis" },
  BGD = { c = "Dhaka|Dacca", d = "Bangladeshi|Bangladeshis" },
  BRB = { c = "Bridgetown", d = "Barbadian" },
  BLR = { c = "Minsk", d = "Belarusian|Belarusians|Byelorussian", a = "Byelorussia" },
  BEL = { c = "", d = "Belgian|Belgians" },  -- Brussels: the EU (organisations.lua)
  BLZ = { c = "Belmopan", d = "Belizean" },
  BEN = { c = "Porto-Novo|Cotonou", d = "Beninese", a = "Dahomey;to=1975-11-29" },
  BTN = { c = "Thimphu", d = "Bhutanese" },
  BOL = { c = "La Paz|Sucre", d = "Bolivian|Bolivians" },
  BIH = { c = "Sarajevo", d = "Bosnian|Bosnians", a = "Bosnia|Bosnia-Herzegovina" },
  BWA = { c = "Gaborone", d = "Botswanan" },
  BRA = { c = "Brasilia|Brasília", d = "Brazilian|Brazilians" },
  BRN = { c = "Bandar Seri Begawan", d = "Bruneian", a = "Brunei" },
  BGR = { c = "Sofia", d = "Bulgarian|Bulgarians" },
  BFA = { c = "Ouagadougou", d = "Burkinabe|Burkinabè", a = "Upper Volta;to=1984-08-03" },
  BDI = { c = "Gitega|Bujumbura", d = "Burundian|Burundians" },
  CPV = { c = "Praia", d = "Cape Verdean", a = "Cape Verde" },
  KHM = { c = "Phnom Penh", d = "Cambodian|Cambodians|Khmer", a = "Kampuchea" },
  CMR = { c = "Yaounde|Yaoundé", d = "Cameroonian|Cameroonians" },
  CAN = { c = "Ottawa", d = "Canadian|Canadians" },
  CAF = { c = "Bangui", d = "Central African" },
  TCD = { c = "N'Djamena|Ndjamena", d = "Chadian|Chadians", t = "Chad" },
  CHL = { c = "Santiago", d = "Chilean|Chileans" },
  CHN = { c = "Beijing|Peking", d = "Chinese", a = "PRC;case=title|People's Republic|mainland China|Sino",
          seats = "Zhongnanhai|Great Hall of the People" },
  COL = { c = "Bogota|Bogotá", d = "Colombian|Colombians" },
  COM = { c = "Moroni", d = "Comoran|Comorian", a = "Comoros" },
  COG = { c = "Brazzaville", a = "Congo-Brazzaville|Republic of Congo|Republic of the Congo|Congo;to=1997-05-16",
          drop = "Congo" },
  CRI = { c = "San José", d = "Costa Rican|Costa Ricans" },
  CIV = { c = "Yamoussoukro|Abidjan", d = "Ivorian|Ivorians", a = "Ivory Coast|Cote d'Ivoire" },
  HRV = { c = "Zagreb", d = "Croatian|Croatians|Croat|Croats" },
  CUB = { c = "Havana", d = "Cuban|Cubans" },
  CYP = { c = "Nicosia", d = "Cypriot|Cypriots" },
  CZE = { c = "Prague", d = "Czech|Czechs", a = "Czech Republic" },
  PRK = { c = "Pyongyang", d = "North Korean|North Koreans",
          a = "North Korea|DPRK;case=title|Democratic People's Republic of Korea" },
  COD = { c = "Kinshasa", d = "Zairean|Zairian",
          a = "DR Congo|DRC;case=title|Congo-Kinshasa|Democratic Republic of Congo|"
          .. "Democratic Republic of the Congo|Zaire|Congo;from=1997-05-17" },
  DNK = { c = "Copenhagen", d = "Danish|Dane|Danes" },
  DJI = { c = "Djibouti", d = "Djiboutian" },
  DMA = { c = "Roseau", a = "Commonwealth of Dominica" },
  DOM = { c = "Santo Domingo", d = "Dominican|Dominicans" },
  ECU = { c = "Quito", d = "Ecuadorean|Ecuadorian|Ecuadoreans|Ecuadorians" },
  EGY = { c = "Cairo", d = "Egyptian|Egyptians" },
  SLV = { c = "San Salvador", d = "Salvadoran|Salvadorean|Salvadorans" },
  GNQ = { c = "Malabo", d = "Equatorial Guinean|Equatoguinean" },
  ERI = { c = "Asmara", d = "Eritrean|Eritreans" },
  EST = { c = "Tallinn", d = "Estonian|Estonians" },
  SWZ = { c = "Mbabane", d = "Swazi|Swazis", a = "Swaziland" },
  ETH = { c = "Addis Ababa", d = "Ethiopian|Ethiopians" },
  FJI = { c = "Suva", d = "Fijian|Fijians" },
  FIN = { c = "Helsinki", d = "Finnish|Finn|Finns" },
  FRA = { c = "Paris", d = "French|Frenchman|Frenchmen",
          seats = "Elysee|Élysée|Elysee Palace|Élysée Palace|Quai d'Orsay|Matignon" },
  GAB = { c = "Libreville", d = "Gabonese" },
  GMB = { c = "Banjul", d = "Gambian|Gambians", a = "Gambia" },
  GEO = { c = "Tbilisi", d = "Georgian|Georgians;from=1991-04-09" },
  DEU = { c = "Berlin;from=1990-10-03|Bonn;to=1999-08-31", d = "German|Germans",
          a = "West Germany;to=1990-10-02|West German;to=1990-10-02|West Germans;to=1990-10-02|"
          .. "Federal Republic of Germany|FRG;case=title to=1990-10-02", seats = "Chancellery;case=title" },
  GHA = { c = "Accra", d = "Ghanaian|Ghanaians" },
  GRC = { c = "Athens", d = "Greek|Greeks|Hellenic" },
  GRD = { c = "St. George's", d = "Grenadian" },
  GTM = { c = "Guatemala City", d = "Guatemalan|Guatemalans" },
  GIN = { c = "Conakry", d = "Guinean|Guineans" },
  GNB = { c = "Bissau", d = "Bissau-Guinean" },
  GUY = { c = "Georgetown;case=title", d = "Guyanese|Guyanan" },
  HTI = { c = "Port-au-Prince", d = "Haitian|Haitians" },
  HND = { c = "Tegucigalpa", d = "Honduran|Hondurans" },
  HUN = { c = "Budapest", d = "Hungarian|Hungarians" },
  ISL = { c = "Reykjavik|Reykjavík", d = "Icelandic|Icelander|Icelanders" },
  IND = { c = "New Delhi|Delhi", d = "Indian|Indians" },
  IDN = { c = "Jakarta", d = "Indonesian|Indonesians" },
  IRN = { c = "Tehran|Teheran", d = "Iranian|Iranians|Persian", a = "Persia" },
  IRQ = { c = "Baghdad", d = "Iraqi|Iraqis" },
  IRL = { c = "Dublin", d = "Irish", a = "Irish Republic|Eire|Éire" },
  ISR = { c = "Jerusalem|Tel Aviv", d = "Israeli|Israelis", seats = "Knesset;role=LEG" },
  ITA = { c = "Rome", d = "Italian|Italians", seats = "Palazzo Chigi|Quirinale" },
  JAM = { c = "Kingston;case=title", d = "Jamaican|Jamaicans" },
  JPN = { c = "Tokyo", d = "Japanese", seats = "Kasumigaseki|Kantei" },
  JOR = { c = "Amman", d = "Jordanian|Jordanians", t = "Jordan" },
  KAZ = { c = "Astana|Nur-Sultan|Almaty|Alma-Ata", d = "Kazakh|Kazakhs|Kazakhstani" },
  KEN = { c = "Nairobi", d = "Kenyan|Kenyans" },
  KIR = { c = "Tarawa", d = "I-Kiribati" },
  KWT = { c = "Kuwait City", d = "Kuwaiti|Kuwaitis" },
  KGZ = { c = "Bishkek", d = "Kyrgyz|Kirghiz", a = "Kirghizia|Kyrgyz Republic" },
  LAO = { c = "Vientiane", d = "Lao|Laotian|Laotians" },
  LVA = { c = "Riga", d = "Latvian|Latvians" },
  LBN = { c = "Beirut", d = "Lebanese" },
  LSO = { c = "Maseru", d = "Basotho" },
  LBR = { c = "Monrovia", d = "Liberian|Liberians" },
  LBY = { c = "Tripoli", d = "Libyan|Libyans" },
  LIE = { c = "Vaduz", d = "Liechtensteiner" },
  LTU = { c = "Vilnius", d = "Lithuanian|Lithuanians" },
  LUX = { c = "Luxembourg City", d = "Luxembourgish|Luxembourger|Luxembourgers" },
  MDG = { c = "Antananarivo", d = "Malagasy" },
  MWI = { c = "Lilongwe", d = "Malawian|Malawians" },
  MYS = { c = "Kuala Lumpur|Putrajaya", d = "Malaysian|Malaysians" },
  MDV = { c = "Malé", d = "Maldivian|Maldivians" },
  MLI = { c = "Bamako", d = "Malian|Malians" },
  MLT = { c = "Valletta", d = "Maltese" },
  MHL = { c = "Majuro", d = "Marshallese" },
  MRT = { c = "Nouakchott", d = "Mauritanian|Mauritanians" },
  MUS = { c = "Port Louis", d = "Mauritian|Mauritians" },
  MEX = { c = "Mexico City", d = "Mexican|Mexicans" },
  FSM = { c = "Palikir", d = "Micronesian", a = "Micronesia" },
  MCO = { c = "Monte Carlo", d = "Monegasque" },
  MNG = { c = "Ulan Bator|Ulaanbaatar", d = "Mongolian|Mongolians" },
  MNE = { c = "Podgorica", d = "Montenegrin|Montenegrins" },
  MAR = { c = "Rabat", d = "Moroccan|Moroccans" },
  MOZ = { c = "Maputo", d = "Mozambican|Mozambicans" },
  MMR = { c = "Naypyidaw;from=2005-11-06|Nay Pyi Taw;from=2005-11-06|Rangoon;to=2005-11-05|Yangon;to=2005-11-05",
          d = "Burmese", a = "Burma" },
  NAM = { c = "Windhoek", d = "Namibian|Namibians" },
  NRU = { c = "Yaren", d = "Nauruan" },
  NPL = { c = "Kathmandu", d = "Nepali|Nepalese" },
  NLD = { c = "Amsterdam|The Hague", d = "Dutch|Dutchman", a = "Holland" },
  NZL = { c = "Wellington;case=title", d = "New Zealander|New Zealanders", a = "N.Z." },
  NIC = { c = "Managua", d = "Nicaraguan|Nicaraguans" },
  NER = { c = "Niamey", d = "Nigerien|Nigeriens" },
  NGA = { c = "Abuja|Lagos;to=1991-12-11", d = "Nigerian|Nigerians" },
  MKD = { c = "Skopje", d = "Macedonian;from=1991-09-08", a = "Macedonia;from=1991-09-08|FYROM;case=title" },
  NOR = { c = "Oslo", d = "Norwegian|Norwegians" },
  OMN = { c = "Muscat", d = "Omani|Omanis" },
  PAK = { c = "Islamabad", d = "Pakistani|Pakistanis" },
  PLW = { c = "Ngerulmud", d = "Palauan" },
  PAN = { c = "Panama City", d = "Panamanian|Panamanians" },
  PNG = { c = "Port Moresby", d = "Papua New Guinean", a = "PNG;case=title" },
  PRY = { c = "Asuncion|Asunción", d = "Paraguayan|Paraguayans" },
  PER = { c = "Lima", d = "Peruvian|Peruvians" },
  PHL = { c = "Manila", d = "Philippine|Filipino|Filipinos", a = "Philippines" },
  POL = { c = "Warsaw", d = "Polish|Pole;case=title|Poles;case=title" },
  PRT = { c = "Lisbon", d = "Portuguese" },
  QAT = { c = "Doha", d = "Qatari|Qataris" },
  KOR = { c = "Seoul", d = "South Korean|South Koreans", a = "South Korea|ROK;case=title|Republic of Korea",
          seats = "Blue House;to=2022-05-09" },
  MDA = { c = "Chisinau|Chișinău|Kishinev", d = "Moldovan|Moldovans", a = "Moldavia" },
  ROU = { c = "Bucharest", d = "Romanian|Romanians", a = "Rumania" },
  RWA = { c = "Kigali", d = "Rwandan|Rwandans" },
  KNA = { c = "Basseterre", a = "St. Kitts and Nevis|Saint Kitts|St Kitts" },
  LCA = { c = "Castries", d = "St. Lucian|Saint Lucian", a = "St. Lucia|St Lucia" },
  VCT = { c = "Kingstown", a = "St. Vincent and the Grenadines|St Vincent" },
  WSM = { c = "Apia", d = "Samoan|Samoans" },
  SMR = { c = "City of San Marino", d = "Sammarinese" },
  STP = { c = "Sao Tome;case=title", a = "Sao Tome and Principe" },
  SAU = { c = "Riyadh", d = "Saudi|Saudis", a = "KSA;case=title" },
  SEN = { c = "Dakar", d = "Senegalese" },
  SRB = { c = "Belgrade;from=2006-06-05", d = "Serbian|Serbians|Serb|Serbs" },
  SYC = { c = "", d = "Seychellois" },
  SLE = { c = "Freetown", d = "Sierra Leonean|Sierra Leoneans" },
  SGP = { c = "Singapore", d = "Singaporean|Singaporeans" },
  SVK = { c = "Bratislava", d = "Slovak|Slovaks|Slovakian" },
  SVN = { c = "Ljubljana", d = "Slovenian|Slovenians|Slovene|Slovenes" },
  SLB = { c = "Honiara", a = "Solomon Islands", d = "Solomon Islander" },
  SOM = { c = "Mogadishu", d = "Somali|Somalis" },
  ZAF = { c = "Pretoria|Cape Town", d = "South African|South Africans", a = "RSA;case=title" },
  SSD = { c = "Juba", d = "South Sudanese" },
  ESP = { c = "Madrid", d = "Spanish|Spaniard|Spaniards", seats = "Moncloa" },
  LKA = { c = "Colombo|Sri Jayawardenepura Kotte", d = "Sri Lankan|Sri Lankans", a = "Ceylon;to=1972-05-21" },
  SDN = { c = "Khartoum", d = "Sudanese" },
  SUR = { c = "Paramaribo", d = "Surinamese|Surinamer", a = "Surinam" },
  SWE = { c = "Stockholm", d = "Swedish|Swede|Swedes" },
  CHE = { c = "Bern|Berne", d = "Swiss" },
  SYR = { c = "Damascus", d = "Syrian|Syrians" },
  TJK = { c = "Dushanbe", d = "Tajik|Tajiks|Tadjik" },
  THA = { c = "Bangkok", d = "Thai|Thais", a = "Siam" },
  TLS = { c = "Dili", d = "Timorese|East Timorese", a = "East Timor" },
  TGO = { c = "Lome|Lomé", d = "Togolese" },
  TON = { c = "Nuku'alofa", d = "Tongan|Tongans" },
  TTO = { c = "Port of Spain|Port-of-Spain", d = "Trinidadian|Trinidadians", a = "Trinidad|Trinidad-Tobago" },
  TUN = { c = "Tunis", d = "Tunisian|Tunisians" },
  TUR = { c = "Ankara", d = "Turkish|Turks;case=title", t = "Turkey", a = "Türkiye|Turkiye" },
  TKM = { c = "Ashgabat|Ashkhabad", d = "Turkmen", a = "Turkmenia" },
  TUV = { c = "Funafuti", d = "Tuvaluan" },
  UGA = { c = "Kampala", d = "Ugandan|Ugandans" },
  UKR = { c = "Kyiv|Kiev", d = "Ukrainian|Ukrainians", a = "the Ukraine" },
  ARE = { c = "Abu Dhabi", d = "Emirati|Emiratis", a = "UAE;case=title|U.A.E.|Emirates;case=title" },
  GBR = { c = "London", d = "British|Briton|Britons",
          a = "Britain|Great Britain|UK;case=title|U.K.|United Kingdom|England|Scotland|Wales;case=title|"
            .. "Northern Ireland|Scottish|Welsh|Northern Irish",
          seats = "Downing Street|Number 10;case=title|Whitehall|Foreign Office;case=title" },
  TZA = { c = "Dodoma|Dar es Salaam", d = "Tanzanian|Tanzanians" },
  USA = { c = "Washington", d = "American|Americans|U.S.-based",
          a = "U.S.|US;case=title|USA;case=title|U.S.A.|America|United States",
          seats = "White House|Foggy Bottom|State Department|Capitol Hill;role=LEG|Congress;case=title role=LEG|"
          .. "Pentagon;type=group role=MIL|Oval Office" },
  URY = { c = "Montevideo", d = "Uruguayan|Uruguayans" },
  UZB = { c = "Tashkent", d = "Uzbek|Uzbeks" },
  VUT = { c = "Port Vila", d = "Ni-Vanuatu" },
  VEN = { c = "Caracas", d = "Venezuelan|Venezuelans" },
  VNM = { c = "Hanoi", d = "Vietnamese", a = "Viet Nam" },
  YEM = { c = "Sanaa|Sana'a", d = "Yemeni|Yemenis",
          a = "North Yemen;to=1990-05-21|Yemen Arab Republic;to=1990-05-21" },
  ZMB = { c = "Lusaka", d = "Zambian|Zambians" },
  ZWE = { c = "Harare|Salisbury;to=1982-04-18", d = "Zimbabwean|Zimbabweans", a = "Rhodesia;to=1980-04-17" },
  -- observers, Taiwan, Kosovo
  VAT = { c = "Vatican City", a = "Vatican;case=title|Holy See", seats = "Vatican;case=title" },
  PSE = { c = "Ramallah", d = "Palestinian|Palestinians",
          a = "Palestine|Palestinian Territories|West Bank|Gaza|Gaza Strip|Palestinian Authority" },
  TWN = { c = "Taipei", d = "Taiwanese", a = "Republic of China|Chinese Taipei|Formosa|Nationalist China" },
  XKX = { x = "Kosovo|Republic of Kosovo", c = "Pristina|Prishtina", d = "Kosovar|Kosovars" },
  -- territories (type=other), names iso-codes inverts or that journalists shorten
  HKG = { c = "", d = "Hong Konger", a = "Hong Kong|Hongkong|H.K." },
  MAC = { c = "", a = "Macau|Macao" },
  PRI = { c = "San Juan;case=title", d = "Puerto Rican|Puerto Ricans" },
  VGB = { c = "", a = "British Virgin Islands" },
  VIR = { c = "", a = "U.S. Virgin Islands|US Virgin Islands" },
  REU = { x = "Réunion;case=title|Reunion Island" },
  JEY = { x = "Bailiwick of Jersey|Jersey, Channel Islands|States of Jersey" },
}

-- State institutions named without the country (type=group): central banks, ministries,
-- parliaments (role=LEG), armed forces (role=MIL). "name;attrs" as above.
local INSTITUTIONS = {
  USA = "Federal Reserve|Fed;case=title|Federal Reserve Board|U.S. Treasury|Treasury Department|"
    .. "Commerce Department|Agriculture Department|Justice Department|Defense Department|"
    .. "U.S. Trade Representative|USTR;case=title|U.S. Senate;role=LEG|U.S. Congress;role=LEG|"
    .. "Federal Reserve System",
  GBR = "Bank of England|House of Commons;role=LEG|House of Lords;role=LEG|HM Treasury|"
    .. "Her Majesty's Government|His Majesty's Government|Ministry of Defence;role=MIL",
  DEU = "Bundesbank|Bundestag;role=LEG|Bundesrat;role=LEG|Bundeswehr;role=MIL",
  -- commercial banks named after the country are businesses (the longest match wins over
  -- "Bank of Japan")
  JPN = "Bank of Japan|BOJ;case=title|Industrial Bank of Japan;role=BUS|Long-Term Credit Bank of Japan;role=BUS|"
    .. "Ministry of International Trade and Industry;to=2001-01-05|"
    .. "MITI;case=title to=2001-01-05|"
    .. "Ministry of Economy, Trade and Industry;from=2001-01-06|METI;case=title from=2001-01-06|"
    .. "National Diet;role=LEG|Japanese Diet;role=LEG|Self-Defense Forces;role=MIL|Self-Defence Forces;role=MIL",
  FRA = "Banque de France|Bank of France|National Assembly of France;role=LEG",
  CAN = "Bank of Canada|House of Commons of Canada;role=LEG",
  CHE = "Swiss National Bank",
  ITA = "Bank of Italy|Banca d'Italia",
  AUS = "Reserve Bank of Australia",
  NZL = "Reserve Bank of New Zealand",
  NLD = "Nederlandsche Bank|Dutch central bank",
  BEL = "National Bank of Belgium|Belgian National Bank",
  CHN = "People's Bank of China|PBOC;case=title|People's Liberation Army;role=MIL|PLA;case=title role=MIL|"
    .. "National People's Congress;role=LEG|Politburo;case=title",
  RUS = "Bank of Russia;from=1991-12-26|Central Bank of Russia;from=1991-12-26|State Duma;role=LEG from=1993-12-12",
  IND = "Reserve Bank of India|Lok Sabha;role=LEG",
  KOR = "Bank of Korea",
  SWE = "Riksbank",
  NOR = "Norges Bank",
  DNK = "Danmarks Nationalbank",
  ESP = "Bank of Spain|Banco de Espana|Banco de España|Cortes;case=title role=LEG",
  BRA = "Banco Central do Brasil|Brazilian central bank",
  ISR = "Bank of Israel|Israel Defense Forces;role=MIL|IDF;case=title role=MIL",
  TUR = "Grand National Assembly;role=LEG",
  IRN = "Revolutionary Guards;role=MIL|IRGC;case=title role=MIL|Majlis;case=title role=LEG",
  UKR = "Verkhovna Rada;role=LEG from=1991-08-24",
  SAU = "Saudi Aramco;role=GOV|Aramco;case=title role=GOV",
  TWN = "Legislative Yuan;role=LEG|Executive Yuan",
  ZAF = "South African Reserve Bank",
}

-- State news agencies (type=group role=MED): "Tass said" is the Soviet state speaking.
-- Kyodo is a cooperative of Japanese newspapers, not the state, but names Japan the same
-- way. Tass is in FORMER (Soviet Union) and RUS_EXTRA (Russia, from 1991-12-26), Tanjug in
-- FORMER (Yugoslavia).
local AGENCIES = {
  CHN = "Xinhua|New China News Agency|China News Agency",
  IRN = "IRNA;case=title|Islamic Republic News Agency",
  JPN = "Kyodo;case=title|Kyodo News",
  EGY = "Middle East News Agency",
  FRA = "Agence France-Presse|Agence France Presse",
}

-- Sub-national places and large cities (type=other), which name the country they are in
-- ("Frankfurt-based", "Ontario's premier"). Ambiguous names are left out (Birmingham,
-- Perth, Victoria, Georgia the US state: see guards.lua), or carry case=title.
local PLACES = {
  USA = "New York|New York City|Wall Street|Chicago|Los Angeles|San Francisco|Houston|Dallas|Boston|Detroit|"
    .. "Philadelphia|Atlanta|Miami|Seattle|Pittsburgh|Cleveland|Minneapolis|St. Louis|Denver|Phoenix;case=title|"
    .. "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|"
    .. "Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine;case=title|Maryland|Massachusetts|Michigan|Minnesota|"
    .. "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|"
    .. "North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|"
    .. "Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Washington state|Washington State|state of Washington|"
    .. "Jersey City|Silicon Valley|West Texas|Midwest|Mid-West",
  CAN = "Toronto|Montreal|Montréal|Vancouver|Calgary|Edmonton|Winnipeg|Quebec|Québec|Ontario|Alberta|"
    .. "British Columbia|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Prince Edward Island",
  DEU = "Frankfurt|Munich|Hamburg|Duesseldorf|Düsseldorf|Dusseldorf|Cologne|Stuttgart|Bavaria",
  CHE = "Zurich|Zürich|Geneva|Basle|Basel|Lausanne|Lugano",
  JPN = "Osaka|Yokohama|Nagoya|Kobe|Okinawa|Hokkaido",
  AUS = "Sydney|Melbourne|Brisbane|Adelaide|New South Wales|Queensland",
  ITA = "Milan|Turin|Naples|Florence|Venice|Sicily|Genoa",
  FRA = "Marseille|Marseilles|Strasbourg|Bordeaux|Toulouse",
  GBR = "Edinburgh|Glasgow|Manchester|Liverpool|Belfast|the City of London",
  NLD = "Rotterdam|Europoort",
  BEL = "Antwerp",
  ESP = "Barcelona|Catalonia|Seville",
  CHN = "Shanghai|Guangzhou|Canton;case=title|Shenzhen|Tianjin|Wuhan|Chongqing|Xinjiang|Tibet",
  IND = "Mumbai|Bombay|Calcutta|Kolkata|Madras|Chennai|Bangalore|Bengaluru",
  PAK = "Karachi|Lahore",
  BRA = "Sao Paulo|São Paulo|Rio de Janeiro",  -- not bare "Rio": Rio Tinto, Rio Grande, Rio Algom
  ARG = "Cordoba;case=title|Rosario;case=title",
  TUR = "Istanbul",
  ZAF = "Johannesburg|Durban",
  SAU = "Jeddah|Jidda|Dhahran",
  ARE = "Dubai|Sharjah",
  NZL = "Auckland|Christchurch",
  RUS = "St. Petersburg|Siberia",
  IRN = "Kharg Island|Kharg|Isfahan",
  IRQ = "Basra|Kirkuk|Mosul",
  KOR = "Busan|Pusan|Incheon|Inchon",
  IDN = "Java|Sumatra|Bali|Surabaya",
  PHL = "Mindanao|Cebu",
  VNM = "Ho Chi Minh City|Saigon",
  MEX = "Guadalajara|Monterrey",
  ISR = "Haifa",
  EGY = "Alexandria|Suez Canal|Suez",
  NGA = "Niger Delta",
}

-- Exchanges: a country's markets, places like Wall Street (type=other), and longer than
-- the city in their name, which as a capital would read as the government or a venue.
local EXCHANGES = {
  GBR = "London Stock Exchange|London Metal Exchange|London International Financial Futures Exchange|"
    .. "LIFFE;case=title|Baltic Exchange;case=title",
  JPN = "Tokyo Stock Exchange|Osaka Securities Exchange|Osaka Stock Exchange|Tokyo Commodity Exchange|"
    .. "Tokyo Grain Exchange",
  CAN = "Toronto Stock Exchange|Montreal Exchange|Vancouver Stock Exchange|Winnipeg Commodity Exchange",
  DEU = "Frankfurt Stock Exchange|Frankfurt bourse",
  FRA = "Paris Bourse|Paris stock exchange|MATIF;case=title",
  CHE = "Zurich Stock Exchange|Zurich bourse|Geneva bourse",
  NLD = "Amsterdam Stock Exchange|Amsterdam bourse",
  BEL = "Brussels Stock Exchange|Brussels bourse",
  AUS = "Australian Stock Exchange|Sydney Stock Exchange|Sydney Futures Exchange",
  HKG = "Hong Kong Stock Exchange|Hong Kong Futures Exchange|Stock Exchange of Hong Kong",
  SGP = "Stock Exchange of Singapore|Singapore Stock Exchange|Singapore International Monetary Exchange|"
    .. "SIMEX;case=title",
  MYS = "Kuala Lumpur Stock Exchange|Kuala Lumpur Commodity Exchange",
  USA = "New York Stock Exchange|NYSE;case=title|American Stock Exchange|Chicago Board of Trade|"
    .. "Chicago Mercantile Exchange|New York Mercantile Exchange|NYMEX;case=title|Comex;case=title",
}

-- Company legal forms that belong to one jurisdiction (type=group role=BUS, as CAMEO codes
-- businesses with their country): "Reuters Holdings Plc" is a British company. Forms
-- shared by several countries (AG, GmbH, NV, SA, Ltd, Inc, and "Pty Ltd", which is
-- Australian and South African) are left out. No case guard
-- where every spelling is the legal form ("plc", "PLC", "Plc"; all-caps headlines name
-- companies as "FISONS PLC"); "Pte" keeps case=title ("pte" is no word, but "Pte" alone
-- is also the army rank, which is written capitalized too, so the guard costs nothing).
local FORMS = {
  GBR = "Plc|p.l.c.",
  SGP = "Pte;case=title|Pte Ltd;case=title",
  MYS = "Bhd|Sdn Bhd|Berhad",
}

-- Currencies that name one issuing state (type=other role=CUR): the Reuters indexers label
-- currency stories with the issuer, and "stg" (sterling, the financial wires' abbreviation)
-- names Britain in stories that never name the country. Left out: names several states
-- share or shared (dollar, franc, peso, pound, rupee, riyal/rial, dinar, shilling, krone,
-- krona, lira, won, real) - those are named with the demonym, which the lexicon already
-- has ("Canadian dollar"). case=lower where the capitalized word is also a name
-- ("Sterling Drug", "Rand Corp").
local CURRENCIES = {
  JPN = "yen", GBR = "sterling;case=lower|stg|pound sterling", NLD = "guilder|guilders",
  ITA = "lire", ESP = "peseta|pesetas", AUT = "schilling;case=lower|schillings;case=lower",
  ZAF = "rand;case=lower", MYS = "ringgit", THA = "baht", CHN = "yuan|renminbi",
  BRA = "cruzado;case=lower|cruzados;case=lower|cruzeiro;case=lower|cruzeiros;case=lower",
  FIN = "markka|markkaa", GRC = "drachma|drachmas", PRT = "escudo;case=lower|escudos;case=lower",
  ISR = "shekel|shekels", DEU = "D-mark|D-marks|deutschemark|deutschemarks|Deutsche mark|Deutsche marks|"
    -- amounts in marks: the Deutsche Mark until the euro (bare "marks" is a common word)
    .. "million marks;to=2001-12-31|mln marks;to=2001-12-31|billion marks;to=2001-12-31|bln marks;to=2001-12-31",
  POL = "zloty|zlotys", HUN = "forint|forints", IDN = "rupiah", NGA = "naira", SWE = "kronor",
  RUS = "rouble|roubles|ruble|rubles",
}

-- Currencies named with the issuer's demonym or name ("the Swiss franc", "Canadian dlrs",
-- "the Hong Kong dollar"): the demonym alone would already resolve to the state; the
-- whole phrase, being longer, wins and marks the mention as a currency (role=CUR), so
-- that a user or a salience rule can tell "Canadian dlrs" from "Canadian officials".
-- Each currency name is expanded to its plural and to the wires' "dlr"/"dlrs". Left out:
-- "crown" ("the Danish crown prince") and "won" ("the South Korean won the race"); the
-- demonym still names the state there.
local CURRENCY_PHRASES = {
  -- the wires' abbreviations too: "Aus dlrs", "Can dlrs", "NZ dlrs", "HK dlrs", "Sing dlrs"
  dollar = { AUS = "Australian|Aus|Aust", CAN = "Canadian|Can;case=title", NZL = "New Zealand|N.Z.|NZ",
             HKG = "Hong Kong|H.K.|HK", SGP = "Singapore|Sing;case=title", TWN = "Taiwan|New Taiwan",
             USA = "U.S.|US;case=title|American",
             MYS = "Malaysian", ZWE = "Zimbabwe", JAM = "Jamaican", BRN = "Brunei", FJI = "Fiji" },
  franc = { CHE = "Swiss", FRA = "French", BEL = "Belgian", LUX = "Luxembourg" },
  krone = { DNK = "Danish", NOR = "Norwegian" },
  peso = { MEX = "Mexican", PHL = "Philippine", ARG = "Argentine", CHL = "Chilean", COL = "Colombian" },
  rupee = { IND = "Indian", PAK = "Pakistani", LKA = "Sri Lankan" },
  riyal = { SAU = "Saudi", QAT = "Qatari" },
  rial = { IRN = "Iranian", OMN = "Omani" },
  dinar = { KWT = "Kuwaiti", IRQ = "Iraqi", BHR = "Bahraini", JOR = "Jordanian", DZA = "Algerian" },
  pound = { EGY = "Egyptian", IRL = "Irish", GBR = "British", CYP = "Cypriot" },
  lira = { ITA = "Italian", TUR = "Turkish" },
  mark = { DEU = "German|West German;to=1990-10-02", FIN = "Finnish" },
  shilling = { KEN = "Kenyan", AUT = "Austrian", UGA = "Ugandan", TZA = "Tanzanian" },
  yen = { JPN = "Japanese" },
  guilder = { NLD = "Dutch" },
  punt = { IRL = "Irish" },
  rand = { ZAF = "South African|financial;case=lower|commercial;case=lower" },
}
local PLURALS = { dollar = { "dollars", "dlr", "dlrs" }, franc = { "francs" }, krone = { "kroner" },
  peso = { "pesos" }, rupee = { "rupees" }, riyal = { "riyals" }, rial = { "rials" },
  dinar = { "dinars" }, pound = { "pounds" }, lira = { "lire" }, mark = { "marks" },
  shilling = { "shillings" }, yen = {}, guilder = { "guilders" }, punt = { "punts" }, rand = {} }
local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  return keys
end
for _, cur in ipairs(sorted_keys(CURRENCY_PHRASES)) do
  local by = CURRENCY_PHRASES[cur]
  for _, code in ipairs(sorted_keys(by)) do
    local names = by[code]
    local list = {}
    for item in (names .. "|"):gmatch("(.-)|") do
      local name, attrs = item:match("^(.-);(.*)$")
      name = name or item
      attrs = attrs and (";" .. attrs) or ""
      list[#list + 1] = name .. " " .. cur .. attrs
      for _, pl in ipairs(PLURALS[cur]) do list[#list + 1] = name .. " " .. pl .. attrs end
    end
    table.sort(list)
    local cur_list = table.concat(list, "|")
    CURRENCIES[code] = CURRENCIES[code] and (CURRENCIES[code] .. "|" .. cur_list) or cur_list
  end
end

-- Companies and banks named after a country, a city or a demonym (type=group role=BUS, as
-- CAMEO codes businesses with their country): "Swiss Bank Corp" is a Swiss business, not
-- the Swiss state, and "British Petroleum" is no statement about Britain. Being longer,
-- the company's name wins over the demonym or the city inside it ("Bank of Tokyo",
-- "Hongkong and Shanghai Banking Corp" is not Shanghai). State-owned banks and oil
-- companies that act for their state are in INSTITUTIONS instead.
local BUSINESSES = {
  GBR = "British Petroleum|British Telecom|British Telecommunications|British Airways|British Caledonian|"
    .. "British Aerospace|British Gas;case=title|British Steel;case=title|British Coal;case=title|"
    .. "British Rail;case=title|British Leyland|British Land;case=title|"
    .. "British and Commonwealth|British Printing and Communications|British American Tobacco|"
    .. "British-American Tobacco|British Home Stores|British Oxygen|British Shipbuilders|British Airports Authority|"
    .. "British Nuclear Fuels|British Broadcasting Corporation|Royal Bank of Scotland|Bank of Scotland|"
    .. "British Bank of the Middle East",
  CHE = "Swiss Bank Corporation|Swiss Bank Corp|Union Bank of Switzerland|Swiss Reinsurance|Swiss Volksbank|"
    .. "Swiss Re;case=title",
  CAN = "Canadian Pacific|Canadian National;case=title|Canadian Imperial Bank of Commerce|Air Canada|"
    .. "Royal Bank of Canada|Bank of Montreal|Bank of Nova Scotia|Toronto Dominion|National Bank of Canada|"
    .. "Petro-Canada|Hydro-Quebec|Bell Canada|Canadian Tire|Canada Packers|Canadian Airlines;case=title",
  JPN = "Bank of Tokyo|Japan Air Lines|Japan Airlines;case=title|Bank of Yokohama",
  FRA = "Banque Nationale de Paris|Credit Commercial de France|Air France|Gaz de France|Electricite de France|"
    .. "Électricité de France",
  HKG = "Hongkong and Shanghai Banking|Hong Kong and Shanghai Banking|Hongkong Bank|Hongkong Land;case=title|"
    .. "Hong Kong Land;case=title|Hong Kong Telecommunications|Hongkong Telecommunications|"
    .. "Hongkong Electric;case=title|Hong Kong Electric;case=title",
  AUS = "Commonwealth Bank of Australia|National Australia Bank|Australia and New Zealand Banking|"
    .. "Bank of New South Wales",
  NZL = "Bank of New Zealand",
  IRL = "Bank of Ireland|Allied Irish Banks|Allied Irish Bank|Irish Life;case=title",
  KOR = "Korea Exchange Bank|Korean Air Lines|Korea Electric Power",
  SGP = "Singapore Airlines|Development Bank of Singapore",
  MYS = "Malaysian Airline System|Malaysia Airlines",
  THA = "Thai Airways",
  PHL = "Philippine Airlines|Philippine National Bank",
  TWN = "China Airlines;case=title|China Steel;case=title",
  NLD = "Royal Dutch;case=title|Royal Dutch Shell|Royal Dutch Petroleum|Royal Dutch Airlines",
  -- not bare "Anglo American": "Anglo-American relations" are British-American
  ZAF = "Anglo American Corporation|Anglo American Corp",
  SAU = "Saudi British Bank|Saudi Basic Industries",
}

-- Names for successor republics of the Soviet Union and Yugoslavia and other states
-- whose current code should only apply from independence; before that date the
-- name resolves to the former state (SUN, YUG) when it was part of it.
local FROM = {
  -- Soviet republics: independence declared (Georgia: no earlier mapping, see guards).
  RUS = "1991-12-26", UKR = "1991-08-24", BLR = "1991-08-25", MDA = "1991-08-27", AZE = "1991-08-30",
  KGZ = "1991-08-31", UZB = "1991-09-01", TJK = "1991-09-09", ARM = "1991-09-21", TKM = "1991-10-27",
  KAZ = "1991-12-16", LTU = "1990-03-11", LVA = "1991-08-21", EST = "1991-08-20", GEO = "1991-04-09",
  -- Yugoslav republics.
  SVN = "1991-06-25", HRV = "1991-06-25", MKD = "1991-09-08", BIH = "1992-03-03",
  -- Later independence.
  ERI = "1993-05-24", SSD = "2011-07-09", TLS = "2002-05-20", XKX = "2008-02-17",
  SRB = "2006-06-05", MNE = "2006-06-03", CZE = "1993-01-01", SVK = "1993-01-01",
}
local PART_OF = {
  UKR = "SUN", BLR = "SUN", MDA = "SUN", AZE = "SUN", KGZ = "SUN", UZB = "SUN", TJK = "SUN", ARM = "SUN",
  TKM = "SUN", KAZ = "SUN", LTU = "SUN", LVA = "SUN", EST = "SUN", RUS = "SUN",
  CZE = "CSK", SVK = "CSK",
  SVN = "YUG", HRV = "YUG", MKD = "YUG", BIH = "YUG", SRB = "YUG", MNE = "YUG", XKX = "YUG",
}
-- Names that stay open-ended for a successor state (the country name was in use
-- for the same territory before independence and later, e.g. Serbia within Yugoslavia).
local OPEN = { SRB = true, MNE = true, XKX = true }

-- Withdrawn codes (ISO 3166-3) the default lexicon resolves, with their names.
local FORMER = {
  { code = "SUN", to = "1991-12-25",
    names = "Soviet Union|USSR;case=title|U.S.S.R.|Union of Soviet Socialist Republics|Soviet|Soviets|"
      .. "Russia|Russian|Russians|Moscow;type=capital|Kremlin;type=capital role=GOV|"
      .. "Leningrad;type=other|Siberia;type=other|rouble;type=other role=CUR|roubles;type=other role=CUR|"
      .. "ruble;type=other role=CUR|rubles;type=other role=CUR|Tass;case=title type=group role=MED" },
  { code = "DDR", to = "1990-10-02",
    names = "East Germany|East German|East Germans|German Democratic Republic|GDR;case=title|"
      .. "East Berlin;type=capital" },
  { code = "YUG", to = "2003-02-03",
    names = "Yugoslavia|Yugoslav|Yugoslavs|Federal Republic of Yugoslavia|"
      .. "Socialist Federal Republic of Yugoslavia|Belgrade;type=capital|Tanjug;case=title type=group role=MED" },
  { code = "SCG", from = "2003-02-04", to = "2006-06-04",
    names = "Serbia and Montenegro|Belgrade;type=capital" },
  { code = "CSK", to = "1992-12-31",
    names = "Czechoslovakia|Czechoslovak|Czechoslovaks|Czechoslovakian|Prague;type=capital" },
  { code = "YMD", to = "1990-05-21",
    names = "South Yemen|People's Democratic Republic of Yemen|Aden;type=capital" },
}

local RUS_EXTRA = "Russia|Russian Federation|Russian|Russians|Moscow;type=capital|Kremlin;type=capital role=GOV|"
  .. "Duma;case=title role=LEG type=capital|Tass;case=title type=group role=MED|ITAR-TASS;type=group role=MED"

local function split(s)
  local out = {}
  if not s or s == "" then return out end
  for item in (s .. "|"):gmatch("(.-)|") do
    if item ~= "" then out[#out + 1] = item end
  end
  return out
end

-- "Name;attrs" -> name, attrs string ("" when none)
local function name_attrs(item)
  local name, attrs = item:match("^(.-);(.*)$")
  if name then return name, attrs end
  return item, ""
end

local iso1 = read_json(dir .. "/iso_3166-1.json")["3166-1"]
local iso3 = read_json(dir .. "/iso_3166-3.json")["3166-3"]
local by_code = {}
for _, r in ipairs(iso1) do by_code[r.alpha_3] = r end
local withdrawn = {}
for _, r in ipairs(iso3) do withdrawn[r.alpha_3] = r end

local states = {}
for c in UN_MEMBERS:gmatch("%u%u%u") do states[#states + 1] = c end
assert(#states == 193, "UN member list has " .. #states .. " codes")
local observers = {}
for c in OBSERVERS:gmatch("%u%u%u") do observers[#observers + 1] = c end

local out = {}
local function emit(s) out[#out + 1] = s end

-- merge attributes: base then extra (extra wins for the same key)
local function attrs_join(...)
  local keys, vals = {}, {}
  for i = 1, select("#", ...) do
    local a = select(i, ...)
    if a and a ~= "" then
      for k, v in a:gmatch('(%w+)=("[^"]*"%S*)') do
        if not vals[k] then keys[#keys + 1] = k end
        vals[k] = v
      end
      for k, v in a:gsub('%w+="[^"]*"', ""):gmatch("(%w+)=(%S+)") do
        if not vals[k] then keys[#keys + 1] = k end
        vals[k] = v
      end
    end
  end
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. vals[k] end
  return table.concat(parts, " ")
end

local seen  -- per block: avoid duplicate term lines
local function term(name, attrs)
  if name == nil or name == "" then return end
  local key = name:lower() .. "\0" .. (attrs or "")
  if seen[key] then return end
  seen[key] = true
  if attrs and attrs ~= "" then emit(name .. " | " .. attrs) else emit(name) end
end

-- Names iso-codes gives for a code, keeping the ones a journalist writes.
local function iso_names(r)
  local names = {}
  if not r then return names end
  local function add(n)
    if n and n ~= "" and not n:find("[,(]") then
      n = n:gsub("^the ", "")
      names[#names + 1] = n
    end
  end
  add(r.common_name)
  add(r.name)
  add(r.official_name)
  return names
end

local counts = { states = 0, observers = 0, territories = 0, former = 0, terms = 0 }

local function emit_country(code, kind)
  local f = FACTS[code] or {}
  local r = by_code[code]
  local ctype = kind == "territory" and "other" or "state"
  emit("")
  emit(string.format("@actor code=%s type=%s", code, ctype))
  seen = {}
  local date_attr = ""
  if FROM[code] and not OPEN[code] then date_attr = "from=" .. FROM[code] end
  local names = {}
  if f.x then
    for _, n in ipairs(split(f.x)) do names[#names + 1] = n end
  else
    for _, n in ipairs(iso_names(r)) do
      if n ~= f.drop then names[#names + 1] = n end
    end
    for _, n in ipairs(split(f.t)) do
      -- title-only names replace the plain iso form
      for i = #names, 1, -1 do if names[i] == n then table.remove(names, i) end end
      names[#names + 1] = n .. ";case=title"
    end
    for _, n in ipairs(split(f.a)) do names[#names + 1] = n end
  end
  if code == "RUS" then
    for _, n in ipairs(split(RUS_EXTRA)) do names[#names + 1] = n end
  end
  -- each list of names with the attributes its terms carry (a name may add its own)
  local lists = {
    { names, nil },
    { split(f.d), nil },
    { split(f.c), "type=capital" },
    { split(f.seats), "type=capital role=GOV" },
    { split(INSTITUTIONS[code]), "type=group role=GOV" },
    { split(FORMS[code]), "type=group role=BUS" },
    { split(AGENCIES[code]), "type=group role=MED" },
    { split(BUSINESSES[code]), "type=group role=BUS" },
    { split(EXCHANGES[code]), "type=other" },
    { split(PLACES[code]), "type=other" },
    { split(CURRENCIES[code]), "type=other role=CUR" },
  }
  for _, list in ipairs(lists) do
    for _, n in ipairs(list[1]) do
      local name, a = name_attrs(n)
      term(name, attrs_join(list[2], date_attr, a))
    end
  end
  if kind == "territory" then counts.territories = counts.territories + 1
  elseif kind == "observer" then counts.observers = counts.observers + 1
  else counts.states = counts.states + 1 end
end

emit("#!dyadic-lexicon 1")
emit("# countries.lua - state actors of the dyadic default lexicon. GENERATED by tools/gen_countries.lua")
emit("# from Debian iso-codes (ISO 3166-1, ISO 3166-3) plus the table of facts in the generator:")
emit("# do not edit by hand, edit the generator and run it again. Sources: lua/dyadic/data/README.md.")
emit("# Codes are ISO 3166-1 alpha-3 (XKX for Kosovo, ISO 3166-3 codes for former states).")

emit("")
emit("# ---- UN member states ----")
for _, code in ipairs(states) do
  assert(by_code[code], "no iso-codes entry for " .. code)
  emit_country(code, "state")
end
emit("")
emit("# ---- UN observer states, Taiwan, Kosovo ----")
for _, code in ipairs(observers) do emit_country(code, "observer") end

emit("")
emit("# ---- dependent territories and special administrative regions (type=other) ----")
local terr = {}
for _, r in ipairs(iso1) do
  local c = r.alpha_3
  local member = false
  for _, s in ipairs(states) do if s == c then member = true break end end
  for _, s in ipairs(observers) do if s == c then member = true break end end
  if not member then terr[#terr + 1] = c end
end
table.sort(terr)
for _, code in ipairs(terr) do
  local f, r = FACTS[code], by_code[code]
  if f or (r and not r.name:find("[,(]")) then emit_country(code, "territory") end
end

emit("")
emit("# ---- former states (ISO 3166-3) and names before independence ----")
for _, fs in ipairs(FORMER) do
  assert(withdrawn[fs.code], "no ISO 3166-3 entry for " .. fs.code)
  emit("")
  emit(string.format("@actor code=%s type=state", fs.code))
  seen = {}
  local base = attrs_join(fs.from and ("from=" .. fs.from) or "", "to=" .. fs.to)
  for _, n in ipairs(split(fs.names)) do
    local name, a = name_attrs(n)
    term(name, attrs_join(base, a))
  end
  counts.former = counts.former + 1
end
-- Republics' names before independence resolve to the union they belonged to.
local prior = {}
for code, parent in pairs(PART_OF) do
  if not OPEN[code] and code ~= "RUS" then prior[#prior + 1] = code end
  local _ = parent
end
table.sort(prior)
for _, code in ipairs(prior) do
  local parent = PART_OF[code]
  local to = FROM[code]
  -- the day before independence
  local y, m, d = to:match("(%d+)-(%d+)-(%d+)")
  local t = os.time { year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12 } - 86400
  local before = os.date("!%Y-%m-%d", t)
  emit("")
  emit(string.format("# %s before %s: part of %s", code, to, parent))
  emit(string.format("@actor code=%s type=state to=%s", parent, before))
  seen = {}
  local f = FACTS[code] or {}
  local names = iso_names(by_code[code])
  for _, n in ipairs(split(f.a)) do names[#names + 1] = n end
  for _, n in ipairs(split(f.d)) do names[#names + 1] = n end
  for _, n in ipairs(names) do
    local name, a = name_attrs(n)
    a = a:gsub("from=%S+", "")
    term(name, a)
  end
end

for _, line in ipairs(out) do
  if line ~= "" and not line:find("^[#@]") then counts.terms = counts.terms + 1 end
end
io.stderr:write(string.format("gen_countries: %d UN members, %d observers/others, %d territories, %d former "
  .. "states, %d term lines\n", counts.states, counts.observers, counts.territories, counts.former, counts.terms))

io.write("-- GENERATED by tools/gen_countries.lua from Debian iso-codes and the facts table in the generator.\n")
io.write("-- One string in the dyadic native lexicon format (see lua/dyadic/data/README.md).\n")
io.write("return [==[\n", table.concat(out, "\n"), "\n]==]\n")
