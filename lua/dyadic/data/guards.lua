-- Guards of the dyadic default lexicon: discards for phrases that contain a country or
-- capital name without meaning that state ("New Guinea", "University of Washington", "Paris
-- Club"). A discard blocks every shorter match inside its span. One string in the native
-- lexicon format; see README.md.
return [==[
#!dyadic-lexicon 1
# guards.lua - ambiguity traps. Title-case-only names (Turkey, Chad, Jordan, UK, US,
# Georgetown...) are handled in countries.lua with case=title; here are the phrases.
@discard

# ---- United States places and institutions named after other countries ----
# (New Mexico, New Jersey, Jersey City and Washington state are USA places in countries.lua,
# which, being longer, stops Mexico, Jersey and Washington the capital inside them.)
New England
New Britain
New Holland
Jordan River | case=title
Georgia-Pacific
Georgia Pacific
Georgia Power
Georgia Tech
University of Georgia
Georgia Southern
London, Ontario
London, Ont.
Kingston, Ontario
Georgetown University
Congress party
Congress Party
Indian National Congress
Congress of Deputies
World Congress

# ---- United States places whose names contain another country or capital: USA ----
@actor code=USA type=other
Georgia governor
Georgia's governor
governor of Georgia
state of Georgia
Georgia state
Atlanta, Georgia
Atlanta Georgia
Savannah, Georgia
Augusta, Georgia
Columbus, Georgia
Georgia, U.S.
Georgia Legislature
Georgia Senate
Georgia senator
Georgia Republican*
Georgia Democrat*
Lebanon, Pennsylvania
Lebanon, New Hampshire
Peru, Indiana
Peru, Illinois
Mexico, Missouri
Cuba, New York
Paris, Texas
Paris, Tennessee
Athens, Georgia
Athens, Ohio
Moscow, Idaho
Dublin, Ohio
Dublin, California
Vienna, Virginia
Rome, Georgia
Rome, New York
Berlin, New Hampshire
Toledo, Ohio
Cairo, Illinois
Nassau County
Kingston, New York
Canton, Ohio
Panama City, Florida
Panama City Beach
Washington's governor
Washington governor
governor of Washington
Seattle, Washington
Spokane, Washington
Washington, Seattle

@discard

# ---- Washington the state, the university, the newspaper, the person ----
University of Washington
Washington University
Washington Post
Washington Times
Washington Redskins
Washington Commanders
Washington Wizards
Washington Nationals
Washington Capitals
Washington Mutual
Washington Gas
Washington Water Power
George Washington
Mount Washington
Lake Washington

# ---- words and names that contain a country, capital or demonym ----
turkey bird
turkey farm*
turkey meat
wild turkey
cold turkey
Thanksgiving turkey
guinea pig*
guinea fowl
New Guinea
Gulf of Guinea
china clay
fine china
bone china
china plate*
china cabinet*
French fries
French toast
French horn*
French kiss*
Danish pastry
Dutch auction*
Dutch treat
Swiss cheese
Swiss army knife
Russian roulette
Russian doll*
Turkish delight
Turkish bath*
Brazil nut*
Indian Ocean
American Indian*
West Indian*
West Indies
East Indies
Indian tribe*
Indian reservation*
Indian summer
Native American*
Indiana
Jordan Marsh
Michael Jordan
Cuba libre
Peking duck
Congo red
Jersey cow*
Jersey cattle
Chile pepper*
chile con carne
Lebanon bologna
Panama hat*
Panama Papers
Mexican wave
Spanish flu
Japanese beetle*
Japanese knotweed
Chinese wall
Chinese whispers
Niger Delta Avengers

# ---- seas and gulfs named after a country: a body of water, not the state ----
# ("Gulf of Mexico" rigs are mostly off the US coast; the Persian Gulf is a region in regions.lua)
Gulf of Mexico
Sea of Japan
Gulf of Thailand
Irish Sea

# ---- a US political affair, an American fund: named after a country, not about it ----
Iran-Contra
Iran arms scandal
Iran arms affair
Iran scandal
Irangate
Japan Fund

# ---- "West" (the Western bloc in regions.lua) inside names that are not the bloc ----
West Coast
West End
West Point
West Side
Wild West
Far West
West Midlands
West Yorkshire
West Sussex
West Ham
West Java
West Bengal
West Nile
West Papua
Kanye West
Mae West
West Indies Cricket
West Berlin
North West
South West

# ---- clubs, markets and groups named after a capital ----
Paris Club
London Club
London Interbank Offered Rate
Tokyo Round
Uruguay Round
Kennedy Round
Doha Round
Washington Consensus
Helsinki Final Act
Helsinki Accords
Geneva Conventions
Vienna Convention*
Rome Statute
Brussels sprout*
Brussels Airlines
National Security Council
South China Morning Post
Moscow Times
Kyiv Independent
Tehran Times
Jerusalem Post
Japan Times
Times of India
China Daily
Korea Herald
Korea Times
Bangkok Post
Straits Times
]==]
